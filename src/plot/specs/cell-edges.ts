/**
 * Boundaries of the cells of a heat map whose cells sit at `values` (sorted, ascending or
 * descending): midpoints between neighbours (geometric means on a log axis), the two ends mirrored,
 * so that cells tile the axis with no gap and no overlap. n values give n + 1 edges. One value:
 * ±0.5 around it (×0.9 and ×1.1 on a log axis), or ±`halfWidth` when given.
 */
export function cellEdges(values: readonly number[], log = false, halfWidth?: number): number[] {
  const n = values.length;
  if (n === 0) return [];
  if (n === 1) {
    const x = values[0];
    if (halfWidth !== undefined) return [x - halfWidth, x + halfWidth];
    return log ? [x * 0.9, x * 1.1] : [x - 0.5, x + 0.5];
  }
  const f = log ? Math.log : (a: number) => a;
  const g = log ? Math.exp : (a: number) => a;
  const v = values.map(f);
  const edges = [v[0] - (v[1] - v[0]) / 2];
  for (let i = 0; i + 1 < n; i++) edges.push((v[i] + v[i + 1]) / 2);
  edges.push(v[n - 1] + (v[n - 1] - v[n - 2]) / 2);
  return edges.map(g);
}
