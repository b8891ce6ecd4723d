import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { autoStageReport } from '../../src/analysis/display-stages.js';
import { stageOfStep } from '../../src/schedule/stages.js';
import { analyze } from '../../src/index.js';
import { dB, scheduleSummary, stepText, summaryOf } from '../../src/analysis/schedule-summary.js';
import { parseSchedules } from '../../src/schedule/parse.js';
import { ExactDcProbe } from '../../src/analysis/exact-dc.js';

/** 20·log10 of a gain rounded to 0.1 dB as the sentences print it, from the closed form. */
const db = (gain: number) => {
  const r = Math.round(20 * Math.log10(gain) * 10) / 10;
  return r === 0 ? '0 dB' : `${r > 0 ? '+' : '−'}${Math.abs(r).toFixed(1)} dB`;
};

function summary(config: Record<string, unknown>): string[] {
  return analyze(config, { response: false }).schedules[0].summary;
}

describe('scheduleSummary', () => {
  it('EMA with constant u = 0.9: low-pass throughout, DC gain v/(1 − u) = 0 dB, Nyquist v/(1 + u), never amplifies', () => {
    expect(summary({ steps: 1000, momentum: { preset: 'ema-sgdm', beta: 0.9 } })).toEqual([
      'low-pass throughout',
      'DC gain 0 dB',
      `Nyquist gain ${db(0.1 / 1.9)}`,
      'never amplifies (peak gain ≤ 0 dB)',
    ]);
    expect(db(0.1 / 1.9)).toBe('−25.6 dB');
  });

  it('standard SGDM (v = 1): DC gain 1/(1 − u) = +20.0 dB, amplifies low frequencies throughout', () => {
    expect(summary({ steps: 1000, momentum: { preset: 'standard-sgdm', beta: 0.9 } })).toEqual([
      'low-pass throughout',
      `DC gain ${db(1 / 0.1)}`,
      `Nyquist gain ${db(1 / 1.9)}`,
      'amplifies low frequencies throughout',
    ]);
  });

  it('negative u: high-pass, the peak at Nyquist is high frequencies', () => {
    const s = summary({ steps: 100, momentum: { u: -0.5, v: 1 } });
    expect(s[0]).toBe('high-pass throughout');
    expect(s[1]).toBe(`DC gain ${db(1 / 1.5)}`);
    expect(s[2]).toBe(`Nyquist gain ${db(1 / 0.5)}`);
    expect(s[3]).toBe('amplifies high frequencies throughout');
  });

  it('u = 0 then 0.5 then 0.75 (v = 1): all-pass then low-pass, a DC gain rising to 1/(1 − u), amplifying from the second stage on', () => {
    const s = summary({ steps: 3000, stages: 3, momentum: { u: [0, 0.5, 0.75], v: 1 } });
    expect(s).toEqual([
      'all-pass for steps 1–1000, then low-pass to step 3000',
      `DC gain rises from 0 dB to ${db(4)} by step 2001`,
      `Nyquist gain falls from 0 dB to ${db(1 / 1.75)} by step 2001`,
      'amplifies low frequencies from step 1001 on',
    ]);
  });

  it('a gain that falls and rises again names its low and where it ends', () => {
    const s = summary({ steps: 30, stages: 3, momentum: { u: [0.9, 0, 0.5], v: 1 } });
    expect(s[1]).toBe(`DC gain falls from ${db(10)} to a low of 0 dB (step 11) and ends at ${db(2)}`);
    expect(s[3]).toBe('amplifies low frequencies in steps 1–10, steps 21–30');
  });

  it('amplifying only at the start: "until" the last step that amplifies', () => {
    const s = summary({ steps: 20, stages: 2, momentum: { u: [0.5, 0.5], v: [1, 0.5] } });
    expect(s[3]).toBe('amplifies low frequencies until step 10');
  });

  it('many changes of filter type are counted, not listed', () => {
    const u = Array.from({ length: 10 }, (_, i) => (i % 2 === 0 ? 0.5 : -0.5));
    const s = summary({ steps: 100, stages: 10, momentum: { u, v: 1 } });
    expect(s[0]).toBe('low-pass for steps 1–10, then the filter type changes 9 times (low-pass, high-pass, …)');
  });

  it('describes every stage whatever the selection: the library result has the same summary for all stages and for the last', () => {
    const config = { steps: 3000, stages: 3, momentum: { u: [0, 0.5, 0.75], v: 1 } };
    expect(analyze(config, { stages: 'last', response: false }).schedules[0].summary).toEqual(summary(config));
    const [schedule] = parseSchedules(JSON.stringify(config)).schedules;
    expect(summaryOf(schedule)).toEqual(summary(config));
  });

  it('no stages: no sentences', () => {
    expect(scheduleSummary([])).toEqual([]);
  });

  it('steps in SI digit groups from 10 000; dB to 0.1 with a sign and U+2212', () => {
    expect([stepText(1), stepText(5850), stepText(10000), stepText(117000), stepText(1000000)]).toEqual(['1', '5850', '10 000', '117 000', '1 000 000']);
    expect([dB(29.9117), dB(-5.88), dB(0.04), dB(-0.04), dB(Infinity), dB(-Infinity)]).toEqual(['+29.9 dB', '−5.9 dB', '0 dB', '0 dB', '+∞ dB', '−∞ dB']);
  });
});

describe('the step a sentence names is where the gain it prints is reached', () => {
  const parsed = (file: string) => parseSchedules(readFileSync(file, 'utf8')).schedules[0];
  /** Step S of "<name> … <value> by step S" / "(step S)", with its value, from a summary sentence. */
  const named = (sentence: string, pattern: RegExp) => {
    const m = pattern.exec(sentence);
    if (m === null) throw new Error(`no match in ${JSON.stringify(sentence)}`);
    return { value: m[1], step: Number(m[2].replace(/ /g, '')) };
  };

  it('yolo (Nesterov, momentum np.interp(t − 1, [0, 5547], [0.8, 0.937])): "by step" names the first step whose DC gain 1/(1 − μ_t) rounds to +24.0 dB, inside a display stage', () => {
    // Closed form: Nesterov's d = g + μ·buf, buf = g/(1 − μ) at DC, so |H(0)| = 1/(1 − μ).
    const mu = (t: number) => 0.8 + ((0.937 - 0.8) * Math.min(t - 1, 5547)) / 5547;
    const schedule = parsed('configs/yolo-nesterov-warmup.yaml');
    const dc = summaryOf(schedule).find((s) => s.startsWith('DC gain'))!;
    const { value, step } = named(dc, /to (\S+ dB) by step ([\d ]+)$/);
    expect(value).toBe(db(1 / (1 - 0.937)));
    expect(db(1 / (1 - mu(step)))).toBe(value);
    expect(db(1 / (1 - mu(step - 1)))).not.toBe(value);
    expect(step).toBe(5530);
    // Not a display stage's end: the step is found inside one.
    const ends = [...(autoStageReport(schedule.stages) as { ends: number[] }).ends].map((k) => schedule.stages.endStep[k]);
    expect(ends).not.toContain(step);
  });

  it('fsgdm-cifar100 (heavy ball, u and v per stage): the Nyquist gain v/(1 + u) at the step "by step" names rounds to the value printed', () => {
    const schedule = parsed('configs/fsgdm-cifar100.yaml');
    const nyq = summaryOf(schedule).find((s) => s.startsWith('Nyquist gain'))!;
    const { value, step } = named(nyq, /to (\S+ dB) by step ([\d ]+)$/);
    const k = stageOfStep(schedule.stages, step);
    const { u, v } = schedule.stages;
    expect(db(v[k] / (1 + u[k]))).toBe(value);
    expect(db(v[k - 1] / (1 + u[k - 1]))).not.toBe(value);
  });

  it('resnet OneCycleLR (torch SGD, v = 1): the low of the DC gain 1/(1 − u) and the high of the Nyquist gain 1/(1 + u) are at step 3519, where u reaches base_momentum 0.85', () => {
    // OneCycleLR: momentum falls from 0.95 to 0.85 over the first pct_start·T − 1 = 0.3·11 730 − 1 scheduler
    // steps, so the 3519th optimizer step uses 0.85; the display stage holding it ends at another step.
    const schedule = parsed('configs/resnet-cifar-onecycle.yaml');
    const words = summaryOf(schedule);
    const low = named(words.find((s) => s.startsWith('DC gain'))!, /a low of (\S+ dB) \(step ([\d ]+)\)/);
    expect(low).toEqual({ value: db(1 / (1 - 0.85)), step: 3519 });
    const high = named(words.find((s) => s.startsWith('Nyquist gain'))!, /a high of (\S+ dB) \(step ([\d ]+)\)/);
    expect(high).toEqual({ value: db(1 / (1 + 0.85)), step: 3519 });
    const ends = [...(autoStageReport(schedule.stages) as { ends: number[] }).ends].map((k) => schedule.stages.endStep[k]);
    expect(ends).not.toContain(3519);
    // The library's result (built from its display records) says the same.
    expect(analyze(readFileSync('configs/resnet-cifar-onecycle.yaml', 'utf8'), { response: false }).schedules[0].summary).toEqual(words);
  });

  it('every real stage of resnet (11 730 one-step stages): a gain that rises and falls back by less than 0.0005 dB per step is not "rising"; the sentences equal the refined display stages\'', () => {
    const text = readFileSync('configs/resnet-cifar-onecycle.yaml', 'utf8');
    const all = analyze(text, { stages: 'all', response: false }).schedules[0].summary;
    expect(all[2]).toBe(`Nyquist gain rises from ${db(1 / 1.95)} to a high of ${db(1 / 1.85)} (step 3519) and ends at ${db(1 / 1.95)}`);
    expect(all).toEqual(summaryOf(parsed('configs/resnet-cifar-onecycle.yaml')));
  });

  it('AdamW (β1 = 0.9, bias-corrected): "by step" names the first step whose DC gain 1/(1 − 0.9^t) rounds to 0 dB', () => {
    const schedule = parsed('configs/transformer-adamw-warmup-cosine.yaml');
    const dc = named(summaryOf(schedule).find((s) => s.includes("frozen stage filter's DC gain"))!, /to (\S+ dB) by step ([\d ]+)$/);
    const first = Array.from({ length: 200 }, (_, i) => i + 1).find((t) => db(1 / (1 - 0.9 ** t)) === '0 dB');
    expect(dc).toEqual({ value: '0 dB', step: first });
  });

  it('adam-m (β1 = 0.9): the exact DC gain is 1 at every step, so the summary says so and names the frozen view (DC gain 1/(1 − 0.9^t)) as such, and the run never amplifies', () => {
    // m_t = Σ_s (1 − β)β^(t−s)·g_s, d_t = m_t/(1 − β^t): weights ≥ 0 summing to (1 − β)(1 − β^t)/((1 − β)(1 − β^t)) = 1,
    // so |H(t, ω)| ≤ H(t, 0) = 1; the frozen stage filter (1 − β)/((1 − β^t)(1 − β z⁻¹)) has DC gain 1/(1 − β^t).
    const words = summary({ name: 'adam', steps: 2000, momentum: { preset: 'adam-m', beta1: 0.9 } });
    const frozenDc = (t: number) => db(1 / (1 - 0.9 ** t));
    const zeroDbFrom = Array.from({ length: 200 }, (_, i) => i + 1).find((t) => frozenDc(t) === '0 dB')!;
    // The frozen filter amplifies (in words) while 1/(1 − 0.9^t) prints above 0 dB: 20·log10 ≥ 0.05 dB.
    const lastAmplifying = Array.from({ length: 400 }, (_, i) => i + 1).filter((t) => 20 * Math.log10(1 / (1 - 0.9 ** t)) >= 0.05).at(-1)!;
    expect(lastAmplifying).toBe(zeroDbFrom - 1);
    expect(words).toEqual([
      'low-pass throughout',
      `exact DC gain 0 dB at every step; the frozen stage filter's DC gain falls from ${frozenDc(1)} to 0 dB by step ${zeroDbFrom}`,
      `the frozen stage filter's Nyquist gain falls from ${db(0.1 / (1 - 0.9) / 1.9)} to ${db(0.1 / 1.9)} by step ${Array.from({ length: 200 }, (_, i) => i + 1).find((t) => db(0.1 / (1 - 0.9 ** t) / 1.9) === db(0.1 / 1.9))}`,
      `the exact response never amplifies (non-negative weights: peak gain = DC gain ≤ 0 dB); the frozen stage filter amplifies low frequencies until step ${lastAmplifying}`,
    ]);
    expect(frozenDc(1)).toBe('+20.0 dB');
    expect(summaryOf(parsed('configs/adam-m.yaml'))[1]).toMatch(/^exact DC gain 0 dB at every step; /);
  });

  it('one rule for "reaches 0 dB" and "amplifies": a gain that prints as 0 dB does not amplify in words', () => {
    // EMA u = 0.9, v = 0.1001: DC gain v/(1 − u) = 1.001 = +0.0087 dB, the peak (low-pass): prints as 0 dB.
    expect(summary({ steps: 100, momentum: { u: 0.9, v: 0.1001 } })).toEqual(['low-pass throughout', 'DC gain 0 dB', `Nyquist gain ${db(0.1001 / 1.9)}`, 'never amplifies (peak gain ≤ 0 dB)']);
    // v = 0.1006: 1.006 = +0.052 dB, prints +0.1 dB and amplifies.
    expect(summary({ steps: 100, momentum: { u: 0.9, v: 0.1006 } })).toEqual(['low-pass throughout', 'DC gain +0.1 dB', `Nyquist gain ${db(0.1006 / 1.9)}`, 'amplifies low frequencies throughout']);
    // nadam: its frozen DC gain falls to 0 dB by step S, so the frozen filter amplifies until step S − 1, not throughout.
    const words = analyze(readFileSync('configs/nadam.yaml', 'utf8'), { response: false }).schedules[0].summary;
    const by = Number(/frozen stage filter's DC gain falls from \S+ dB to 0 dB by step (\d+)$/.exec(words[1])![1]);
    expect(words[3]).toBe(`the frozen stage filter amplifies low frequencies until step ${by - 1}`);
  });

  it('AdEMAMix (a bank with a bias-corrected branch): the exact DC gain rises the whole run, so the summary states it and names the frozen view\'s fall from +20 dB as such', () => {
    // Brute force of the bank for a constant gradient g = 1 from zero buffers (paper's Algorithm 1 and the
    // official warm-up schedulers): m1 = β1·m1 + (1 − β1), m2 = β3(t)·m2 + (1 − β3(t)), d_t = m1/(1 − β1^t) + α(t)·m2.
    const [T, b1, b3, alpha] = [10000, 0.9, 0.9999, 5];
    const f = (b: number) => Math.log(0.5) / Math.log(b + 1e-8) - 1;
    const beta3 = (t: number) => (t < T ? 0.5 ** (1 / ((1 - t / T) * f(b1) + (t / T) * f(b3) + 1)) : b3);
    const alphaAt = (t: number) => (t < T ? (alpha * t) / T : alpha);
    const exact = [NaN];
    const frozen = [NaN];
    let [m1, m2] = [0, 0];
    for (let t = 1; t <= T; t++) {
      m1 = b1 * m1 + (1 - b1);
      m2 = beta3(t) * m2 + (1 - beta3(t));
      exact.push(m1 / (1 - b1 ** t) + alphaAt(t) * m2);
      // The frozen stage filter: each branch's c·v/(1 − u) held forever.
      frozen.push(1 / (1 - b1 ** t) + alphaAt(t));
    }
    const low = frozen.indexOf(Math.min(...frozen.slice(1)));
    expect(exact.slice(2).every((d, i) => d > exact[i + 1])).toBe(true);
    const schedule = parsed('configs/ademamix.yaml');
    const probe = new ExactDcProbe(schedule);
    const steps = [1, low, 100, T];
    probe.gainsAtSteps(steps).forEach((g, i) => expect(g).toBeCloseTo(exact[steps[i]], 9));
    expect([low, db(frozen[1]), db(exact[1])]).toEqual([51, '+20.0 dB', '0 dB']);
    expect(summaryOf(schedule).slice(1)).toEqual([
      `exact DC gain rises from ${db(exact[1])} to ${db(exact[T])}; the frozen stage filter's DC gain falls from ${db(frozen[1])} to a low of ${db(frozen[low])} (step ${low}) and ends at ${db(frozen[T])}`,
      expect.stringMatching(/^the frozen stage filter's Nyquist gain /),
      'the frozen stage filter amplifies low frequencies throughout',
    ]);
  });

  it('per-step schedules whose exact DC gain differs from the frozen one only at the start (zero buffers, torch\'s first-step copy) keep the frozen sentences', () => {
    for (const file of ['configs/resnet-cifar-onecycle.yaml', 'configs/yolo-nesterov-warmup.yaml', 'configs/fsgdm-cifar100.yaml']) {
      expect(summaryOf(parsed(file))[1]).toMatch(/^DC gain /);
    }
    expect(summary({ steps: 100, momentum: { preset: 'standard-sgdm', beta: 0.9 } })[1]).toBe(`DC gain ${db(10)}`);
  });

  it('adam-m without bias correction (a plain EMA from a zero buffer): the exact DC gain 1 − β^t moves, the frozen one does not, so the frozen sentences stand', () => {
    expect(summary({ steps: 100, momentum: { preset: 'adam-m', beta1: 0.9, biasCorrection: false } })).toEqual([
      'low-pass throughout',
      'DC gain 0 dB',
      `Nyquist gain ${db(0.1 / 1.9)}`,
      'never amplifies (peak gain ≤ 0 dB)',
    ]);
  });

  it('per-step u changing inside a display stage: the filter type changes at the exact step, and it amplifies from the exact step its DC gain prints above 0 dB', () => {
    // 5000 one-step stages (u differs at every step), reported as 256 display stages of ~20 steps: u < 0
    // (high-pass, peak v/(1 + u) < 1) to step 2344, then u > 0 and v = 1 (low-pass, DC gain 1/(1 − u) > 1).
    const words = summary({ steps: 5000, momentum: { u: '(t - 2344.5) / 10000', v: 't < 2345 ? 0.5 : 1' } });
    expect(words[0]).toBe('high-pass for steps 1–2344, then low-pass to step 5000');
    // It amplifies in words from the first step whose DC gain prints above 0 dB (≥ 0.05 dB): 1/(1 − u) ≥ 10^(0.05/20).
    const first = Array.from({ length: 5000 }, (_, i) => i + 1).find((t) => 20 * Math.log10(1 / (1 - (t - 2344.5) / 10000)) >= 0.05)!;
    expect(first).toBe(2402);
    expect(words[3]).toBe(`amplifies low frequencies from step ${first} on`);
  });

  it('per-step u with a V-shaped low inside a display stage: the low is named at its step', () => {
    // u = 0.5 + 0.4·|t − 3777|/3777: lowest (0.5, DC gain 1/(1 − u) = +6.0 dB) at step 3777.
    const words = summary({ steps: 5000, momentum: { u: '0.5 + 0.4 * abs(t - 3777) / 3777', v: 1 } });
    expect(words[1]).toMatch(new RegExp(`^DC gain falls from \\S+ dB to a low of \\${db(2)} \\(step 3777\\)`));
  });

  it('display stages without their schedule: a low is named at the last step of the display stage it was measured at, not the first', () => {
    const stage = (index: number, startStep: number, endStep: number, dcGainDb: number) => ({
      index,
      startStep,
      endStep,
      display: { firstStage: startStep - 1, lastStage: endStep - 1 },
      metrics: { filterType: 'low-pass' as const, amplifies: true, dcGain: 10 ** (dcGainDb / 20), dcGainDb, nyquistGain: 1, nyquistGainDb: 0, peakFrequency: 0 },
    });
    const words = scheduleSummary([stage(0, 1, 10, 20), stage(1, 11, 20, 10), stage(2, 21, 30, 20)]);
    expect(words[1]).toBe('DC gain falls from +20.0 dB to a low of +10.0 dB (step 20) and ends at +20.0 dB');
  });
});
