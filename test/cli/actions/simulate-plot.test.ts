import { describe, expect, it } from 'vitest';
import { referenceFrequencies } from '../../../src/cli/actions/simulate-plot.js';

describe("simulate's figure: the frequencies it marks", () => {
  it('the sine given in rad/sample (2π/100) is marked at 0.01 cycles/step, and every legend label names its unit', () => {
    const refs = referenceFrequencies({ kind: 'noisy-sine', frequency: (2 * Math.PI) / 100 });
    expect(refs.map((r) => r.frequency)).toEqual([0.01, 0.5]);
    expect(refs.map((r) => r.label)).toEqual(['f ≈ 0.01 cycles/step (the sine)', 'f = 0.5 cycles/step (Nyquist)']);
  });

  it('a signal without a sine is marked at 0.01 and 0.5 cycles/step, labelled so', () => {
    expect(referenceFrequencies({ kind: 'white' } as Parameters<typeof referenceFrequencies>[0])).toEqual([
      { label: 'f ≈ 0.01 cycles/step', frequency: 0.01 },
      { label: 'f = 0.5 cycles/step (Nyquist)', frequency: 0.5 },
    ]);
  });
});
