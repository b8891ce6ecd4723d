import { describe, expect, it } from 'vitest';
import { ByteText } from '../../src/util/byte-text.js';

const decode = (b: ByteText): string => Buffer.from(b.view()).toString('utf8');

/** A deterministic stream of doubles from random bit patterns (every exponent, subnormals) and decimal-looking values. */
function* doubles(n: number, seed = 12345): Generator<number> {
  let s = seed >>> 0;
  const next = () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0), s);
  const bits = new Float64Array(1);
  const words = new Uint32Array(bits.buffer);
  for (let i = 0; i < n; i++) {
    const kind = i % 4;
    if (kind === 0) {
      words[0] = next();
      words[1] = next();
      if (!Number.isFinite(bits[0])) continue;
      yield bits[0];
    } else if (kind === 1) yield (next() / 2 ** 32) * 10 ** ((next() % 40) - 20);
    else if (kind === 2) yield -(next() % 100000) / 1000;
    else yield (next() % 2000) - 1000 + (next() % 2 ? 0.5 : 0);
  }
}

describe('ByteText', () => {
  it('writes every finite number as String(x) does (ECMAScript Number::toString): 200 000 random doubles, each twice (the digit cache)', () => {
    const values = [...doubles(200_000)];
    const out = new ByteText(16);
    for (const x of values) {
      out.number(x);
      out.byte(44);
      out.number(x);
      out.byte(10);
    }
    expect(decode(out)).toBe(values.map((x) => `${x},${x}\n`).join(''));
  });

  it('writes the edges of the number forms as String(x): −0 as 0, integers at ±2³¹, exponents at 1e21 and 1e-7, subnormals', () => {
    const edges = [0, -0, 1, -1, 9, 10, 99, 100, 2 ** 31 - 1, -(2 ** 31), 2 ** 31, -(2 ** 31) - 1, 2 ** 53, 1e21, 1e20, 123456789012345680000, 1e-7, 1.5e-7, 0.000001, 5e-324, -5e-324, Number.MAX_VALUE, -Number.MIN_VALUE, 0.1, 1 / 3, -2 / 3, 1e308];
    const out = new ByteText(64);
    for (const x of edges) {
      out.number(x);
      out.byte(32);
    }
    expect(decode(out)).toBe(edges.map((x) => `${Object.is(x, -0) ? '0' : String(x)} `).join(''));
    expect(decode(out).startsWith('0 0 1 -1 9 10 99 100 2147483647 -2147483648 2147483648 -2147483649 9007199254740992 1e+21 100000000000000000000 ')).toBe(true);
  });

  it('values that share a cache slot are each written with their own digits', () => {
    // 2¹² slots: 100 000 distinct values collide; writing them in two interleaved passes must still give each its own text.
    const values = Array.from({ length: 100_000 }, (_, i) => 0.1 + i * 1e-9);
    const out = new ByteText();
    for (let i = 0; i < values.length; i++) out.number(values[(i * 7919) % values.length]);
    expect(decode(out)).toBe(values.map((_, i) => String(values[(i * 7919) % values.length])).join(''));
  });

  it('writes text as UTF-8 (non-ASCII included) and raw bytes as they are, growing past its first capacity', () => {
    const out = new ByteText(1);
    out.text('low-pass,');
    out.text('ω₀ = π/2 — "ok"');
    out.raw(new Uint8Array([10, 65]));
    expect(decode(out)).toBe('low-pass,ω₀ = π/2 — "ok"\nA');
    expect(out.length).toBe(Buffer.byteLength('low-pass,ω₀ = π/2 — "ok"\nA'));
  });
});
