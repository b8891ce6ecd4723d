import { describe, expect, it } from 'vitest';
import { SLIDER_STEPS, sliderPosition, sliderValue } from '../../src/explore/slider-scale.js';

describe('slider positions and values', () => {
  const log = { min: 1e-4, max: 1, scale: 'log', integer: false } as const;
  const linear = { min: 0, max: 1, scale: 'linear', integer: false } as const;

  it('a log slider is geometric: its middle is the geometric mean of its ends', () => {
    expect(sliderValue(0, log)).toBe(1e-4);
    expect(sliderValue(SLIDER_STEPS / 2, log)).toBe(0.01);
    expect(sliderValue(SLIDER_STEPS, log)).toBe(1);
    expect(sliderValue(SLIDER_STEPS / 4, log)).toBe(0.001);
  });

  it('a linear slider is affine, and values keep 4 significant digits', () => {
    expect(sliderValue(900, linear)).toBe(0.9);
    expect(sliderValue(333, { min: 0, max: 3.3, scale: 'linear', integer: false })).toBe(1.099);
  });

  it('integers are rounded', () => {
    expect(sliderValue(500, { min: 1, max: 10_000, scale: 'log', integer: true })).toBe(100);
    expect(Number.isInteger(sliderValue(123, { min: 1, max: 10_000, scale: 'log', integer: true }))).toBe(true);
  });

  it('the position of a value is the inverse of the value at a position, clamped to the ends', () => {
    for (const p of [0, 1, 250, 500, 999, 1000]) expect(sliderPosition(sliderValue(p, log), log)).toBe(p);
    expect(sliderPosition(5, linear)).toBe(SLIDER_STEPS);
    expect(sliderPosition(-5, linear)).toBe(0);
    expect(sliderPosition(0, log)).toBe(0);
  });
});
