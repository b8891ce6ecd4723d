import { describe, expect, it } from 'vitest';
import { parseSchedules } from '../../src/schedule/parse.js';
import { starterYaml } from '../../src/schedule/starter.js';
import { parseTuneTarget, stageIndex } from '../../src/tune/tune-target.js';
import { tuneParameter, type TuneSolution } from '../../src/tune/tune-parameter.js';
import { CLI_VOCABULARY } from '../../src/cli/messages.js';

function tune(text: string, path: string, target: string, range?: [number, number], sets: [string, unknown][] = []): TuneSolution {
  const { configs, issues } = parseSchedules(text, { overrides: sets.map(([p, value]) => ({ path: p.split('.'), value })) });
  expect(issues).toEqual([]);
  const t = parseTuneTarget(target);
  if ('error' in t) throw new Error(t.error);
  const r = tuneParameter(configs[0], { path, target: t, range });
  if ('error' in r) throw new Error(r.error);
  return r;
}

/** Relative error bound: the solution's own tolerance plus a few ulps of the closed form's arithmetic. */
function expectNear(got: number, want: number, tolerance: number, ulps = 16) {
  expect(Math.abs(got - want), `got=${got} want=${want}`).toBeLessThanOrEqual(tolerance + ulps * Number.EPSILON * Math.abs(want));
}

describe('tuneParameter against closed forms', () => {
  it('FSGDM c for final.dcGain = 30.992 at v = 1: the final segment starts at S = Σ, so v(1 + 1/c) = 30.992 exactly', () => {
    // Official rule: the final segment (step Σ alone when N divides Σ) has u = Σ/(Σ + cΣ) = 1/(1 + c),
    // DC gain v/(1 − u) = v(1 + 1/c) → c = 1/(30.992/v − 1).
    for (const v of [1, 0.5, 2]) {
      const r = tune(starterYaml('fsgdm'), 'momentum.c', 'final.dcGain=30.992', undefined, [['momentum.v', v]]);
      // 64 ulps: the metric is computed through 1 − u with u ≈ 0.97 (about 1.5 digits lost).
      expectNear(r.value, 1 / (30.992 / v - 1), r.tolerance, 64);
      expectNear(r.achieved, 30.992, 0, 64);
    }
  });

  it('FSGDM c on the last full stage (S = 299δ) and with Σ not a multiple of N: c = S/(Σ(target/v − 1))', () => {
    // DC gain of a segment starting at S: v/(1 − S/(S + cΣ)) = v(1 + S/(cΣ)).
    const r299 = tune(starterYaml('fsgdm'), 'c', 'stage:299.dcGain=30.992');
    expectNear(r299.value, (299 * 390) / (117000 * 29.992), r299.tolerance, 64);
    const odd = tune('steps: 117123\nstages: 300\nmomentum: { preset: fsgdm }\n', 'c', 'final.dcGain=25');
    // δ = ⌊117123/300⌋ = 390, last segment j = ⌊117123/390⌋ = 300 starts at S = 117000 < Σ.
    expectNear(odd.value, 117000 / (117123 * 24), odd.tolerance, 64);
    expect(odd.value).not.toBeCloseTo(1 / 24, 6);
  });

  it('Standard-SGDM β whose −3 dB cutoff is ω_c: |H(ω_c)|² = |H(0)|²/2 ⇔ β² − 2β(2 − cos ω_c) + 1 = 0', () => {
    for (const wc of [0.001, 0.01, 0.1, 0.5, 1.2]) {
      // The root below 1, as 1/(a + √(a² − 1)) with a = 2 − cos ω_c = 1 + 2 sin²(ω_c/2) (no cancellation).
      const a = 1 + 2 * Math.sin(wc / 2) ** 2;
      const beta = 1 / (a + Math.sqrt((a - 1) * (a + 1)));
      const r = tune(starterYaml('standard-sgdm'), 'momentum.beta', `first.cutoffFrequency=${wc}`);
      expectNear(r.value, beta, r.tolerance, 64);
    }
  });

  it('EMA β for a white-noise gain g: (1 − β)²/(1 − β²) = g ⇔ β = (1 − g)/(1 + g), within a --range', () => {
    const r = tune(starterYaml('ema-sgdm'), 'beta', 'last.noiseGain=0.01', [0, 0.9999]);
    expectNear(r.value, 0.99 / 1.01, r.tolerance, 64);
  });

  it('no solution in the range, an unknown path and a whole-number parameter are failures with codes', () => {
    const { configs } = parseSchedules(starterYaml('standard-sgdm'));
    const t = parseTuneTarget('final.dcGain=0.5');
    if ('error' in t) throw new Error(t.error);
    const none = tuneParameter(configs[0], { path: 'beta', target: t, range: [0, 0.99] });
    expect(none).toMatchObject({ code: 'no_solution' });
    expect('error' in none && none.error).toMatch(/^no solution of final\.dcGain = 0\.5 for momentum\.beta in 0:0\.99; there it ranges over \[1, 99\.99/);
    expect(tuneParameter(configs[0], { path: 'momentum.bta', target: t })).toMatchObject({ code: 'invalid_path', error: expect.stringContaining('did you mean "beta"') });
    expect(tuneParameter(configs[0], { path: 'stages', target: t })).toMatchObject({ code: 'integer_parameter', error: expect.stringContaining('whole numbers') });
    expect(Object.keys(tuneParameter(configs[0], { path: 'stages', target: t }))).not.toContain('exitCode');
  });

  it('searches only the parameter\'s valid range: DC gain 1/(1 − β) ≥ 1 for β in [0, 1), so 0.5 and 0.6 have no solution (torch refuses β < 0)', () => {
    for (const [preset, path, target] of [['nesterov', 'momentum.momentum', 'final.dcGain=0.5'], ['standard-sgdm', 'beta', 'final.dcGain=0.6'], ['pytorch-sgd', 'momentum.momentum', 'final.dcGain=0.5']]) {
      const { configs } = parseSchedules(starterYaml(preset));
      const t = parseTuneTarget(target);
      if ('error' in t) throw new Error(t.error);
      expect(tuneParameter(configs[0], { path, target: t }), `${preset} ${target}`).toMatchObject({ code: 'no_solution' });
      expect(tuneParameter(configs[0], { path, target: t, range: [-1, 0.5] }), `${preset} ${target} in -1:0.5`).toMatchObject({ code: 'no_solution' });
    }
    // Just inside the bound: 1/(1 − β) = 1.25 ⇔ β = 0.2.
    const r = tune(starterYaml('standard-sgdm'), 'beta', 'final.dcGain=1.25', [-1, 0.5]);
    expectNear(r.value, 0.2, r.tolerance);
  });

  it('a metric that a parameter does not move is said so in one line (code no_effect), with the reason for a learning-rate value', () => {
    // Standard-SGDM β = 0.9: H = 1/(1 − βz⁻¹), |H|² falls by half where cos ω = 1 − (1 − β)²/(2β); lr does not enter H.
    const { configs } = parseSchedules('steps: 100\nlr: 0.1\nmomentum: { preset: standard-sgdm, beta: 0.9 }\n');
    const t = parseTuneTarget('final.cutoffFrequency=0.2');
    if ('error' in t) throw new Error(t.error);
    const lr = tuneParameter(configs[0], { path: 'lr', target: t, range: [0.01, 1] });
    expect(lr).toMatchObject({ code: 'no_effect' });
    const m = /^final\.cutoffFrequency does not change with lr \(the learning rate does not enter the momentum filter\): it stays (\S+) for lr in 0\.01:1, never 0\.2$/.exec('error' in lr ? lr.error : '');
    expect(m).not.toBeNull();
    expectNear(Number(m![1]), Math.acos(1 - 0.01 / 1.8), 0, 64);
    // Two stages, β per stage: stage 0's DC gain 1/(1 − 0.9) = 10 whatever stage 1's β.
    const { configs: two } = parseSchedules('steps: 100\nstages: 2\nmomentum: { preset: standard-sgdm, beta: [0.9, 0.5] }\n');
    const t0 = parseTuneTarget('first.dcGain=3');
    if ('error' in t0) throw new Error(t0.error);
    const other = tuneParameter(two[0], { path: 'momentum.beta.1', target: t0, range: [0, 0.99] });
    expect(other).toMatchObject({ code: 'no_effect' });
    expect('error' in other && other.error).toBe(`first.dcGain does not change with momentum.beta.1: it stays ${1 / (1 - 0.9)} for momentum.beta.1 in 0:0.99, never 3`);
  });

  it('advice names the search interval in the words of the vocabulary: the library\'s by default, the CLI\'s when given', () => {
    // β = 0: an all-pass stage, whose cutoff is undefined (no frequency where the gain falls by 3 dB).
    const { configs } = parseSchedules('steps: 100\nmomentum: { preset: standard-sgdm, beta: 0 }\n');
    const t = parseTuneTarget('final.cutoffFrequency=0.5');
    if ('error' in t) throw new Error(t.error);
    expect(tuneParameter(configs[0], { path: 'beta', target: t })).toEqual({ code: 'undefined_at_start', error: 'final.cutoffFrequency is undefined at the current momentum.beta = 0; give range: [lo, hi]' });
    expect(tuneParameter(configs[0], { path: 'beta', target: t, vocabulary: CLI_VOCABULARY })).toEqual({ code: 'undefined_at_start', error: 'final.cutoffFrequency is undefined at the current momentum.beta = 0; give --range lo:hi' });
    const far = parseTuneTarget('final.cutoffFrequency=5');
    if ('error' in far) throw new Error(far.error);
    const { configs: base } = parseSchedules(starterYaml('standard-sgdm'));
    const failure = tuneParameter(base[0], { path: 'beta', target: far });
    expect(failure).toMatchObject({ code: 'no_solution', error: expect.stringContaining('(searched both ways; give range: [lo, hi] to search elsewhere)') });
    expect('error' in failure && failure.error).not.toMatch(/--[a-z]/);
  });

  it('targets: stage selectors and metric names are checked', () => {
    const t = parseTuneTarget('stage:-1.noiseGain=2');
    expect(t).toMatchObject({ stageText: 'stage:-1', metric: 'noiseGain', value: 2 });
    if ('error' in t) throw new Error(t.error);
    expect(stageIndex(t.stage, 5)).toBe(4);
    expect(parseTuneTarget('last.dcgain=2')).toMatchObject({ error: expect.stringContaining('did you mean "dcGain"') });
    expect(parseTuneTarget('middle.dcGain=2')).toMatchObject({ error: expect.stringContaining('expected <stage>.<metric>=<value>') });
    expect(parseTuneTarget('final.filterType=1')).toMatchObject({ error: expect.stringContaining('unknown metric') });
  });
});
