import { fft } from '../math/fft.js';
import type { FrequencyResponse, RationalTable } from '../types.js';
import { emptyComplexResponse, groupDelayOf, responseFromComplex, type ComplexResponse } from './complex-response.js';
import { cachedUnitCircleSplit, zerosGroupDelay } from './unit-circle-zeros.js';

/**
 * P(e^{−jω}) = Σ_k p_k e^{−jωk} and dP/dω = Σ_k (−jk)·p_k e^{−jωk}, by Horner's rule in e^{−jω}.
 * Returns [re, im, dre, dim].
 */
export function polynomialAt(p: Float64Array, offset: number, length: number, omega: number): [number, number, number, number] {
  const zr = Math.cos(omega);
  const zi = -Math.sin(omega);
  let re = 0;
  let im = 0;
  // Q(z) = Σ k·p_k z^k, so dP/dω = −j·Q.
  let qr = 0;
  let qi = 0;
  for (let k = length - 1; k >= 0; k--) {
    const c = p[offset + k];
    const nr = re * zr - im * zi + c;
    im = re * zi + im * zr;
    re = nr;
    const mr = qr * zr - qi * zi + k * c;
    qi = qr * zi + qi * zr;
    qr = mr;
  }
  return [re, im, qi, -qr];
}

/**
 * Frozen response of stage k of a rational schedule, H(e^{jω}) = B(e^{−jω})/A(e^{−jω}), with
 * dH/dω = (B′A − BA′)/A² for the group delay, as scipy.signal.freqz(b, a, worN).
 *
 * On a linear grid (linspace(0, π, n), both ends) with long enough polynomials, B, A and their
 * derivatives come from four FFTs of size 2(n − 1) instead of n Horner evaluations, as freqz does with
 * an integer worN; the coefficients are folded modulo the FFT size first, which is exact (e^{−jωk} is
 * periodic in k on that grid), so any order works. Both paths agree to rounding.
 */
export function frozenRationalComplex(table: RationalTable, k: number, omega: Float64Array, out: ComplexResponse = emptyComplexResponse(omega.length)): ComplexResponse {
  const n = omega.length;
  const fftSize = 2 * (n - 1);
  if (useFft(table, omega)) {
    const [b, db] = spectrum(table.b, k * table.nb, table.nb, fftSize);
    const [a, da] = spectrum(table.a, k * table.na, table.na, fftSize);
    for (let f = 0; f < n; f++) divide(b.re[f], b.im[f], db.re[f], db.im[f], a.re[f], a.im[f], da.re[f], da.im[f], out, f);
    return out;
  }
  for (let f = 0; f < n; f++) {
    const [br, bi, dbr, dbi] = polynomialAt(table.b, k * table.nb, table.nb, omega[f]);
    const [ar, ai, dar, dai] = polynomialAt(table.a, k * table.na, table.na, omega[f]);
    divide(br, bi, dbr, dbi, ar, ai, dar, dai, out, f);
  }
  return out;
}

/**
 * frozenRationalComplex as magnitude, dB, unwrapped phase and group delay (steps). Where B has zeros on
 * the unit circle, τ = τ_B − τ_A is computed from B's zeros instead (zerosGroupDelay: ½ step per
 * unit-circle zero, the continuous value at the zero itself; scipy.signal.group_delay returns 0 there),
 * τ_A by Horner's rule.
 */
export function frozenRationalResponse(table: RationalTable, k: number, omega: Float64Array): FrequencyResponse {
  const response = responseFromComplex(frozenRationalComplex(table, k, omega));
  const split = cachedUnitCircleSplit(table.b.subarray(k * table.nb, (k + 1) * table.nb));
  if (split) {
    for (let f = 0; f < omega.length; f++) {
      const [ar, ai, dar, dai] = polynomialAt(table.a, k * table.na, table.na, omega[f]);
      response.groupDelay[f] = zerosGroupDelay(split, omega[f]) - groupDelayOf(ar, ai, dar, dai);
    }
  }
  return response;
}

/** FFT path: only on scipy's linear grid, with at least 64 points, when Horner's n·(nb + na) would cost more. */
export function useFft(table: RationalTable, omega: Float64Array): boolean {
  const n = omega.length;
  if (n < 64 || omega[0] !== 0 || omega[n - 1] !== Math.PI) return false;
  const step = Math.PI / (n - 1);
  for (let i = 1; i < n - 1; i++) if (omega[i] !== i * step) return false;
  return table.nb + table.na > 8 * Math.log2(2 * (n - 1));
}

/** P and dP/dω on the FFT grid: folded coefficients p and (−jk)·p, transformed. */
function spectrum(p: Float64Array, offset: number, length: number, size: number): [{ re: Float64Array; im: Float64Array }, { re: Float64Array; im: Float64Array }] {
  const folded = new Float64Array(size);
  const weighted = new Float64Array(size);
  for (let k = 0; k < length; k++) {
    folded[k % size] += p[offset + k];
    weighted[k % size] += k * p[offset + k];
  }
  const value = fft(folded);
  const q = fft(weighted);
  // dP/dω = −j·Σ k p_k e^{−jωk} = −j·Q
  return [value, { re: q.im, im: q.re.map((x) => -x) }];
}

function divide(br: number, bi: number, dbr: number, dbi: number, ar: number, ai: number, dar: number, dai: number, out: ComplexResponse, f: number): void {
  const d = ar * ar + ai * ai;
  out.re[f] = (br * ar + bi * ai) / d;
  out.im[f] = (bi * ar - br * ai) / d;
  // (B′A − BA′)/A²
  const nr = dbr * ar - dbi * ai - (br * dar - bi * dai);
  const ni = dbr * ai + dbi * ar - (br * dai + bi * dar);
  const a2r = ar * ar - ai * ai;
  const a2i = 2 * ar * ai;
  const d2 = a2r * a2r + a2i * a2i;
  out.dre[f] = (nr * a2r + ni * a2i) / d2;
  out.dim[f] = (ni * a2r - nr * a2i) / d2;
}
