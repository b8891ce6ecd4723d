import { describe, expect, it } from 'vitest';
import { parseAxisSpec, type AxisSpec } from '../../src/schedule/axis-spec.js';
import { axisLength, axisValue } from '../../src/sweep/axis-value.js';
import { gridSize, pointValues } from '../../src/sweep/sweep-grid.js';

const spec = (text: string): AxisSpec => {
  const s = parseAxisSpec(text);
  if ('error' in s) throw new Error(s.error);
  return s;
};

describe('axis specs', () => {
  it('from:to:count gives count evenly spaced values with both ends exact (numpy.linspace)', () => {
    const s = spec('0.5:0.99:50');
    expect(axisLength(s)).toBe(50);
    expect(axisValue(s, 0)).toBe(0.5);
    expect(axisValue(s, 49)).toBe(0.99);
    for (let i = 1; i < 50; i++) {
      const step = axisValue(s, i) - axisValue(s, i - 1);
      expect(Math.abs(step - 0.49 / 49), `i=${i}`).toBeLessThanOrEqual(4 * Number.EPSILON);
    }
  });

  it(':log gives a constant ratio between neighbours (numpy.geomspace), ends exact, negative ranges too', () => {
    const s = spec('0.001:10:5:log');
    expect([0, 1, 2, 3, 4].map((i) => axisValue(s, i))).toEqual([0.001, expect.closeTo(0.01, 15), expect.closeTo(0.1, 15), expect.closeTo(1, 14), 10]);
    const n = spec('-1:-100:3:log');
    expect(axisValue(n, 1)).toBeCloseTo(-10, 13);
  });

  it('a list keeps its order; one number is a list of one', () => {
    expect(spec('0.5,1,2')).toEqual({ kind: 'list', values: [0.5, 1, 2] });
    expect(spec('3')).toEqual({ kind: 'list', values: [3] });
  });

  it.each([
    ['', 'no values'],
    ['0.1:0.1:3', 'empty range: from = to = 0.1'],
    ['0:1:0', 'zero count'],
    ['0:1:-2', 'zero count'],
    ['0:1:2.5', 'count must be a whole number'],
    ['0:1:3:cubic', 'unknown spacing "cubic"'],
    ['0:1:3:log', 'log spacing needs from and to of the same sign and non-zero'],
    ['a:1:3', 'from is not a number'],
    ['1,x,3', '"x" is not a number'],
    ['0:1', 'is not a range'],
  ])('"%s" is refused: %s', (text, message) => {
    const s = parseAxisSpec(text);
    expect('error' in s && s.error).toContain(message);
  });

  it('the Cartesian product runs like nested loops in the order given (last axis fastest)', () => {
    const axes = [spec('1,2'), spec('10,20,30'), spec('100,200')];
    expect(gridSize(axes)).toBe(12);
    const expected: number[][] = [];
    for (const a of [1, 2]) for (const b of [10, 20, 30]) for (const c of [100, 200]) expected.push([a, b, c]);
    const got = expected.map((_, p) => Array.from(pointValues(axes, p, new Float64Array(3))));
    expect(got).toEqual(expected);
  });
});
