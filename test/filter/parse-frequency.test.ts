import { describe, expect, it } from 'vitest';
import { parseFrequency } from '../../src/filter/parse-frequency.js';
import { runCli } from '../support/run-cli.js';

describe('parseFrequency', () => {
  it.each([
    ['0.01', 0.01],
    ['1e-4', 1e-4],
    ['1E-4', 1e-4],
    ['.5', 0.5],
    ['pi', Math.PI],
    ['π', Math.PI],
    ['PI', Math.PI],
    ['pi/4', Math.PI / 4],
    ['3pi/4', (3 * Math.PI) / 4],
    ['0.5*pi', 0.5 * Math.PI],
    ['0.5 pi', 0.5 * Math.PI],
    ['1/8', 0.125],
    [' pi/2 ', Math.PI / 2],
  ])('%s is %d rad/sample', (text, omega) => {
    expect(parseFrequency(text)).toBe(omega);
  });

  it.each(['', ' ', '-1', '+1', 'x', 'pi/0', 'pi/-2', '1.2.3', '2pi pi', 'e5', '0x10', 'Infinity', 'NaN'])('%j is not a frequency', (text) => {
    expect(parseFrequency(text)).toBeUndefined();
  });

  it('--fmin takes the same syntax as --at-freqs: pi/1000 is the grid of 0.0031415926535897933', async () => {
    const json = async (fmin: string) => {
      const r = await runCli(['analyze', '--preset', 'ema-sgdm', '--scale', 'log', '--fmin', fmin, '--freqs', '3', '--format', 'json']);
      expect(r.stderr).toBe('');
      return JSON.parse(r.stdout).schedules[0].frequencies as number[];
    };
    const bySymbol = await json('pi/1000');
    expect(bySymbol[0]).toBe(Math.PI / 1000);
    expect(bySymbol).toEqual(await json(String(Math.PI / 1000)));
    const bad = await runCli(['analyze', '--preset', 'ema-sgdm', '--scale', 'log', '--fmin', 'pi']);
    expect(bad.stderr).toBe('momentum-fr: --fmin: expected a number in (0, π) rad/sample (got "pi")\n');
  });

  it('simulate --f0/--f1/--frequency take it too', async () => {
    const r = await runCli(['simulate', '--preset', 'ema-sgdm', '--steps', '256', '--signal', 'chirp', '--f0', 'pi/8', '--f1', '3pi/4', '--format', 'json']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).signal).toMatchObject({ kind: 'chirp', f0: Math.PI / 8, f1: (3 * Math.PI) / 4 });
    const bad = await runCli(['simulate', '--preset', 'ema-sgdm', '--signal', 'noisy-sine', '--frequency', '2pi']);
    expect(bad.stderr).toBe('momentum-fr: --frequency: expected a frequency in [0, π] rad/sample (got "2pi")\n');
  });
});
