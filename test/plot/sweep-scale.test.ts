import { describe, expect, it } from 'vitest';
import { metricName, metricTitle, spansDecades } from '../../src/plot/specs/sweep-scale.js';

describe('spansDecades', () => {
  it('a DC gain of 3 … 202 spans decades; 0.5 … 0.9 does not', () => {
    expect(spansDecades([3, 50, 202])).toBe(true);
    expect(spansDecades([0.5, 0.7, 0.9])).toBe(false);
  });

  it('zero or negative values (dB, a gain of 0) never get a log scale; NaN gaps are ignored; no value is no span', () => {
    expect(spansDecades([0, 1, 100])).toBe(false);
    expect(spansDecades([-20, 30])).toBe(false);
    expect(spansDecades([NaN, 1, NaN, 100])).toBe(true);
    expect(spansDecades([NaN])).toBe(false);
  });
});

describe('metricTitle and metricName', () => {
  it('the title carries the unit, the name drops it, an unknown key stays itself', () => {
    expect(metricTitle('dcGainDb')).toBe('DC gain (dB)');
    expect(metricName('dcGainDb')).toBe('DC gain');
    expect(metricName('groupDelayDc')).toBe('Group delay τ(0)');
    expect(metricTitle('somethingElse')).toBe('somethingElse');
  });
});
