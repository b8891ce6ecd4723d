import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseNumber, parseNumberBytes, scanNumber, scanned } from '../../src/io/trace-number.js';

const bytes = (s: string): Uint8Array => new TextEncoder().encode(s);
const parseBytes = (s: string): number | undefined => parseNumberBytes(bytes(s), 0, s.length);
/** Both readers, bytes and text, must give exactly Number(text) (−0 and NaN included: Object.is). */
const agrees = (s: string): void => {
  const want = Number(s.trim());
  expect(Object.is(parseBytes(s), want), `bytes ${JSON.stringify(s)} → ${parseBytes(s)}, Number → ${want}`).toBe(true);
  expect(Object.is(parseNumber(s, 0, s.length), want), `text ${JSON.stringify(s)}`).toBe(true);
};

/**
 * The exact decimal expansion of the midpoint between the positive double x and the next one up:
 * (2M + 1)·2^(E−1) for x = M·2^E, as digits and a decimal exponent (value = 0.DIGITS × 10^exp10).
 */
function midpoint(x: number): { digits: string; exp10: number } {
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, x);
  const bits = view.getBigUint64(0);
  const biased = Number(bits >> 52n);
  const fraction = bits & ((1n << 52n) - 1n);
  const mantissa = biased === 0 ? fraction : fraction | (1n << 52n);
  const e = (biased === 0 ? 1 : biased) - 1075; // x = mantissa·2^e
  const odd = 2n * mantissa + 1n; // midpoint = odd·2^(e−1)
  if (e - 1 >= 0) {
    const digits = (odd << BigInt(e - 1)).toString();
    return { digits, exp10: digits.length };
  }
  const k = 1 - e; // odd·2^−k = odd·5^k / 10^k
  const digits = (odd * 5n ** BigInt(k)).toString();
  return { digits, exp10: digits.length - k };
}

/** 0.d₁d₂…d_n × 10^exp10 written as d₁.d₂…d_n e(exp10 − 1). */
const scientific = (digits: string, exp10: number): string => `${digits[0]}.${digits.slice(1) || '0'}e${exp10 - 1}`;

describe('parseNumberBytes and parseNumber: exactly Number(text)', () => {
  it('read every double back from String(), toPrecision(17) and toExponential(16) (shortest and repr forms)', () => {
    fc.assert(fc.property(fc.double({ noNaN: true }), (x) => {
      agrees(String(x));
      agrees(x.toPrecision(17));
      agrees(x.toExponential(16));
    }), { numRuns: 20000 });
  });

  it('read values of gradient size (1e-8 … 1e3) written with 15 to 21 significant digits', () => {
    const value = fc.tuple(fc.double({ min: 1, max: 10, noNaN: true }), fc.integer({ min: -8, max: 3 }), fc.integer({ min: 15, max: 21 }), fc.boolean());
    fc.assert(fc.property(value, ([m, e, p, negative]) => {
      const x = (negative ? -m : m) * 10 ** e;
      agrees(x.toPrecision(p));
      agrees(x.toFixed(Math.min(100, Math.max(0, p - e))));
    }), { numRuns: 20000 });
  });

  it('round midpoints between neighbouring doubles, and decimals one unit in the 17th–20th digit either side, as Number() does (ties to even)', () => {
    fc.assert(fc.property(fc.double({ min: 1e-9, max: 1e20, noNaN: true }), fc.integer({ min: 16, max: 20 }), (x, n) => {
      const { digits, exp10 } = midpoint(x);
      agrees(scientific(digits, exp10));
      // Above 2^53 a midpoint is an integer of 16–20 digits: exact ties, in every layout.
      if (digits.length === exp10 && digits.length <= 20) for (const s of [digits, `${digits}.0`, `${digits.slice(0, -3)}.${digits.slice(-3)}e3`, `0.${digits}e${exp10}`]) agrees(s);
      const cut = BigInt(digits.slice(0, n));
      for (const d of [cut - 1n, cut, cut + 1n]) agrees(scientific(d.toString(), exp10 + d.toString().length - n));
    }), { numRuns: 20000 });
    // 2^53 + 1: the classic tie, written in 16 digits.
    for (const s of ['9007199254740993', '9007199254740993.0', '9.007199254740993e15', '900719925474099.3e1']) agrees(s);
  });

  it('read 10⁵ random numerals as Number() does: 1–22 digit mantissas, leading zeros, signs, exponents to the subnormal range, cut anywhere', () => {
    // A seeded generator (mulberry32): 10⁵ cases in about a second, the same ones every run.
    let state = 0x9e3779b9;
    const random = (): number => {
      state = (state + 0x6d2b79f5) | 0;
      let t = Math.imul(state ^ (state >>> 15), 1 | state);
      t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
      return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
    };
    const pick = <T>(choices: readonly T[]): T => choices[Math.floor(random() * choices.length)];
    const digits = (n: number): string => Array.from({ length: n }, () => String(Math.floor(random() * 10))).join('');
    const exponent = (): string => {
      const e = random() < 0.5 ? Math.floor(random() * 31) : 290 + Math.floor(random() * 56); // 10^±290 … 10^±345: subnormals, overflow
      return `${pick(['e', 'E'])}${pick(['', '-', '+'])}${pick(['', '0'])}${e}`;
    };
    let checked = 0;
    while (checked < 100_000) {
      const int = digits(pick([0, 1, 1, 2, 3, 4, 5, 8, 12, 15, 16, 17, 19, 22]));
      const fraction = digits(pick([0, 1, 3, 4, 7, 8, 11, 12, 13, 14, 15, 16, 17, 18, 22]));
      const mantissa = `${pick(['', '', '0', '00', '0000000'])}${int}${random() < 0.8 ? `.${pick(['', '', '0', '000', '00000000'])}${fraction}` : fraction}`;
      if (!/[0-9]/.test(mantissa)) continue;
      const s = `${pick(['', '-', '+'])}${mantissa}${random() < 0.4 ? exponent() : ''}`;
      const want = Number(s);
      const got = parseBytes(s);
      // Inside a longer line, read up to a cut: digits after the cut never count.
      const b = bytes(`${s}${pick(['', '5', '1234', '12345678', ',9', '\n'])}`);
      const cut = scanNumber(b, 0, s.length);
      const end = scanned.end;
      if (!Object.is(got, want) || !Object.is(cut, want) || end !== s.length) expect({ s, got, cut, end }).toEqual({ s, got: want, cut: want, end: s.length });
      checked++;
    }
  });

  it('read denormals, huge and tiny exponents, signs, blanks and carriage returns', () => {
    for (const s of ['4.9e-324', '5e-324', '2.4703282292062327e-324', '2.2250738585072011e-308', '2.2250738585072014e-308', '1.7976931348623157e308',
      '1.7976931348623159e308', '1e400', '-1e400', '1e-400', '-0', '+0.0e5', '-.5', '+.5E+3', '5.', '  -1.25 ', '\t3\r', '1e22', '1e23', '123456789012345678901234567890',
      '0.000000000000000000000000000000123', '12345678901234567890e-30', '1.2345678901234567e-7', '0.1', '0.30000000000000004']) agrees(s);
  });

  it("read Python's and NumPy's nan and inf in any case, with a sign", () => {
    for (const s of ['nan', 'NaN', '-nan', 'inf', '-Inf', '+INFINITY', ' inf\r']) {
      const want = /nan/i.test(s) ? NaN : s.includes('-') ? -Infinity : Infinity;
      expect(Object.is(parseBytes(s), want), s).toBe(true);
    }
  });

  it('reject what a CSV number is not, though Number() may accept it', () => {
    for (const s of ['', ' ', '0x10', '0b1', '1_000', '1e', '1e+', '--1', '.', '.e5', 'e5', '1 2', '1,5', '.inf', '.nan', 'infinite', 'infinityx', 'nana', 'abc', '1.5x', '١']) {
      expect(parseBytes(s), JSON.stringify(s)).toBeUndefined();
      expect(parseNumber(s, 0, s.length), JSON.stringify(s)).toBeUndefined();
    }
  });

  it('scanNumber reads a number at the start of a cell and stops where it ends', () => {
    const b = bytes('-1.5e3,2.25\r\nnan;x');
    expect(scanNumber(b, 0, b.length)).toBe(-1500);
    expect(scanned.end).toBe(6);
    expect(scanNumber(b, 7, b.length)).toBe(2.25);
    expect(scanned.end).toBe(11);
    expect(scanNumber(b, 13, b.length)).toBeNaN();
    expect(scanned.end).toBe(16);
    expect(scanNumber(b, 17, b.length)).toBeUndefined();
  });
});
