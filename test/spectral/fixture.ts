import { readFileSync } from 'node:fs';
import { expect } from 'vitest';

/** Parses a JSON fixture made by test/fixtures/spectral/generate.py. */
export function loadFixture<T>(name: string): T {
  return JSON.parse(readFileSync(new URL(`../fixtures/spectral/${name}`, import.meta.url), 'utf8')) as T;
}

/**
 * Asserts |got[i] − expected[i]| ≤ rtol·|expected[i]| + atol for every i, printing the index,
 * both values and the bound on failure.
 */
export function expectClose(
  got: ArrayLike<number>,
  expected: ArrayLike<number>,
  { rtol = 0, atol = 0, label = '' }: { rtol?: number; atol?: number; label?: string },
): void {
  expect(got.length, `${label}: length`).toBe(expected.length);
  for (let i = 0; i < expected.length; i++) {
    const bound = rtol * Math.abs(expected[i]) + atol;
    const err = Math.abs(got[i] - expected[i]);
    if (!(err <= bound)) {
      expect.fail(`${label}[${i}]: got ${got[i]}, expected ${expected[i]}, |err| = ${err} > ${bound}`);
    }
  }
}

/** max |v[i]|, the scale for absolute tolerances of bins that are rounding noise. */
export function maxAbs(v: ArrayLike<number>): number {
  let m = 0;
  for (let i = 0; i < v.length; i++) m = Math.max(m, Math.abs(v[i]));
  return m;
}
