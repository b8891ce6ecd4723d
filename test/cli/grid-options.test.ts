import { describe, expect, it } from 'vitest';
import { gridFromOptions, parseGridOption } from '../../src/cli/grid-options.js';
import { CliError } from '../../src/cli/errors.js';

describe('parseGridOption (the CLI\'s --grid path=SPEC)', () => {
  it('splits at the first = and names the option as the user wrote it', () => {
    expect(parseGridOption(' momentum.beta =0.5:0.99:50')).toEqual({ path: 'momentum.beta', spec: '0.5:0.99:50', origin: '--grid  momentum.beta =0.5:0.99:50' });
    expect(parseGridOption('c=a=b')).toEqual({ path: 'c', spec: 'a=b', origin: '--grid c=a=b' });
  });

  it('refuses a missing = or an empty path in one line that names --grid', () => {
    for (const text of ['beta', '=3', '']) {
      expect(parseGridOption(text)).toEqual({ error: `--grid ${text}: expected path=from:to:count[:log] or path=a,b,c` });
    }
  });
});

describe('gridFromOptions (--freqs, --scale, --fmin)', () => {
  it('gives n linear frequencies from 0 to π, or n log-spaced ones from fmin to π', () => {
    const lin = gridFromOptions({ freqs: '5', scale: 'linear', fmin: '0.001', units: 'rad' });
    expect([...lin]).toEqual([0, Math.PI / 4, Math.PI / 2, (3 * Math.PI) / 4, Math.PI]);
    const log = gridFromOptions({ freqs: '3', scale: 'log', fmin: '0.001', units: 'rad' });
    expect(log[0]).toBeCloseTo(0.001, 15);
    expect(log[2]).toBeCloseTo(Math.PI, 14);
    expect(log[1]).toBeCloseTo(Math.sqrt(0.001 * Math.PI), 14);
  });

  it('refuses a count that is not a positive integer and an fmin outside (0, π)', () => {
    expect(() => gridFromOptions({ freqs: '0', scale: 'linear', fmin: '0.001', units: 'rad' })).toThrow(CliError);
    expect(() => gridFromOptions({ freqs: '2.5', scale: 'linear', fmin: '0.001', units: 'rad' })).toThrow(/--freqs: expected a positive integer \(got "2\.5"\)/);
    expect(() => gridFromOptions({ freqs: '3', scale: 'log', fmin: '4', units: 'rad' })).toThrow(/--fmin: expected a number in \(0, π\)/);
  });
});
