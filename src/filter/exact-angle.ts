import { twoProductError } from '../math/double-double.js';

/**
 * L·ω reduced to (−π, π], accurate to a few units in the last place of 2π for any integer L up to 2⁵³
 * and any double ω ≥ 0, as needed for (u·e^{−jω})^L with stage lengths up to 10⁹ and beyond.
 *
 * In plain double arithmetic L·ω loses log2(L) bits before reduction (for L = 10⁹ the angle is then
 * only good to ~1e-7 rad). Here the product is formed exactly as p + e (Dekker's TwoProduct, with
 * Veltkamp's split), and 2π is subtracted k times in three pieces (Cody–Waite): k·C1 again exactly by
 * TwoProduct, and p − fl(k·C1) is exact by Sterbenz's lemma since p and k·C1 agree to within a factor 2.
 * References: Dekker (1971) "A floating-point technique for extending the available precision";
 * Cody & Waite (1980) "Software Manual for the Elementary Functions", argument reduction.
 */
export function reducedAngle(L: number, omega: number): number {
  const p = L * omega;
  if (Math.abs(p) <= Math.PI) return p;
  const e = twoProductError(L, omega, p);
  const k = Math.round(p / TWO_PI_1);
  const h = k * TWO_PI_1;
  const l = twoProductError(k, TWO_PI_1, h);
  // (p − h) is exact (Sterbenz); the remaining terms are small and added smallest-last.
  return (p - h) - l + (e - k * TWO_PI_2 - k * TWO_PI_3);
}

/** 2π = TWO_PI_1 + TWO_PI_2 + TWO_PI_3 to ~150 bits (computed with mpmath at 60 digits). */
const TWO_PI_1 = 6.283185307179586;
const TWO_PI_2 = 2.4492935982947064e-16;
const TWO_PI_3 = -5.989539619436679e-33;
