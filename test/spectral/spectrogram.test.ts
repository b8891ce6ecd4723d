import { describe, expect, it } from 'vitest';
import { spectrogram } from '../../src/spectral/spectrogram.js';
import { welchPsd } from '../../src/spectral/welch.js';
import { expectClose, maxAbs } from './fixture.js';
import { NOISE_FLOOR, RTOL, options, signal, spectral } from './spectral-fixture.js';

describe('spectrogram', () => {
  for (const c of spectral.spectrogram) {
    it(`spectrogram matches scipy.signal.spectrogram for ${c.name}`, () => {
      const out = spectrogram(signal(c.x), options(c.options));
      expectClose(out.frequencies, c.frequencies, { label: 'frequencies' });
      expectClose(out.times, c.times, { label: 'times' });
      expectClose(out.values, c.values, { rtol: RTOL, atol: NOISE_FLOOR * maxAbs(c.values), label: 'values [time][freq]' });
    });
  }

  it('the mean of spectrogram rows equals welchPsd with the same segments', () => {
    const x = signal('a');
    const opts = { nperseg: 128, noverlap: 16, window: 'hann' };
    const s = spectrogram(x, opts);
    const w = welchPsd(x, opts);
    const bins = s.frequencies.length;
    const mean = new Float64Array(bins);
    for (let t = 0; t < s.times.length; t++) for (let k = 0; k < bins; k++) mean[k] += s.values[t * bins + k] / s.times.length;
    expectClose(mean, w.psd, { rtol: 1e-13, atol: 1e-15 * maxAbs(w.psd), label: 'mean row' });
  });

  it("spectrogram defaults to scipy's window, ('tukey', 0.25), with noverlap = nperseg//8", () => {
    const x = signal('a');
    const s = spectrogram(x);
    expect(s.times.length).toBe(Math.floor((2000 - 32) / 224));
    expect(s.times[1] - s.times[0]).toBe(224);
    expect(Array.from(s.values)).toEqual(Array.from(spectrogram(x, { window: ['tukey', 0.25] }).values));
  });
});
