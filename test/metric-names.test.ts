import { describe, expect, it } from 'vitest';
import { stageMetrics } from '../src/filter/metrics.js';
import { METRIC_NAMES, NUMERIC_METRICS } from '../src/metric-names.js';
import { runCli } from './support/run-cli.js';

describe('the metric names', () => {
  it('are every key of a stage\'s metrics, each once', () => {
    const keys = Object.keys(stageMetrics(0.9, 0.1));
    expect([...METRIC_NAMES].sort()).toEqual([...keys].sort());
    expect(new Set(METRIC_NAMES).size).toBe(METRIC_NAMES.length);
  });

  it('are the order of analyze\'s metrics columns', async () => {
    const r = await runCli(['analyze', '--preset', 'ema-sgdm', '--format', 'csv', '--no-response']);
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n')[0].split(',').slice(6)).toEqual(METRIC_NAMES);
  });

  it('the numeric ones are those whose value is a number or null (undefined), for stable and unstable stages', () => {
    for (const [u, v] of [[0.9, 0.1], [-0.5, 1], [0, 1], [0.999, 2]]) {
      const m = stageMetrics(u, v) as unknown as Record<string, unknown>;
      const numeric = METRIC_NAMES.filter((k) => typeof m[k] === 'number' || m[k] === null);
      expect(NUMERIC_METRICS, `u=${u} v=${v}`).toEqual(numeric);
    }
  });
});
