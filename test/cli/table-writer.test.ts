import { Chalk } from 'chalk';
import { describe, expect, it } from 'vitest';
import { gainPaint } from '../../src/cli/table-writer.js';
import { gainDb } from '../../src/filter/gain-tolerance.js';

describe('gainPaint: the colour of a gain cell', () => {
  it('says what the record says: yellow exactly when the gain exceeds 1 beyond the gain tolerance, cyan below, plain at 0 dB (no second threshold)', () => {
    const paint = gainPaint(new Chalk({ level: 1 }));
    const yellow = new Chalk({ level: 1 }).yellow('x');
    const cyan = new Chalk({ level: 1 }).cyan('x');
    // 1 + k·2⁻⁵² for k ulps: the tolerance is a few ulps; 2.8e-12 dB is adam-m's frozen DC gain at step 273 (1/(1 − 0.9²⁷³)).
    const cases: [number, string][] = [
      [1, 'x'],
      [1 + 2 ** -52, 'x'],
      [1 - 2 ** -53, 'x'],
      [1 + 2 ** -45, yellow],
      [1 - 2 ** -45, cyan],
      [1 / (1 - 0.9 ** 273), yellow],
      [1 / (1 - 0.9 ** 322), yellow],
      [2, yellow],
      [0.5, cyan],
    ];
    for (const [g, painted] of cases) expect([g, paint(gainDb(g), 'x')]).toEqual([g, painted]);
    expect(paint(null, 'x')).toBe('x');
  });
});
