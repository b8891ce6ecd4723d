import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { dd, ddAdd, ddDiv, ddDivPowerOfTwo, ddMul, ddSub, twoProductError, twoSumError, type DoubleDouble } from '../../src/math/double-double.js';

// Exact references with BigInt: every double in [2^-200, 2^200] is an integer multiple of 2^-252, so
// values scaled by 2^SHIFT are exact integers and sums/products of them are exact too.
const SHIFT = 260n;

/** x·2^shift as an exact BigInt (x a finite double whose lowest set bit is at or above 2^-shift), from its bits. */
function exact(x: number, shift = SHIFT): bigint {
  if (x === 0) return 0n;
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, x);
  const bits = view.getBigUint64(0);
  const biased = (bits >> 52n) & 0x7ffn;
  const fraction = bits & ((1n << 52n) - 1n);
  const mantissa = biased === 0n ? fraction : fraction | (1n << 52n);
  const e = (biased === 0n ? -1074n : biased - 1075n) + shift;
  const magnitude = e >= 0n ? mantissa << e : mantissa >> -e;
  return x < 0 ? -magnitude : magnitude;
}

const exactDd = (x: DoubleDouble, shift = SHIFT) => exact(x.hi, shift) + exact(x.lo, shift);

/** |got − want|/|want| for BigInt numbers at the same scale, as a double. */
function relative(got: bigint, want: bigint): number {
  if (want === 0n) return got === 0n ? 0 : Infinity;
  const diff = got - want < 0n ? want - got : got - want;
  const w = want < 0n ? -want : want;
  return Number((diff * 10n ** 40n) / w) / 1e40;
}

const moderate = fc.double({ min: 2 ** -40, max: 2 ** 40, noNaN: true }).chain((x) => fc.constantFrom(x, -x));

describe('double-double arithmetic against exact BigInt references', () => {
  it('twoSumError and twoProductError are the exact rounding errors: a + b = s + e, a·b = p + e', () => {
    fc.assert(
      fc.property(moderate, moderate, (a, b) => {
        const s = a + b;
        expect(exact(s) + exact(twoSumError(a, b, s))).toBe(exact(a) + exact(b));
        const p = a * b;
        expect(exact(p, 2n * SHIFT) + exact(twoProductError(a, b, p), 2n * SHIFT)).toBe(exact(a) * exact(b));
      }),
    );
  });

  it('ddAdd, ddSub and ddMul of double-doubles built from exact sums are within 2^-100 of the exact result', () => {
    const pair = fc.tuple(moderate, moderate).map(([a, b]) => {
      const hi = a + b;
      return { hi, lo: twoSumError(a, b, hi) };
    });
    fc.assert(
      fc.property(pair, pair, (x, y) => {
        const sum = exactDd(x) + exactDd(y);
        if (sum !== 0n) expect(relative(exactDd(ddAdd(x, y)), sum)).toBeLessThanOrEqual(2 ** -100);
        const diff = exactDd(x) - exactDd(y);
        if (diff !== 0n) expect(relative(exactDd(ddSub(x, y)), diff)).toBeLessThanOrEqual(2 ** -100);
        expect(relative(exactDd(ddMul(x, y), 2n * SHIFT), exactDd(x) * exactDd(y))).toBeLessThanOrEqual(2 ** -100);
      }),
    );
  });

  it('ddDiv: q·y is within 2^-100 of x (no exact quotient exists in general)', () => {
    fc.assert(
      fc.property(moderate, moderate, (a, b) => {
        const q = ddDiv(dd(a), dd(b));
        // q·b in exact arithmetic, against a at the product's scale
        expect(relative(exactDd(q) * exact(b), exact(a, 2n * SHIFT))).toBeLessThanOrEqual(2 ** -100);
      }),
    );
  });

  it('ddDivPowerOfTwo divides by 2^k exactly: (x/2^k)·2^k is x to the last bit', () => {
    const pair = fc.tuple(moderate, moderate).map(([a, b]) => ({ hi: a + b, lo: twoSumError(a, b, a + b) }));
    fc.assert(
      fc.property(pair, fc.integer({ min: -20, max: 20 }), (x, k) => {
        const q = ddDivPowerOfTwo(x, 2 ** k);
        const want = exactDd(x);
        expect(k >= 0 ? exactDd(q) << BigInt(k) : exactDd(q) >> BigInt(-k)).toBe(want);
      }),
    );
  });

  it('keeps what binary64 loses: (1 + 2^-60) − 1 is 2^-60, and 0.1·0.1 − 0.01 its true tiny value', () => {
    expect(ddSub(ddAdd(dd(1), dd(2 ** -60)), dd(1)).hi).toBe(2 ** -60);
    const product = ddMul(dd(0.1), dd(0.1));
    expect(exactDd(ddSub(product, dd(0.01)), 2n * SHIFT)).toBe(exact(0.1) * exact(0.1) - exact(0.01, 2n * SHIFT));
  });
});
