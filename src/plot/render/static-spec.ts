import type { VegaLiteSpec } from '../specs/vega-lite-spec.js';

/**
 * The spec to render as a picture (SVG, PNG): the same figure without per-point tooltips and ARIA
 * labels. A picture cannot show a tooltip, yet vega formats one (and a description) for every data
 * point while rendering — half the time of a curve plot. The top-level description stays.
 */
export function staticSpec(spec: VegaLiteSpec): VegaLiteSpec {
  return dropUnusedLookups(strip(spec)) as VegaLiteSpec;
}

/**
 * Removes `lookup` transforms none of whose fields is used any more in their view (they fed the
 * tooltips): a join per data point is most of the rendering time of a curve plot.
 */
function dropUnusedLookups(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(dropUnusedLookups);
  if (node === null || typeof node !== 'object') return node;
  const out: { [key: string]: unknown } = {};
  for (const [key, value] of Object.entries(node)) out[key] = key === 'datasets' ? value : dropUnusedLookups(value);
  if (Array.isArray(out.transform)) {
    const { transform, ...rest } = out;
    const others = JSON.stringify(rest, withoutLabelExpr);
    const kept = (transform as { lookup?: string; from?: { fields?: string[] } }[]).filter((t, i, all) => {
      if (t.lookup === undefined || !Array.isArray(t.from?.fields)) return true;
      const elsewhere = others + JSON.stringify(all.filter((_, j) => j !== i), withoutLabelExpr);
      return t.from.fields.some((f) => elsewhere.includes(`"field":"${f}"`) || elsewhere.includes(`datum.${f}`) || elsewhere.includes(`datum["${f}"]`));
    });
    if (kept.length > 0) out.transform = kept;
    else delete out.transform;
  }
  return out;
}

/** An axis' or legend's labelExpr reads the tick's datum (datum.value, datum.label), never a data row's field. */
const withoutLabelExpr = (key: string, value: unknown): unknown => (key === 'labelExpr' ? undefined : value);

function strip(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(strip);
  if (node === null || typeof node !== 'object') return node;
  const out: { [key: string]: unknown } = {};
  for (const [key, value] of Object.entries(node)) {
    if (key === 'encoding' && value !== null && typeof value === 'object') {
      const { tooltip: _tooltip, ...rest } = value as { [key: string]: unknown };
      out[key] = strip(rest);
    } else if (key === 'mark') {
      out[key] = typeof value === 'string' ? { type: value, aria: false } : { ...(value as object), aria: false };
    } else if (key === 'datasets') {
      out[key] = value; // data rows are not spec: copy by reference
    } else {
      out[key] = strip(value);
    }
  }
  return out;
}
