/**
 * Makes vega's SVG byte-stable and smaller, without changing what it draws:
 *
 * - ids: vega numbers gradients and clip paths with a process-wide counter (`gradient_4` on the first
 *   render, `gradient_5` on the next), so the same figure rendered twice differs. Every id is renamed
 *   in order of appearance (`gradient_1`, `clip_1`, …) and its `url(#…)`/`href="#…"` references with it.
 * - path data and transforms: vega prints full double precision (`212.57129516147825`); they are cut to
 *   1/100 px, far below what any screen or printer resolves.
 * - colours: `rgb(242, 239, 238)` → `#f2efee`.
 * - rect marks (heatmap cells: the sweep heatmap, a response map drawn as rects) get
 *   `shape-rendering="crispEdges"`: anti-aliased edges of adjacent cells otherwise leave a faint mesh
 *   of seams over the map.
 */
export function normalizeSvg(svg: string): string {
  const ids = [...svg.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]);
  let out = svg;
  if (ids.length > 0) {
    const counters = new Map<string, number>();
    const rename = new Map<string, string>();
    for (const id of ids) {
      if (rename.has(id)) continue;
      const prefix = id.replace(/_?\d+$/, '') || 'id';
      const n = (counters.get(prefix) ?? 0) + 1;
      counters.set(prefix, n);
      rename.set(id, `${prefix}_${n}`);
    }
    // One pass: replaced text is not rescanned, so renaming a → b cannot collide with an existing b.
    const pattern = new RegExp(`(id="|#)(${[...rename.keys()].map(escapeRegExp).join('|')})(?=["')])`, 'g');
    out = out.replace(pattern, (_, lead: string, id: string) => `${lead}${rename.get(id)}`);
  }
  // Truncate to 1/100 px inside d="…" and transform="…" only, so numbers in text stay as written.
  // JavaScript prints |x| < 1e-6 in exponent form, and that is 0 at this resolution.
  out = out.replace(/ (d|transform)="([^"]*)"/g, (_, name: string, value: string) => ` ${name}="${value.replace(/-?[\d.]+e-\d+/g, '0').replace(/(\.\d\d)\d+/g, '$1')}"`);
  out = out.replace(/rgb\((\d{1,3}), ?(\d{1,3}), ?(\d{1,3})\)/g, (_, r: string, g: string, b: string) => `#${(0x1000000 | (+r << 16) | (+g << 8) | +b).toString(16).slice(1)}`);
  out = out.replace(/<g class="mark-rect role-mark/g, '<g shape-rendering="crispEdges" class="mark-rect role-mark');
  return out;
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
