/**
 * JSON for files people diff: nested objects and arrays indented two spaces per level, with every
 * node whose compact form fits in `width` characters — and every data row (an object or array of
 * scalars and scalar arrays, however long) — on one compact line. Key order is insertion order, which
 * the builders fix. Ends with a newline. (The layout of json-stringify-pretty-compact.)
 */
export function stableJson(value: unknown, width = 100): string {
  return `${format(value, '', width)}\n`;
}

function format(value: unknown, indent: string, width: number): string {
  const compact = JSON.stringify(value) ?? 'null';
  if (value === null || typeof value !== 'object') return compact;
  if (isRow(value) || compact.length + indent.length <= width) return compact;
  const inner = `${indent}  `;
  if (Array.isArray(value)) {
    return `[\n${value.map((v) => inner + format(v, inner, width)).join(',\n')}\n${indent}]`;
  }
  const entries = Object.entries(value).filter(([, v]) => v !== undefined);
  return `{\n${entries.map(([k, v]) => `${inner}${JSON.stringify(k)}: ${format(v, inner, width)}`).join(',\n')}\n${indent}}`;
}

/** A data row: nothing nested deeper than an array of scalars. */
function isRow(value: object): boolean {
  const items = Array.isArray(value) ? value : Object.values(value);
  return items.every((v) => v === null || typeof v !== 'object' || (Array.isArray(v) && v.every((x) => x === null || typeof x !== 'object')));
}
