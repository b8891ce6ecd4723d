import { describe, expect, it } from 'vitest';
import { runCli } from '../support/run-cli.js';

describe('momentum-fr tune', () => {
  it('FSGDM: the c whose final-segment DC gain v(1 + 1/c) is 30.992 at v = 1 (the README\'s optimal zone), as JSON', async () => {
    const r = await runCli(['tune', '--preset', 'fsgdm', '--solve', 'momentum.c', '--target', 'final.dcGain=30.992', '--set', 'momentum.v=1', '--format', 'json']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(Object.keys(doc).slice(0, 6)).toEqual(['schemaVersion', 'tool', 'solution', 'target', 'achieved', 'tolerance']);
    expect(doc.solution.path).toBe('momentum.c');
    expect(doc.target).toEqual({ stage: 'final', metric: 'dcGain', value: 30.992 });
    // Closed form: the official rule's final segment starts at S = Σ, u = 1/(1 + c), DC gain v(1 + 1/c).
    expect(Math.abs(doc.solution.value - 1 / 29.992)).toBeLessThanOrEqual(doc.tolerance + 64 * Number.EPSILON / 29.992);
    expect(Math.abs(doc.achieved - 30.992)).toBeLessThanOrEqual(64 * Number.EPSILON * 30.992);
  });

  it('with a learning rate, the β whose effective learning rate α/(1 − β) is 0.5 at α = 0.1: β = 0.8', async () => {
    const r = await runCli(['tune', '--preset', 'standard-sgdm', '--set', 'lr=0.1', '--solve', 'beta', '--target', 'last.effectiveLearningRate=0.5', '--format', 'json']);
    expect(r.code, r.stderr).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc.solution.value).toBeCloseTo(1 - 0.1 / 0.5, 12);
    expect(doc.achieved).toBeCloseTo(0.5, 12);
  });

  it('Standard-SGDM: the β whose −3 dB cutoff is 0.1 rad/sample, as text', async () => {
    const r = await runCli(['tune', '--preset', 'standard-sgdm', '--solve', 'beta', '--target', 'last.cutoffFrequency=0.1']);
    expect(r.code).toBe(0);
    const lines = r.stdout.trim().split('\n');
    const beta = Number(/^momentum\.beta = (\S+)$/.exec(lines[0])![1]);
    const a = 1 + 2 * Math.sin(0.05) ** 2; // 2 − cos ω_c
    expect(Math.abs(beta - 1 / (a + Math.sqrt((a - 1) * (a + 1))))).toBeLessThanOrEqual(1e-14);
    expect(lines[1]).toMatch(/^last\.cutoffFrequency = 0\.(1|09999)\d* \(target 0\.1\)$/);
    expect(lines[2]).toMatch(/^tolerance ±\S+ on momentum\.beta; \d+ Brent steps in \[/);
  });

  it.each([
    [['--preset', 'standard-sgdm', '--solve', 'beta', '--target', 'final.dcGain=0.5', '--range', '0:0.99'], 1, 'momentum-fr: no solution of final.dcGain = 0.5 for momentum.beta in 0:0.99; there it ranges over [1, 99.99999999999991]'],
    [['--preset', 'standard-sgdm', '--solve', 'lr', '--target', 'final.dcGain=2', '--set', 'lr=0.1', '--range', '0.01:1'], 1, `momentum-fr: final.dcGain does not change with lr (the learning rate does not enter the momentum filter): it stays ${1 / (1 - 0.9)} for lr in 0.01:1, never 2`],
    [['--preset', 'standard-sgdm', '--solve', 'beta', '--target', 'final.dcgain=2'], 2, 'momentum-fr: --target: unknown metric "dcgain" (did you mean "dcGain"?) (one of dcGain, dcGainDb, nyquistGain, nyquistGainDb, peakGain, peakFrequency, cutoffFrequency, unityGainFrequency, noiseGain, groupDelayDc, timeConstant, effectiveLearningRate)'],
    [['--preset', 'standard-sgdm', '--solve', 'betta', '--target', 'final.dcGain=2'], 2, 'momentum-fr: --solve unknown parameter "betta" (did you mean "beta"?) (sweepable here: steps, stages, stageLength, lr, beta)'],
    [['--preset', 'standard-sgdm', '--solve', 'beta', '--target', 'final.dcGain=2', '--range', '1:0'], 2, 'momentum-fr: --range: empty range, lo must be < hi (got 1:0)'],
    [['--preset', 'standard-sgdm', '--solve', 'beta', '--target', 'last.effectiveLearningRate=0.5'], 2, 'momentum-fr: --target: last.effectiveLearningRate is α·|H(0)|: the schedule has no learning rate (give lr)'],
    [['--preset', 'standard-sgdm', '--solve', 'beta', '--target', 'dcGain=2'], 2, 'momentum-fr: --target: "dcGain=2" is not a target; expected <stage>.<metric>=<value> with stage first, final, last, K (or stage:K) or step:S, e.g. final.dcGain=30.992'],
  ])('%j fails in one line with exit %i', async (args, code, message) => {
    const r = await runCli(['tune', ...args]);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(`${message}\n`);
    expect(r.code).toBe(code);
  });
});
