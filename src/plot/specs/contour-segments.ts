/** A straight piece of a contour line, from (x1, y1) to (x2, y2) in data coordinates. */
export interface ContourSegment {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

/**
 * The level-`level` contour of values sampled on a grid, by marching squares: in each cell of four
 * neighbouring samples, the edges whose ends lie on either side of the level are cut by linear
 * interpolation, and the cuts are joined. `z[i * ny + j]` is the value at (xs[i], ys[j]); cells
 * with a non-finite corner are left out. Interpolation runs in log coordinates on a log axis, so the
 * line is straight where the picture's axis is.
 *
 * Notes: a saddle cell (four cuts) is joined by the average of its corners, the usual rule.
 * Reference: W. E. Lorensen and H. E. Cline, "Marching cubes", SIGGRAPH 1987 (the 2-D case).
 */
export function contourSegments(
  xs: ArrayLike<number>,
  ys: ArrayLike<number>,
  z: ArrayLike<number>,
  level: number,
  scales: { xLog?: boolean; yLog?: boolean } = {},
): ContourSegment[] {
  const nx = xs.length;
  const ny = ys.length;
  const fx = scales.xLog ? Math.log : (a: number) => a;
  const gx = scales.xLog ? Math.exp : (a: number) => a;
  const fy = scales.yLog ? Math.log : (a: number) => a;
  const gy = scales.yLog ? Math.exp : (a: number) => a;
  const out: ContourSegment[] = [];
  const at = (i: number, j: number) => z[i * ny + j] - level;
  for (let i = 0; i + 1 < nx; i++) {
    for (let j = 0; j + 1 < ny; j++) {
      // Corners counter-clockwise: (i, j), (i+1, j), (i+1, j+1), (i, j+1).
      const ci = [i, i + 1, i + 1, i];
      const cj = [j, j, j + 1, j + 1];
      const d = ci.map((a, k) => at(a, cj[k]));
      if (d.some((v) => !Number.isFinite(v))) continue;
      const cuts: [number, number][] = [];
      for (let e = 0; e < 4; e++) {
        const a = e;
        const b = (e + 1) % 4;
        const da = d[a] === 0 ? Number.MIN_VALUE : d[a];
        const db = d[b] === 0 ? Number.MIN_VALUE : d[b];
        if ((da < 0) === (db < 0)) continue;
        const t = da / (da - db);
        const x = gx(fx(xs[ci[a]]) + t * (fx(xs[ci[b]]) - fx(xs[ci[a]])));
        const y = gy(fy(ys[cj[a]]) + t * (fy(ys[cj[b]]) - fy(ys[cj[a]])));
        cuts.push([x, y]);
      }
      if (cuts.length === 2) out.push({ x1: cuts[0][0], y1: cuts[0][1], x2: cuts[1][0], y2: cuts[1][1] });
      else if (cuts.length === 4) {
        // Cuts lie on edges 0,1,2,3 in order; the centre's side decides which pairs belong together.
        const centre = (d[0] + d[1] + d[2] + d[3]) / 4;
        const pairs = (centre < 0) === (d[0] < 0) ? [[0, 1], [2, 3]] : [[3, 0], [1, 2]];
        for (const [p, q] of pairs) out.push({ x1: cuts[p][0], y1: cuts[p][1], x2: cuts[q][0], y2: cuts[q][1] });
      }
    }
  }
  return out;
}
