import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analysis/analyze.js';
import { linearGrid } from '../../src/filter/grid.js';
import { effectiveLearningRate, updateResponse } from '../../src/filter/update-response.js';
import { runCli } from '../support/run-cli.js';

const BETA = 0.9;
const ALPHA = 0.1;
const STEPS = 60;
const ema = `name: ema\nsteps: ${STEPS}\nstages: 4\nlr: ${ALPHA}\nmomentum: { preset: ema-sgdm, beta: ${BETA} }\n`;
// Standard SGDM at α(1 − β) takes the same steps as EMA at α: m_EMA = (1 − β)·m_standard.
const standard = `name: standard\nsteps: ${STEPS}\nstages: 4\nlr: ${ALPHA * (1 - BETA)}\nmomentum: { preset: standard-sgdm, beta: ${BETA} }\n`;
const every = Array.from({ length: STEPS }, (_, i) => i + 1);
const omega = linearGrid(33);

const relative = (x: number, ref: number) => (x === ref ? 0 : Math.abs(x - ref) / Math.abs(ref));

describe('the update view: U = α·H, from gradient to parameter step', () => {
  const a = analyze(ema, { frequencies: omega, mode: 'both', atSteps: every, stages: 'all' });
  const b = analyze(standard, { frequencies: omega, mode: 'both', atSteps: every, stages: 'all' });

  it('EMA at α and standard SGDM at α(1 − β) have identical update responses: frozen per stage ≤ 4 ε, exact at every step ≤ 8 ε', () => {
    // The exact walks differ in rounding (EMA's v = 1 − β from 0 vs standard's first-step copy and v = 1):
    // their momentum responses, scaled by 1 − β, are already 4.3 ε apart at worst (step 5); α only scales them.
    const frozen = a.schedules[0].stages.map((s, k) => [s.updateResponse!, b.schedules[0].stages[k].updateResponse!]);
    const exact = [
      ...a.schedules[0].stages.map((s, k) => [s.updateResponseExact!, b.schedules[0].stages[k].updateResponseExact!]),
      ...a.schedules[0].atSteps!.map((s, i) => [s.updateResponseExact!, b.schedules[0].atSteps![i].updateResponseExact!]),
    ];
    expect([frozen.length, exact.length]).toEqual([4, 4 + STEPS]);
    for (const [pairs, ulps] of [[frozen, 4], [exact, 8]] as const) {
      for (const [x, y] of pairs) {
        for (let f = 0; f < omega.length; f++) {
          expect(relative(x.magnitude[f], y.magnitude[f])).toBeLessThanOrEqual(ulps * Number.EPSILON);
          expect(Math.abs(x.magnitudeDb[f] - y.magnitudeDb[f])).toBeLessThanOrEqual(1e-13);
        }
      }
    }
  });

  it('while their momentum responses differ by 20·log10(1/(1 − β)) = 20 dB at β = 0.9', () => {
    const gap = 20 * Math.log10(1 / (1 - BETA));
    expect(gap).toBeCloseTo(20, 12);
    for (const [x, y] of a.schedules[0].atSteps!.map((s, i) => [s.responseExact, b.schedules[0].atSteps![i].responseExact])) {
      for (let f = 0; f < omega.length; f++) expect(Math.abs(y.magnitudeDb[f] - x.magnitudeDb[f] - gap)).toBeLessThanOrEqual(1e-12);
    }
  });

  it('effectiveLearningRate is α·DC gain: α for both (α/(1 − β) of standard SGDM at α(1 − β)); lr is in every record', () => {
    for (const r of [a, b]) {
      for (const s of r.schedules[0].stages) {
        expect(relative(s.metrics.effectiveLearningRate!, ALPHA)).toBeLessThanOrEqual(4 * Number.EPSILON);
        expect(s.lr).toBeDefined();
      }
      for (const s of r.schedules[0].atSteps!) expect(s.lr).toBe(r.schedules[0].stages[0].lr);
    }
  });

  it('α = 0: every gain is 0 (−∞ dB, null in JSON), effectiveLearningRate 0; an infinite DC gain gives null', () => {
    const u = updateResponse({ magnitude: Float64Array.of(1, 0), magnitudeDb: Float64Array.of(0, -Infinity) }, 0);
    expect(Array.from(u.magnitude)).toEqual([0, 0]);
    expect(Array.from(u.magnitudeDb)).toEqual([-Infinity, -Infinity]);
    expect(effectiveLearningRate(0, 10)).toBe(0);
    expect(effectiveLearningRate(0.1, Infinity)).toBeNull();
    const scaled = updateResponse({ magnitude: Float64Array.of(10), magnitudeDb: Float64Array.of(20) }, 0.01);
    expect(scaled.magnitude[0]).toBe(0.1);
    expect(scaled.magnitudeDb[0]).toBeCloseTo(-20, 13);
  });

  it('without lr, records carry no lr, no update responses and no effectiveLearningRate', () => {
    const r = analyze(ema.replace(`lr: ${ALPHA}\n`, ''), { frequencies: omega, mode: 'both', atSteps: [1], stages: 'all' });
    const s = r.schedules[0].stages[0];
    expect(Object.keys(s)).toEqual(['index', 'startStep', 'endStep', 'u', 'v', 'metrics', 'response', 'transient', 'responseExact']);
    expect('effectiveLearningRate' in s.metrics).toBe(false);
    expect(Object.keys(r.schedules[0].atSteps![0])).toEqual(['step', 'stage', 'responseExact']);
  });

  it('with lr, the JSON record has lr after v, updateResponse after response, updateResponseExact after responseExact', () => {
    const s = a.schedules[0].stages[0];
    expect(Object.keys(s)).toEqual(['index', 'startStep', 'endStep', 'u', 'v', 'lr', 'metrics', 'response', 'updateResponse', 'transient', 'responseExact', 'updateResponseExact']);
    expect(Object.keys(s.updateResponse!)).toEqual(['magnitude', 'magnitudeDb']);
    expect(Object.keys(s.metrics).at(-1)).toBe('effectiveLearningRate');
    expect(Object.keys(a.schedules[0].atSteps![0])).toEqual(['step', 'stage', 'lr', 'responseExact', 'updateResponseExact']);
  });
});

describe('analyze writes the update view when some schedule has lr', () => {
  it('metrics CSV: lr after v, effectiveLearningRate after amplifies (empty for a schedule without lr)', async () => {
    const r = await runCli(['analyze', '-', '--preset', 'ema-sgdm', '--no-response', '--format', 'csv'], { input: ema });
    expect(r.code, r.stderr).toBe(0);
    const [head, ...rows] = r.stdout.trim().split('\n');
    const first = rows.find((row) => row.startsWith('ema,'))!;
    const other = rows.find((row) => row.startsWith('ema-sgdm,'))!;
    expect(head.split(',').slice(0, 7)).toEqual(['schedule', 'stage', 'startStep', 'endStep', 'u', 'v', 'lr']);
    expect(head.split(',').slice(-2)).toEqual(['amplifies', 'effectiveLearningRate']);
    expect(first.split(',')[6]).toBe('0.1');
    expect(Number(first.split(',').at(-1))).toBeCloseTo(0.1, 15);
    // The preset has no lr: its cells are empty.
    expect(other.split(',')[6]).toBe('');
    expect(other.split(',').at(-1)).toBe('');
  });

  it('long CSV (frozen, and exact with --at-steps): updateMagnitude, updateMagnitudeDb after groupDelay, α·|H| on the same row', async () => {
    for (const extra of [[], ['--mode', 'both', '--at-steps', '3', '--stages', 'all']]) {
      const r = await runCli(['analyze', '-', '--freqs', '3', '--format', 'csv', ...extra], { input: ema });
      expect(r.code, r.stderr).toBe(0);
      const lines = r.stdout.trim().split('\n');
      const cols = lines[0].split(',');
      expect(cols.slice(-3)).toEqual(['groupDelay', 'updateMagnitude', 'updateMagnitudeDb']);
      for (const line of lines.slice(1)) {
        const cells = line.split(',');
        const at = (name: string) => Number(cells[cols.indexOf(name)]);
        expect(relative(at('updateMagnitude'), ALPHA * at('magnitude'))).toBeLessThanOrEqual(2 * Number.EPSILON);
        expect(Math.abs(at('updateMagnitudeDb') - (at('magnitudeDb') - 20))).toBeLessThanOrEqual(1e-12);
      }
    }
  });

  it('the table gains an lr and an eff. lr column', async () => {
    const r = await runCli(['analyze', '-'], { input: ema });
    expect(r.code, r.stderr).toBe(0);
    const head = r.stdout.split('\n')[1];
    expect(head).toMatch(/ v +lr +type /);
    expect(head).toMatch(/ eff\. lr$/);
  });
});
