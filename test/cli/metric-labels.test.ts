import { describe, expect, it } from 'vitest';
import { FREQUENCY_UNITS, metricLabels } from '../../src/cli/metric-labels.js';
import { runCli } from '../support/run-cli.js';

const ANSI = /\x1b\[[0-9;]*m/g;
const words = (line: string) => line.replace(ANSI, '').trim().split(/\s+/);

describe('metricLabels', () => {
  it('names the group delay at DC τ(0) and the time constant 1/e, as docs/theory.md does, each with its unit', () => {
    const m = metricLabels(FREQUENCY_UNITS.cycles);
    expect([m.groupDelayDc.title, m.groupDelayDc.unit]).toEqual(['τ(0)', 'steps']);
    expect([m.timeConstant.title, m.timeConstant.unit]).toEqual(['1/e', 'steps']);
    expect(m.cutoffFrequency.unit).toBe('cyc/step');
  });

  it('a pipe\'s table and a terminal\'s carry the same header words and units line: no "delay" or "τ steps" anywhere', async () => {
    for (const args of [['analyze', 'configs/fsgdm-cifar100.yaml', '--stages', 'first,last', '--units', 'cycles'], ['analyze', 'configs/fsgdm-cifar100.yaml', '--stages', 'last', '--mode', 'both']]) {
      const pipe = (await runCli(args)).stdout.split('\n');
      const tty = (await runCli(args, { tty: true, columns: 200, env: { NO_COLOR: '1' } })).stdout.split('\n');
      const header = tty.findIndex((l) => /^\s*stage\s+steps/.test(l));
      // A terminal states a column that is the same on every row once, under the rows; a pipe keeps it.
      const every = tty.find((l) => l.startsWith('every row:')) ?? '';
      const stated = [...every.matchAll(/(\S+) = /g)].map((m) => m[1]);
      expect(words(pipe[1]).filter((w) => !stated.includes(w)), args.join(' ')).toEqual(words(tty[header]));
      expect(words(pipe[2]), args.join(' ')).toEqual(words(tty[header + 1]));
      expect(pipe.join('\n')).not.toMatch(/\bdelay\b|τ steps|noise gain/);
    }
  });
});
