import { dd, ddAdd, ddDiv, ddDivPowerOfTwo, ddMul, ddSub, type DoubleDouble } from '../math/double-double.js';
import type { BankTable, StageMetrics } from '../types.js';
import { branchFrozen } from './bank-response.js';
import { bankZeros, bankZerosGroupDelay } from './bank-zeros.js';
import { amplifiesOf, gainDb } from './gain-tolerance.js';
import { timeConstant } from './metrics.js';
import { bankPowerPolynomials, criticalFrequencies } from './power-polynomial.js';
import { firstOrderShape, gainScale, shapeMetrics, type FirstOrderStage, type PowerOfS, type SearchGrid } from './shape-metrics.js';

/**
 * Per-stage metrics of a filter bank H(ω) = c0 + Σ c_i·v_i/(1 − u_i·e^{−jω}), with the names and meanings of
 * stageMetrics (src/filter/metrics.ts):
 *
 * - dcGain |H(0)| and nyquistGain |H(π)|, exact (H is real there); noiseGain Σ h_n² in closed form,
 *   h_0 = c0 + Σ c_i v_i, h_n = Σ c_i v_i u_i^n: Σ h² = h_0² + Σ_i Σ_l a_i a_l u_i u_l/(1 − u_i u_l), a_i = c_i v_i
 *   (∞ if a branch in use has |u_i| ≥ 1); groupDelayDc −Im(H′(0)/H(0)) = Σ a_i u_i/(1 − u_i)² / H(0), or
 *   where H has a zero at DC its continuous value from the zeros and poles (bankZeros); timeConstant of
 *   the slowest branch in use.
 * - peak, cutoff, unity gain and filterType: for one branch (nesterov, qhm, lion, nadam) in closed form
 *   (firstOrderShape: H is first-order rational); otherwise from |H|² (shapeMetrics), the weights divided
 *   by the power of two nearest the largest |c0|, |a_i| first (gainScale) so that no square under- or
 *   overflows.
 */
export function bankMetrics(bank: BankTable, k: number): StageMetrics {
  const B = bank.branches;
  const scale = gainScale([bank.c0[k], ...Array.from({ length: B }, (_, i) => bank.c[k * B + i] * bank.v[k * B + i])]);
  const c0 = bank.c0[k] / scale;
  const weight = (i: number) => (bank.c[k * B + i] * bank.v[k * B + i]) / scale;
  const gridGain2 = (grid: SearchGrid): Float64Array => {
    // |H/scale|² on the whole search grid with its precomputed trigonometry: arithmetic only (per-step
    // presets such as ademamix need these metrics for every step).
    const re = new Float64Array(grid.omega.length).fill(c0);
    const im = new Float64Array(grid.omega.length);
    for (let i = 0; i < B; i++) {
      const cv = weight(i);
      if (cv === 0) continue;
      const u = bank.u[k * B + i];
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
    let re = c0;
    let im = 0;
    for (let i = 0; i < B; i++) {
      const c = bank.c[k * B + i] / scale;
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
    delayNum += (weight(i) * u) / ((1 - u) * (1 - u));
    if (a !== 0) tau = Math.max(tau, timeConstant(u));
  }
  const dcGain = Math.abs(h0);
  const nyquistGain = Math.abs(hPi);
  // One branch: H = (c0 + a − c0·u·z⁻¹)/(1 − u·z⁻¹), a first-order rational with a closed-form shape.
  const finite = B > 1 && Number.isFinite(dcGain) && Number.isFinite(nyquistGain);
  const power = finite ? bankPowerPolynomials(bank, k, scale) : undefined;
  // Crossings polished in double-double for any number of stable branches: bankPowerOfS sums the branches
  // (nothing expanded), so it serves the search grid beyond MAX_POWER_DEGREE branches as well.
  const stable = finite && Array.from({ length: B }, (_, i) => i).every((i) => bank.c[k * B + i] * bank.v[k * B + i] === 0 || Math.abs(bank.u[k * B + i]) < 1);
  const shape =
    (B === 1 && firstOrderShape(oneBranchStage(bank, k), dcGain, nyquistGain)) ||
    shapeMetrics({ gain2, dcGain, nyquistGain, scale, onGrid: gridGain2, critical: power && criticalFrequencies(power), power2: stable ? bankPowerOfS(bank, k, scale) : undefined });
  const zeros = bankZeros(bank, k);
  return {
    dcGain,
    dcGainDb: gainDb(dcGain),
    nyquistGain,
    nyquistGainDb: gainDb(nyquistGain),
    ...shape,
    noiseGain: noiseGain(bank, k, scale),
    groupDelayDc: zeros ? bankZerosGroupDelay(zeros, 0) : delayNum / (h0 / scale),
    timeConstant: tau,
    amplifies: amplifiesOf(shape.peakGain),
  };
}

/** A one-branch stage c0 + a/(1 − u·z⁻¹), a = c·v, with H(0) = c0 + a/(1 − u) and H(π) = c0 + a/(1 + u) in double-double. */
function oneBranchStage(bank: BankTable, k: number): FirstOrderStage {
  const u = bank.u[k];
  const a = ddMul(dd(bank.c[k]), dd(bank.v[k]));
  const c0 = dd(bank.c0[k]);
  return { pole: u, dc: ddAdd(c0, ddDiv(a, ddSub(dd(1), dd(u)))), nyquist: ddAdd(c0, ddDiv(a, ddAdd(dd(1), dd(u)))) };
}

/**
 * |H/scale|² of stage k at s = sin²(ω/2), in double-double: with D_i = (1 − u_i)² + 4u_i·s,
 * Re H = c0 + Σ a_i·((1 − u_i) + 2u_i·s)/D_i and Im H = −sin ω·Σ a_i·u_i/D_i, sin²ω = 4s(1 − s).
 */
function bankPowerOfS(bank: BankTable, k: number, scale: number): PowerOfS {
  const B = bank.branches;
  const branches: { u: number; a: DoubleDouble }[] = [];
  for (let i = 0; i < B; i++) {
    const a = ddMul(dd(bank.c[k * B + i]), dd(bank.v[k * B + i]));
    if (a.hi !== 0) branches.push({ u: bank.u[k * B + i], a: ddDivPowerOfTwo(a, scale) });
  }
  const c0 = dd(bank.c0[k] / scale);
  return (s) => {
    let re = c0;
    let im = dd(0);
    for (const { u, a } of branches) {
      const oneMinusU = ddSub(dd(1), dd(u));
      const d = ddAdd(ddMul(oneMinusU, oneMinusU), ddMul(dd(4 * u), s));
      re = ddAdd(re, ddDiv(ddMul(a, ddAdd(oneMinusU, ddMul(dd(2 * u), s))), d));
      im = ddAdd(im, ddDiv(ddMul(a, dd(u)), d));
    }
    const sin2 = ddMul(dd(4), ddMul(s, ddSub(dd(1), s)));
    return ddAdd(ddMul(re, re), ddMul(sin2, ddMul(im, im)));
  };
}

/** Σ h_n² of the bank's impulse response, in closed form (geometric series of products of branches), as scale²·Σ (h_n/scale)². */
function noiseGain(bank: BankTable, k: number, scale: number): number {
  const B = bank.branches;
  let h0 = bank.c0[k] / scale;
  for (let i = 0; i < B; i++) h0 += (bank.c[k * B + i] * bank.v[k * B + i]) / scale;
  let tail = 0;
  for (let i = 0; i < B; i++) {
    const ai = (bank.c[k * B + i] * bank.v[k * B + i]) / scale;
    const ui = bank.u[k * B + i];
    if (ai === 0) continue;
    if (!(Math.abs(ui) < 1)) return Infinity;
    for (let l = 0; l < B; l++) {
      const al = (bank.c[k * B + l] * bank.v[k * B + l]) / scale;
      const ul = bank.u[k * B + l];
      tail += (ai * al * ui * ul) / (1 - ui * ul);
    }
  }
  return scale * (scale * (h0 * h0 + tail));
}
