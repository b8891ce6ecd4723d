/** Two parameter values across which g changes sign, with g's values there. */
export interface Bracket {
  a: number;
  b: number;
  ga: number;
  gb: number;
}

/** Points tried in a --range before giving up. */
const SCAN_POINTS = 64;

/**
 * Finds where g (metric − target, NaN where the metric is undefined or the point invalid) changes
 * sign, scanning [lo, hi] at 64 evenly spaced points (geometrically spaced when 0 < lo and
 * hi/lo ≥ 100); the first sign change from lo wins. Returns the range of g seen when there is none.
 */
export function scanRange(g: (x: number) => number, lo: number, hi: number): Bracket | { seen: [number, number]; evaluations: number } {
  const log = lo > 0 && hi / lo >= 100;
  let prevX = NaN;
  let prevG = NaN;
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < SCAN_POINTS; i++) {
    const x = i === 0 ? lo : i === SCAN_POINTS - 1 ? hi : log ? lo * Math.pow(hi / lo, i / (SCAN_POINTS - 1)) : lo + ((hi - lo) * i) / (SCAN_POINTS - 1);
    const gx = g(x);
    if (!Number.isFinite(gx)) continue;
    min = Math.min(min, gx);
    max = Math.max(max, gx);
    if (gx === 0) return { a: x, b: x, ga: 0, gb: 0 };
    if (Number.isFinite(prevG) && (prevG < 0) !== (gx < 0)) return { a: prevX, b: x, ga: prevG, gb: gx };
    prevX = x;
    prevG = gx;
  }
  return { seen: [min, max], evaluations: SCAN_POINTS };
}

/**
 * Without a range: steps out from x0 in both directions, alternately, by (|x0| or 1)/64 · 2^k, so the
 * nearest sign change is found first. When a step lands where g is undefined (an unstable filter, a
 * parameter out of its domain, a metric that does not exist there), the boundary between the last
 * defined point and it is approached by bisection, since a root may sit just inside it (β → 1).
 */
export function expandFrom(g: (x: number) => number, x0: number): Bracket | { seen: [number, number]; evaluations: number } {
  const g0 = g(x0);
  let evaluations = 1;
  if (!Number.isFinite(g0)) return { seen: [NaN, NaN], evaluations };
  if (g0 === 0) return { a: x0, b: x0, ga: 0, gb: 0 };
  const scale = (x0 === 0 ? 1 : Math.abs(x0)) / 64;
  let min = g0;
  let max = g0;
  const sides = [1, -1].map((dir) => ({ dir, x: x0, gx: g0, open: true }));
  for (let k = 0; k < 64 && sides.some((s) => s.open); k++) {
    for (const side of sides) {
      if (!side.open) continue;
      const x = x0 + side.dir * scale * 2 ** k;
      const gx = g(x);
      evaluations++;
      if (Number.isFinite(gx)) {
        min = Math.min(min, gx);
        max = Math.max(max, gx);
        if ((gx < 0) !== (side.gx < 0) || gx === 0) return ordered(side.x, x, side.gx, gx);
        side.x = x;
        side.gx = gx;
        continue;
      }
      // Approach the edge of the defined region from the inside.
      let inside = side.x;
      let ginside = side.gx;
      let outside = x;
      for (let i = 0; i < 60 && inside !== outside; i++) {
        const mid = inside + (outside - inside) / 2;
        if (mid === inside || mid === outside) break;
        const gm = g(mid);
        evaluations++;
        if (!Number.isFinite(gm)) {
          outside = mid;
          continue;
        }
        min = Math.min(min, gm);
        max = Math.max(max, gm);
        if ((gm < 0) !== (ginside < 0) || gm === 0) return ordered(inside, mid, ginside, gm);
        inside = mid;
        ginside = gm;
      }
      side.open = false;
    }
  }
  return { seen: [min, max], evaluations };
}

function ordered(x1: number, x2: number, g1: number, g2: number): Bracket {
  return x1 <= x2 ? { a: x1, b: x2, ga: g1, gb: g2 } : { a: x2, b: x1, ga: g2, gb: g1 };
}
