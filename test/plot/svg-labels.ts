import { compileVega } from '../../src/plot/render/compile-vega.js';
import { renderSvg } from '../../src/plot/render/render-svg.js';
import type { TopLevelSpec } from '../../src/plot/specs/vega-lite-spec.js';

/**
 * Texts of the SVG's marks of one role (`axis-label`, `axis-title`, `legend-label`, …), visible ones
 * only; a text of several lines (<tspan>s) is its lines joined by a space.
 */
export function svgTexts(svg: string, role: string): string[] {
  const out: string[] = [];
  const group = new RegExp(`<g class="mark-text role-${role}"[^>]*>(.*?)</g>`, 'g');
  for (const m of svg.matchAll(group)) {
    for (const t of m[1].matchAll(/<text ([^>]*?)(?:\/>|>(.*?)<\/text>)/g)) {
      if (/opacity="0"/.test(t[1]) || t[2] === undefined) continue; // hidden, or empty (<text/>: a log axis' unlabelled tick)
      const lines = [...t[2].matchAll(/<tspan[^>]*>([^<]*)<\/tspan>/g)].map((l) => l[1]);
      out.push(unescape(lines.length > 0 ? lines.join(' ') : t[2]));
    }
  }
  return out;
}

const unescape = (s: string) => s.replaceAll('&amp;', '&').replaceAll('&lt;', '<').replaceAll('&gt;', '>').replaceAll('&quot;', '"').replaceAll('&#39;', "'");

/**
 * Significant digits a tick label shows: "0.4375" 4, "1.408k" 4, "1.5k" 2, "200" 1, "−58" 2
 * (an integer's trailing zeros do not count).
 */
export function significantDigits(label: string): number {
  const m = /^[−-]?(\d*)(?:\.(\d+))?[kMGµmn]?$/.exec(label.trim());
  if (m === null) return Infinity; // not a plain number: the test shows it
  const int = m[1].replace(/^0+/, '');
  const frac = m[2] ?? '';
  if (int === '') return frac.replace(/^0+/, '').length;
  return frac === '' ? int.replace(/0+$/, '').length : int.length + frac.length;
}

/** The spec compiled (no warnings allowed) and drawn to SVG. */
export async function svgOf(spec: TopLevelSpec): Promise<string> {
  const { spec: vg, warnings } = await compileVega(spec);
  if (warnings.length > 0) throw new Error(warnings.join('\n'));
  return renderSvg(vg);
}

/** The visible tick labels of the SVG's x or y axes, in drawing order (axis groups whose aria-label starts "X-axis" / "Y-axis"). */
export function axisLabels(svg: string, axis: 'X' | 'Y'): string[] {
  return svg
    .split('<g class="mark-group role-axis"')
    .slice(1)
    .filter((part) => new RegExp(`^[^>]*aria-label="${axis}-axis`).test(part))
    .flatMap((part) => svgTexts(part, 'axis-label'));
}

/** A label a reader reads as a number: plain digits (−12.5, 0.905, 20000, 1.4k), or exponent form only below 10⁻⁴ (1e-8, 2.5e-6). */
export const PLAIN_NUMBER = /^(?:[−-]?\d+(?:\.\d+)?[kM]?|[−-]?\d(?:\.\d+)?e[−-]\d+)$/;
