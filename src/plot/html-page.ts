import type { ThemeName } from './plot-options.js';
import { CURVE_SLIDER, HIGHLIGHTED_STAGE } from './specs/curve-panel.js';
import type { VegaLiteSpec } from './specs/vega-lite-spec.js';

/** One figure on the page. */
export interface HtmlFigure {
  /** Key under which the page exposes the figure's vega View: `window.momentumFr.views[id]`. */
  id: string;
  heading: string;
  description: string;
  spec: VegaLiteSpec;
}

export interface HtmlPageInput {
  title: string;
  /** Shown under the title, e.g. the tool and version that wrote the page. */
  subtitle: string;
  theme: ThemeName;
  figures: HtmlFigure[];
  /** The libraries' source, inlined so the page works offline: [name, code] in load order. */
  scripts: [string, string][];
}

/**
 * A self-contained HTML page: vega, vega-lite and vega-embed inlined, each figure embedded with
 * tooltips and an export menu (no "open in editor": the page must not depend on the network).
 * When every figure has rendered, `document.body.dataset.ready` is "true" (or "error"). Beside a
 * stage slider the page shows the highlighted stage, not vega's raw slider value (a curve position).
 *
 * Deterministic: no timestamps or random ids, so the same figures give the same bytes.
 */
export function htmlPage(page: HtmlPageInput): string {
  const dark = page.theme === 'dark';
  const specs = page.figures.map((f) => ({ id: f.id, spec: f.spec }));
  const sections = page.figures
    .map(
      (f, i) =>
        // The figure draws its own title; the heading is for outlines and screen readers only.
        `<section id="${escapeHtml(f.id)}" aria-label="${escapeHtml(f.heading)}">\n<div class="figure" id="figure-${i}"></div>\n` +
        `<p class="description">${escapeHtml(f.description)}</p>\n</section>`,
    )
    .join('\n');
  const scripts = page.scripts.map(([name, code]) => `<script>/* ${escapeHtml(name)} */\n${inlineScript(code)}\n</script>`).join('\n');
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(page.title)}</title>
<style>
body { margin: 0; font-family: "DejaVu Sans", Verdana, sans-serif; background: ${dark ? '#1e1e22' : '#ffffff'}; color: ${dark ? '#e8e8e8' : '#222222'}; }
main { max-width: 980px; margin: 0 auto; padding: 16px 24px 48px; }
h1 { font-size: 22px; margin: 8px 0 4px; }
section { margin: 28px 0 0; }
.subtitle, .description { color: ${dark ? '#b0b0b0' : '#555555'}; font-size: 13px; line-height: 1.45; }
.figure { overflow-x: auto; }
.vega-bind { font-size: 13px; margin: 6px 0; }
.vega-bind input[type="range"] { width: 320px; vertical-align: middle; }
</style>
${scripts}
</head>
<body>
<main>
<h1>${escapeHtml(page.title)}</h1>
<p class="subtitle">${escapeHtml(page.subtitle)}</p>
${sections}
</main>
<script type="application/json" id="momentum-fr-specs">${jsonForScript(specs)}</script>
<script>
(function () {
  var specs = JSON.parse(document.getElementById('momentum-fr-specs').textContent);
  var slider = ${jsonForScript({ input: CURVE_SLIDER, stage: HIGHLIGHTED_STAGE })};
  var views = {};
  // vega writes the slider's value (a position among the drawn curves) beside it on every input
  // event; once the view has run, write the stage that position draws instead.
  function showStage(view, figure) {
    var input = figure.querySelector('input[name="' + slider.input + '"]');
    var label = input && input.nextElementSibling;
    if (!label) return;
    var show = function () { label.textContent = String(view.signal(slider.stage)); };
    view.addSignalListener(slider.stage, show);
    show();
  }
  var options = { renderer: 'canvas', actions: { export: true, source: false, compiled: false, editor: false } };
  window.momentumFr = { views: views };
  window.momentumFr.ready = Promise.all(specs.map(function (s, i) {
    return vegaEmbed('#figure-' + i, s.spec, options).then(function (result) {
      views[s.id] = result.view;
      showStage(result.view, document.getElementById('figure-' + i));
    });
  })).then(function () { document.body.dataset.ready = 'true'; }, function (err) {
    document.body.dataset.ready = 'error';
    console.error(err);
  });
})();
</script>
</body>
</html>
`;
}

export function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** JSON inside <script>: `<` as \u003c so no string can close the element or open a comment. */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}

/** Library code inside <script>: `</script` would end the element early; `<\/script` means the same in JS. */
export function inlineScript(code: string): string {
  return code.replace(/<\/script/gi, '<\\/script');
}
