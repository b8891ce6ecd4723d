import { describe, expect, it } from 'vitest';
import { coherence } from '../../src/spectral/coherence.js';
import { csd } from '../../src/spectral/csd.js';
import { energySplit } from '../../src/spectral/energy-split.js';
import { NonFiniteInputError } from '../../src/spectral/finite-input.js';
import { spectrogram } from '../../src/spectral/spectrogram.js';
import { welchPsd } from '../../src/spectral/welch.js';
import { signal } from './spectral-fixture.js';

/** The NonFiniteInputError thrown by fn, as data. */
function refusal(fn: () => unknown): { argument: string; index: number; value: number; code: string } {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(NonFiniteInputError);
    expect(error).toBeInstanceOf(RangeError);
    const e = error as NonFiniteInputError;
    return { argument: e.argument, index: e.index, value: e.value, code: e.code };
  }
  throw new Error('expected a NonFiniteInputError');
}

const withSample = (x: Float64Array, index: number, value: number): Float64Array => {
  const y = x.slice();
  y[index] = value;
  return y;
};

describe('spectral estimates refuse non-finite samples', () => {
  const a = signal('a');
  for (const value of [NaN, Infinity, -Infinity]) {
    it(`welchPsd refuses a ${value} sample with the same typed error for the mean and the median average`, () => {
      const x = withSample(a, 777, value);
      const expected = { argument: 'x', index: 777, value, code: 'non-finite-input' };
      expect(refusal(() => welchPsd(x, { nperseg: 200 }))).toEqual(expected);
      expect(refusal(() => welchPsd(x, { nperseg: 200, average: 'median' }))).toEqual(expected);
    });
  }

  it('welchPsd names the first non-finite sample of the signal', () => {
    const x = withSample(withSample(a, 1500, NaN), 700, Infinity);
    expect(refusal(() => welchPsd(x, { nperseg: 256, noverlap: 0 }))).toMatchObject({ index: 700, value: Infinity });
  });

  it('a non-finite sample in the tail that no segment uses does not enter the estimate, as in scipy', () => {
    const x = withSample(a, 1999, NaN); // segments of 256 without overlap end at 1792
    expect(welchPsd(x, { nperseg: 256, noverlap: 0 }).psd).toEqual(welchPsd(a, { nperseg: 256, noverlap: 0 }).psd);
  });

  it('csd, coherence, spectrogram and energySplit refuse non-finite samples in either input', () => {
    const b = signal('b');
    const bad = withSample(b, 5, NaN);
    expect(refusal(() => csd(a, bad))).toMatchObject({ argument: 'y', index: 5 });
    expect(refusal(() => csd(bad, a, { average: 'median' }))).toMatchObject({ argument: 'x', index: 5 });
    expect(refusal(() => coherence(a, bad))).toMatchObject({ argument: 'y', index: 5 });
    expect(refusal(() => spectrogram(bad))).toMatchObject({ argument: 'x', index: 5 });
    expect(refusal(() => energySplit(bad, 0.1))).toMatchObject({ argument: 'x', index: 5 });
  });

  it('the error message names the input, the index and the value', () => {
    expect(() => welchPsd(Float64Array.of(1, 2, -Infinity, 4))).toThrow('x[2] is -Infinity: spectral estimates need finite samples');
  });
});
