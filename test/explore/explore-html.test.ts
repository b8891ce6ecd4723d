import { describe, expect, it } from 'vitest';
import { exploreHtml } from '../../src/explore/explore-html.js';

const input = {
  title: 'explore <a & b>',
  subtitle: 'sub',
  sources: [{ label: 'x.yaml', text: 'name: "</script><script>alert(1)</script>"\n' }],
  script: 'var s = "</script>";',
};

describe('exploreHtml: the page around the page module', () => {
  it('inlines the configs as JSON that no text can break out of, and the script without a closing tag inside', () => {
    const html = exploreHtml(input);
    const data = /<script type="application\/json" id="explore-data">(.*?)<\/script>/s.exec(html)![1];
    expect(JSON.parse(data)).toEqual({ sources: input.sources, allowUnstable: false, reloadPath: null });
    expect(html.match(/<\/script>/g)).toHaveLength(3);
    expect(html).toContain('var s = "<\\/script>";');
    expect(html).toContain('<title>explore &lt;a &amp; b&gt;</title>');
  });

  it('loads nothing: no src, href, @import or url() anywhere, and labels every input', () => {
    const html = exploreHtml(input);
    expect(/\s(src|href)=|@import|url\(/i.test(html)).toBe(false);
    for (const id of ['figure-kind', 'position', 'position-step']) expect(html).toContain(`<label for="${id}">`);
    // The YAML pane is an editor the page module builds in #yaml; its text area is labelled by the heading (aria-labelledby).
    expect(html).toContain('<h2 id="yaml-label">Config (YAML)</h2>\n<div id="yaml"></div>');
  });

  it('carries --allow-unstable and the reload path when served, and is the same bytes for the same input', () => {
    expect(exploreHtml({ ...input, reloadPath: '/events' })).toContain('"reloadPath":"/events"');
    expect(exploreHtml({ ...input, allowUnstable: true })).toContain('"allowUnstable":true');
    expect(exploreHtml(input)).toBe(exploreHtml(input));
  });
});
