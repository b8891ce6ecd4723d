import type { VegaLiteSpec } from './specs/vega-lite-spec.js';

/**
 * Moves a spec's inline `datasets` into a separate JSON document (`--data-file`), so the spec stays
 * readable and the data can be diffed or reused on its own. Every `data: { name }` reference becomes
 * `data: { url, format: { type: 'json', property: name } }`, which Vega-Lite loads relative to the
 * page or spec that uses it.
 */
export function externalizeData(spec: VegaLiteSpec, url: string): { spec: VegaLiteSpec; data: { [name: string]: unknown } } {
  const { datasets, ...rest } = spec;
  const data = (datasets ?? {}) as { [name: string]: unknown };
  return { spec: rewrite(rest, url) as VegaLiteSpec, data };
}

function rewrite(node: unknown, url: string): unknown {
  if (Array.isArray(node)) return node.map((x) => rewrite(x, url));
  if (node === null || typeof node !== 'object') return node;
  const out: { [key: string]: unknown } = {};
  for (const [key, value] of Object.entries(node)) {
    out[key] = key === 'data' && isNamedData(value) ? { url, format: { type: 'json', property: value.name } } : rewrite(value, url);
  }
  return out;
}

function isNamedData(value: unknown): value is { name: string } {
  return value !== null && typeof value === 'object' && Object.keys(value).length === 1 && typeof (value as { name?: unknown }).name === 'string';
}
