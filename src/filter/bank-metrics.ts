import type { BankTable, FilterType, StageMetrics } from '../types.js';
import { branchFrozen } from './bank-response.js';
import { gainDb, timeConstant } from './metrics.js';

/** Points of the search grid (linear on [0, π] plus log-spaced towards 0, where slow branches live). */
const LINEAR_POINTS = 4097;
const LOG_POINTS = 2048;
const LOG_OMEGA_MIN = 1e-9;

/**
 * Per-stage metrics of a filter bank H(ω) = c0 + Σ c_i·v_i/(1 − u_i·e^{−jω}), with the names and meanings of
 * stageMetrics (src/filter/metrics.ts):
 *
 * - dcGain |H(0)| and nyquistGain |H(π)|, exact (H is real there); noiseGain Σ h_n² in closed form,
 *   h_0 = c0 + Σ c_i v_i, h_n = Σ c_i v_i u_i^n: Σ h² = h_0² + Σ_i Σ_l a_i a_l u_i u_l/(1 − u_i u_l), a_i = c_i v_i;
 *   groupDelayDc −Im(H′(0)/H(0)) = Σ a_i u_i/(1 − u_i)² / H(0); timeConstant of the slowest branch in use.
 * - peakGain/peakFrequency, cutoffFrequency and unityGainFrequency numerically: |H|² on a search grid of
 *   4097 linear and 2048 log-spaced points (down to 1e-9 rad/sample) brackets every extremum and crossing,
 *   then golden-section search (peak) or bisection (crossings) refines it to full double precision — the
 *   output grid is never used.
 * - filterType by the end gains: low-pass if |H(0)| > |H(π)|, high-pass if smaller, all-pass if equal
 *   (to 1e-12 relative); cutoffFrequency is the −3 dB point from DC (low-pass: first ω with
 *   |H|² = |H(0)|²/2) or from Nyquist (high-pass: last ω with |H|² = |H(π)|²/2), null if none;
 *   unityGainFrequency the lowest ω in (0, π) where |H| crosses 1.
 */
export function bankMetrics(bank: BankTable, k: number): StageMetrics {
  const B = bank.branches;
  const gridGain2 = (grid: SearchGrid): Float64Array => {
    // |H|² on the whole search grid with its precomputed trigonometry: arithmetic only (per-step presets
    // such as ademamix need these metrics for every step).
    const re = new Float64Array(grid.omega.length).fill(bank.c0[k]);
    const im = new Float64Array(grid.omega.length);
    for (let i = 0; i < B; i++) {
      const c = bank.c[k * B + i];
      if (c === 0) continue;
      const u = bank.u[k * B + i];
      const cv = c * bank.v[k * B + i];
      const half = u >= 0 ? grid.sinHalf2 : grid.cosHalf2;
      const base = u >= 0 ? 1 - u : 1 + u;
      const sign = u >= 0 ? 1 : -1;
      for (let f = 0; f < grid.omega.length; f++) {
        // 1 − u·e^{−jω} = a + jb with a = (1 − u) + 2u·sin²(ω/2) (u ≥ 0) or (1 + u) − 2u·cos²(ω/2), b = u·sin ω
        const a = base + 2 * sign * u * half[f];
        const b = u * grid.sin[f];
        const d = base * base + 4 * sign * u * half[f];
        re[f] += (cv * a) / d;
        im[f] -= (cv * b) / d;
      }
    }
    return re.map((r, f) => r * r + im[f] * im[f]);
  };
  const gain2 = (w: number): number => {
    let re = bank.c0[k];
    let im = 0;
    for (let i = 0; i < B; i++) {
      const c = bank.c[k * B + i];
      if (c === 0) continue;
      const [hr, hi] = branchFrozen(bank.u[k * B + i], bank.v[k * B + i], w);
      re += c * hr;
      im += c * hi;
    }
    return re * re + im * im;
  };
  let h0 = bank.c0[k];
  let hPi = bank.c0[k];
  let delayNum = 0;
  let tau = 0;
  for (let i = 0; i < B; i++) {
    const u = bank.u[k * B + i];
    const a = bank.c[k * B + i] * bank.v[k * B + i];
    h0 += a / (1 - u);
    hPi += a / (1 + u);
    delayNum += (a * u) / ((1 - u) * (1 - u));
    if (a !== 0) tau = Math.max(tau, timeConstant(u));
  }
  const dcGain = Math.abs(h0);
  const nyquistGain = Math.abs(hPi);
  const shape = shapeMetrics(gain2, dcGain, nyquistGain, gridGain2);
  return {
    dcGain,
    dcGainDb: gainDb(dcGain),
    nyquistGain,
    nyquistGainDb: gainDb(nyquistGain),
    peakGain: shape.peakGain,
    peakFrequency: shape.peakFrequency,
    cutoffFrequency: shape.cutoffFrequency,
    unityGainFrequency: shape.unityGainFrequency,
    noiseGain: noiseGain(bank, k),
    groupDelayDc: delayNum / h0,
    timeConstant: tau,
    filterType: shape.filterType,
    amplifies: shape.peakGain > 1,
  };
}

/**
 * The metrics without a closed form, from |H(ω)|² alone (see bankMetrics): peak, −3 dB and unity-gain
 * frequencies by bracketing on the search grid and refining, and the filter type from the end gains.
 */
export function shapeMetrics(
  gain2: (w: number) => number,
  dcGain: number,
  nyquistGain: number,
  onGrid?: (grid: SearchGrid) => Float64Array,
): Pick<StageMetrics, 'peakGain' | 'peakFrequency' | 'cutoffFrequency' | 'unityGainFrequency' | 'filterType'> {
  const search = searchGrid();
  const grid = search.omega;
  const g2 = onGrid ? onGrid(search) : grid.map(gain2);
  const { peakGain, peakFrequency } = peak(grid, g2, gain2);
  const scale = Math.max(dcGain, nyquistGain);
  const filterType: FilterType =
    Math.abs(dcGain - nyquistGain) <= 1e-12 * scale ? 'all-pass' : dcGain > nyquistGain ? 'low-pass' : 'high-pass';
  let cutoffFrequency: number | null = null;
  if (filterType === 'low-pass') cutoffFrequency = firstCrossing(grid, g2, gain2, (dcGain * dcGain) / 2, false);
  if (filterType === 'high-pass') cutoffFrequency = firstCrossing(grid, g2, gain2, (nyquistGain * nyquistGain) / 2, true);
  const unity = firstCrossing(grid, g2, gain2, 1, false);
  return {
    peakGain,
    peakFrequency,
    cutoffFrequency,
    unityGainFrequency: unity !== null && unity > 0 && unity < Math.PI ? unity : null,
    filterType,
  };
}

/** Σ h_n² of the bank's impulse response, in closed form (geometric series of products of branches). */
function noiseGain(bank: BankTable, k: number): number {
  const B = bank.branches;
  let h0 = bank.c0[k];
  for (let i = 0; i < B; i++) h0 += bank.c[k * B + i] * bank.v[k * B + i];
  let tail = 0;
  for (let i = 0; i < B; i++) {
    const ai = bank.c[k * B + i] * bank.v[k * B + i];
    const ui = bank.u[k * B + i];
    if (ai === 0) continue;
    for (let l = 0; l < B; l++) {
      const al = bank.c[k * B + l] * bank.v[k * B + l];
      const ul = bank.u[k * B + l];
      tail += (ai * al * ui * ul) / (1 - ui * ul);
    }
  }
  return h0 * h0 + tail;
}

/** The search grid with the trigonometry every evaluation needs. */
interface SearchGrid {
  omega: Float64Array;
  sin: Float64Array;
  sinHalf2: Float64Array;
  cosHalf2: Float64Array;
}

let cachedGrid: SearchGrid | undefined;

/** Sorted union of a linear grid on [0, π] and a log grid on [1e-9, π]. */
function searchGrid(): SearchGrid {
  if (cachedGrid) return cachedGrid;
  const values: number[] = [];
  for (let i = 0; i < LINEAR_POINTS; i++) values.push((i * Math.PI) / (LINEAR_POINTS - 1));
  const a = Math.log(LOG_OMEGA_MIN);
  const b = Math.log(Math.PI);
  for (let i = 0; i < LOG_POINTS - 1; i++) values.push(Math.exp(a + ((b - a) * i) / (LOG_POINTS - 1)));
  values[LINEAR_POINTS - 1] = Math.PI;
  const omega = Float64Array.from(values).sort();
  cachedGrid = {
    omega,
    sin: omega.map(Math.sin),
    sinHalf2: omega.map((w) => Math.sin(w / 2) ** 2),
    cosHalf2: omega.map((w) => Math.cos(w / 2) ** 2),
  };
  return cachedGrid;
}

/** Largest |H| over [0, π]: best grid point, then golden-section search between its neighbours. */
function peak(grid: Float64Array, g2: Float64Array, gain2: (w: number) => number): { peakGain: number; peakFrequency: number } {
  let best = 0;
  for (let i = 1; i < g2.length; i++) if (g2[i] > g2[best]) best = i;
  if (best === 0 || best === grid.length - 1) return { peakGain: Math.sqrt(g2[best]), peakFrequency: grid[best] };
  let lo = grid[best - 1];
  let hi = grid[best + 1];
  const r = (Math.sqrt(5) - 1) / 2;
  let x1 = hi - r * (hi - lo);
  let x2 = lo + r * (hi - lo);
  let f1 = gain2(x1);
  let f2 = gain2(x2);
  for (let it = 0; it < 200 && hi - lo > 4 * Number.EPSILON * Math.max(1e-300, hi); it++) {
    if (f1 < f2) {
      lo = x1;
      x1 = x2;
      f1 = f2;
      x2 = lo + r * (hi - lo);
      f2 = gain2(x2);
    } else {
      hi = x2;
      x2 = x1;
      f2 = f1;
      x1 = hi - r * (hi - lo);
      f1 = gain2(x1);
    }
  }
  const w = f1 > f2 ? x1 : x2;
  const g = Math.max(f1, f2);
  return g >= g2[best] ? { peakGain: Math.sqrt(g), peakFrequency: w } : { peakGain: Math.sqrt(g2[best]), peakFrequency: grid[best] };
}

/**
 * The first ω (from 0 upwards, or from π downwards when `fromTop`) where |H|² crosses `level`, bracketed
 * on the search grid and bisected to adjacent doubles; null if |H|² never crosses it.
 */
function firstCrossing(grid: Float64Array, g2: Float64Array, gain2: (w: number) => number, level: number, fromTop: boolean): number | null {
  const n = grid.length;
  for (let s = 0; s < n - 1; s++) {
    const i = fromTop ? n - 2 - s : s;
    const a = g2[i] - level;
    const b = g2[i + 1] - level;
    if (a === 0 && i > 0 && !fromTop) return grid[i];
    if (!(a * b < 0 || (b === 0 && i + 1 < n - 1))) continue;
    if (b === 0) return grid[i + 1];
    let lo = grid[i];
    let hi = grid[i + 1];
    const loAbove = a > 0;
    for (let it = 0; it < 200; it++) {
      const mid = lo + (hi - lo) / 2;
      if (mid <= lo || mid >= hi) break;
      if (gain2(mid) - level > 0 === loAbove) lo = mid;
      else hi = mid;
    }
    return lo + (hi - lo) / 2;
  }
  return null;
}
