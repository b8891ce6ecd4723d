import { describe, expect, it } from 'vitest';
import { stackedTitle } from '../../src/plot/specs/stacked-title.js';

describe('stackedTitle', () => {
  it('puts the trailing unit on a second line, and leaves a title without one alone', () => {
    expect(stackedTitle('Frequency (cycles/step)')).toEqual(['Frequency', '(cycles/step)']);
    expect(stackedTitle('Time constant 1/e (steps)')).toEqual(['Time constant 1/e', '(steps)']);
    expect(stackedTitle('Noise power gain Σh²')).toBe('Noise power gain Σh²');
  });
});
