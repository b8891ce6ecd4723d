import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { testSignal, type SignalSpec } from '../../src/spectral/signals.js';
import { welchPsd } from '../../src/spectral/welch.js';
import { expectClose, loadFixture } from './fixture.js';

const { chirp } = loadFixture<{ chirp: { n: number; f0: number; f1: number; x: number[] } }>('signals.json');
const sha256 = (x: Float64Array): string => createHash('sha256').update(new Uint8Array(x.buffer)).digest('hex');

describe('testSignal', () => {
  it('testSignal gives byte-identical output for the same spec and seed, and different output for another seed', () => {
    const spec: SignalSpec = { kind: 'noisy-sine', frequency: 0.2, noiseSigma: 1, seed: 11 };
    expect(sha256(testSignal(spec, 4096))).toBe(sha256(testSignal(spec, 4096)));
    expect(sha256(testSignal({ ...spec, seed: 12 }, 4096))).not.toBe(sha256(testSignal(spec, 4096)));
  });

  it('a noisy sine without noise is exactly A·sin(ω·t + φ)', () => {
    const x = testSignal({ kind: 'noisy-sine', frequency: 0.3, amplitude: 2, noiseSigma: 0, phase: 0.5 }, 100);
    expect(Array.from(x)).toEqual(Array.from({ length: 100 }, (_, t) => 2 * Math.sin(0.3 * t + 0.5)));
  });

  it('a noisy sine puts its peak Welch bin at the sine frequency', () => {
    const omega = (2 * Math.PI * 40) / 256;
    const x = testSignal({ kind: 'noisy-sine', frequency: omega, amplitude: 1, noiseSigma: 0.5, seed: 3 }, 1 << 15);
    const { psd } = welchPsd(x, { nperseg: 256 });
    expect(psd.indexOf(Math.max(...psd))).toBe(40);
  });

  it('white noise has the requested standard deviation within sampling error', () => {
    const n = 100_000;
    const x = testSignal({ kind: 'white', sigma: 3, seed: 5 }, n);
    const variance = x.reduce((s, v) => s + v * v, 0) / n;
    expect(Math.abs(variance / 9 - 1)).toBeLessThan(6 * Math.sqrt(2 / n));
  });

  it('impulse and step put their edge at sample `at`', () => {
    expect(Array.from(testSignal({ kind: 'impulse', at: 2, amplitude: 5 }, 5))).toEqual([0, 0, 5, 0, 0]);
    expect(Array.from(testSignal({ kind: 'step', at: 3 }, 5))).toEqual([0, 0, 0, 1, 1]);
    expect(Array.from(testSignal({ kind: 'impulse', at: 9 }, 3))).toEqual([0, 0, 0]);
  });

  it('chirp matches scipy.signal.chirp(method="linear") with frequencies converted to cycles/sample', () => {
    const x = testSignal({ kind: 'chirp', f0: chirp.f0, f1: chirp.f1 }, chirp.n);
    // The phase reaches ~n·(f0 + f1)/2 ≈ 640 rad; each path rounds it to ~ε·640.
    expectClose(x, chirp.x, { atol: 64 * Number.EPSILON * chirp.n * chirp.f1, label: 'chirp' });
  });

  it('testSignal rejects negative lengths, fractional `at` and unknown kinds', () => {
    expect(() => testSignal({ kind: 'white' }, -1)).toThrow(RangeError);
    expect(() => testSignal({ kind: 'step', at: 1.5 }, 4)).toThrow(RangeError);
    expect(() => testSignal({ kind: 'square' } as unknown as SignalSpec, 4)).toThrow(/unknown signal kind 'square'/);
  });
});
