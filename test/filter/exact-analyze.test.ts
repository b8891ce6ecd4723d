import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analysis/analyze.js';
import { frozenResponse } from '../../src/filter/frozen-response.js';
import { linearGrid } from '../../src/filter/grid.js';
import { parseSchedules } from '../../src/schedule/parse.js';
import { runCli } from '../support/run-cli.js';
import { bruteForceResponse, relativeError } from './exact-brute-force.js';

const FSGDM = 'configs/fsgdm-cifar100.yaml';

describe('analyze({ mode, atSteps })', () => {
  const yaml = 'steps: 3000\nstages: 3\nmomentum: { u: [0.5, 0.99, 0.9], v: 1 }';

  it('frozen mode (the default) adds nothing: no responseExact, no transient, no atSteps', () => {
    const r = analyze(yaml, { frequencies: linearGrid(9) });
    const s = r.schedules[0];
    expect(s.atSteps).toBeUndefined();
    for (const st of s.stages) expect(Object.keys(st).sort()).toEqual(['endStep', 'index', 'metrics', 'response', 'startStep', 'u', 'v']);
  });

  it('exact mode: responseExact at each stage end equals the brute-force recursion; no frozen response', () => {
    const omega = linearGrid(9);
    const r = analyze(yaml, { frequencies: omega, mode: 'exact' });
    const schedule = parseSchedules(yaml).schedules[0];
    const want = bruteForceResponse(schedule, omega, [1000, 2000, 3000]);
    r.schedules[0].stages.forEach((st, k) => {
      expect(st.response).toBeUndefined();
      const h = st.responseExact!;
      for (let f = 0; f < omega.length; f++) {
        const got = { re: h.magnitude[f] * Math.cos(h.phase[f]), im: h.magnitude[f] * Math.sin(h.phase[f]) };
        expect(relativeError(got, want[k][f]), `stage ${k} ω=${omega[f]}`).toBeLessThanOrEqual(1e-10);
      }
    });
  });

  it('settlingSteps is the first step from which the brute-force response stays within 1 % of frozen (one branch: the bound is exact)', () => {
    const omega = linearGrid(17);
    const r = analyze(yaml, { frequencies: omega, mode: 'both', response: false });
    const schedule = parseSchedules(yaml).schedules[0];
    const steps = Array.from({ length: 3000 }, (_, i) => i + 1);
    const sim = bruteForceResponse(schedule, omega, steps);
    r.schedules[0].stages.forEach((st, k) => {
      const frozen = frozenResponse(st.u, st.v, omega);
      // The last step (from the one before the stage, whose state the stage starts from) outside 1 %.
      let lastOutside = -Infinity;
      for (let t = st.startStep - 1; t <= st.endStep; t++) {
        for (let f = 0; f < omega.length; f++) {
          const h = t === 0 ? { re: 0, im: 0 } : sim[t - 1][f];
          const d = Math.hypot(h.re - frozen.magnitude[f] * Math.cos(frozen.phase[f]), h.im - frozen.magnitude[f] * Math.sin(frozen.phase[f]));
          if (d > 0.01 * frozen.magnitude[f]) lastOutside = t;
        }
      }
      const want = lastOutside === st.endStep ? null : lastOutside === -Infinity ? 0 : lastOutside - (st.startStep - 1) + 1;
      expect(st.transient!.settlingSteps, `stage ${k}`).toBe(want);
      expect(st.transient!.maxDeviationDb).toBeGreaterThanOrEqual(0);
    });
  });

  it('settlingSteps is null when the stage ends before the response settles', () => {
    const r = analyze('steps: 200\nstages: 2\nmomentum: { u: [0, 0.999], v: 1 }', { mode: 'exact', response: false });
    expect(r.schedules[0].stages[1].transient!.settlingSteps).toBeNull();
    expect(r.schedules[0].stages[1].transient!.maxDeviationDb).toBeGreaterThan(10);
  });

  it('atSteps lists the steps in order with their stages', () => {
    const r = analyze(yaml, { frequencies: linearGrid(3), atSteps: [2500, 1, 1000, 1001] });
    expect(r.schedules[0].atSteps!.map((a) => [a.step, a.stage])).toEqual([[1, 0], [1000, 0], [1001, 1], [2500, 2]]);
    expect(r.schedules[0].atSteps![0].responseExact.magnitude[0]).toBe(1);
  });
});

describe('momentum-fr analyze --mode / --at-steps', () => {
  it('JSON: responseExact and transient per stage, atSteps beside stages; the last FSGDM stage is within 0.03 dB of frozen', async () => {
    const r = await runCli(['analyze', FSGDM, '--mode', 'both', '--stages', 'first,last', '--at-steps', '1,1000', '--freqs', '33', '--format', 'json']);
    expect(r.code, r.stderr).toBe(0);
    const s = JSON.parse(r.stdout).schedules[0];
    expect(s.atSteps.map((a: { step: number; stage: number }) => [a.step, a.stage])).toEqual([[1, 0], [1000, 2]]);
    const last = s.stages[1];
    expect(last.responseExact.magnitude).toHaveLength(33);
    expect(last.transient.maxDeviationDb).toBeGreaterThan(0);
    expect(last.transient.maxDeviationDb).toBeLessThan(0.03);
  });

  it('frozen output is byte-identical with and without --mode frozen', async () => {
    const a = await runCli(['analyze', FSGDM, '--stages', '0,100,-1', '--freqs', '9', '--format', 'csv']);
    const b = await runCli(['analyze', FSGDM, '--stages', '0,100,-1', '--freqs', '9', '--format', 'csv', '--mode', 'frozen']);
    expect(a.code).toBe(0);
    expect(b.stdout).toBe(a.stdout);
    expect(a.stdout.split('\n')[0]).toBe('schedule,stage,startStep,endStep,u,v,omega,magnitude,magnitudeDb,phase,groupDelay');
  });

  it('CSV in exact mode has kind and step columns; metrics-only CSV gains settlingSteps and maxDeviationDb', async () => {
    const r = await runCli(['analyze', FSGDM, '--mode', 'both', '--stages', 'last', '--at-steps', '5', '--freqs', '3', '--format', 'csv']);
    const lines = r.stdout.trim().split('\n');
    expect(lines[0]).toBe('schedule,stage,startStep,endStep,u,v,kind,step,omega,magnitude,magnitudeDb,phase,groupDelay');
    expect(lines.slice(1).map((l) => l.split(',').slice(6, 8).join(','))).toEqual(['frozen,117000', 'frozen,117000', 'frozen,117000', 'exact,117000', 'exact,117000', 'exact,117000', 'exact,5', 'exact,5', 'exact,5']);
    const m = (await runCli(['analyze', FSGDM, '--mode', 'exact', '--stages', 'last', '--no-response', '--format', 'csv'])).stdout.split('\n')[0];
    expect(m.endsWith(',amplifies,settlingSteps,maxDeviationDb')).toBe(true);
  });

  it('--at-steps with the table or --no-response is refused before the configs are read (an unreadable config is not even opened)', async () => {
    const table = await runCli(['analyze', 'no-such-config.yaml', '--at-steps', '1,100']);
    expect([table.code, table.stderr]).toEqual([2, 'momentum-fr: --at-steps needs --format json, csv or ndjson (the table shows metrics only)\n']);
    const none = await runCli(['analyze', 'no-such-config.yaml', '--at-steps', '1', '--format', 'json', '--no-response']);
    expect([none.code, none.stderr]).toEqual([2, 'momentum-fr: --at-steps reports responses: it cannot be combined with --no-response\n']);
  });

  it('bad --at-steps values are usage errors (exit 2, one line)', async () => {
    const cases: [string[], string][] = [
      [['--at-steps', '0', '--format', 'json'], 'expected positive integer steps'],
      [['--at-steps', '1,x', '--format', 'json'], 'expected positive integer steps'],
      [['--at-steps', '200000', '--format', 'json'], 'after the last step'],
      [['--at-steps', '5', '--format', 'json', '--no-response'], 'cannot be combined with --no-response'],
      [['--at-steps', '5'], 'needs --format json, csv or ndjson'],
    ];
    for (const [args, msg] of cases) {
      const r = await runCli(['analyze', FSGDM, ...args]);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain(msg);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
    }
  });
});
