import { describe, expect, it } from 'vitest';
import { fftFrequencies, rfftFrequencies } from '../../src/spectral/frequencies.js';

describe('frequencies', () => {
  it('rfftFrequencies(8, 1) equals numpy.fft.rfftfreq(8)', () => {
    expect(Array.from(rfftFrequencies(8))).toEqual([0, 0.125, 0.25, 0.375, 0.5]);
  });

  it('fftFrequencies(5, 10) equals numpy.fft.fftfreq(5, 1/10)', () => {
    expect(Array.from(fftFrequencies(5, 10))).toEqual([0, 2, 4, -4, -2]);
  });

  it('fftFrequencies(6) puts the Nyquist bin at −0.5 as numpy does', () => {
    expect(Array.from(fftFrequencies(6)).map((f) => f * 6)).toEqual([0, 1, 2, -3, -2, -1]);
  });
});
