import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { displayStageEnds } from '../../src/analysis/display-stages.js';
import { parseSchedules } from '../../src/schedule/parse.js';
import { judgedDisplayStageCount, resolvesSplit, splitDisplayStageCount } from '../../src/spectral/display-stage-count.js';
import type { Schedule } from '../../src/types.js';
import { bruteForceCount, judgedByRule, narrowAt, statedAndResolving, type Span } from './display-stage-reference.js';

const loaded = new Map<string, Schedule>();
const load = (name: string): Schedule => {
  if (!loaded.has(name)) loaded.set(name, parseSchedules(readFileSync(`configs/${name}.yaml`, 'utf8')).schedules[0]);
  return loaded.get(name)!;
};

describe('how many display stages a per-step schedule is measured over', () => {
  for (const name of ['resnet-cifar-onecycle', 'yolo-nesterov-warmup']) {
    it(`${name}: simulate's count judges the most display stages with the stated tolerance and segments that resolve the sine, then the most at all, of any count from 1 to 256 (brute force over every count, the rule written out in the test)`, () => {
      const s = load(name);
      for (const reference of [0.01, undefined]) {
        const judged = (span: Span) => judgedByRule(s, span, 256) && (reference === undefined || narrowAt(s, span, reference, 1.5));
        const expected = bruteForceCount(s, s.steps, judged, 1, 256, (span) => statedAndResolving(s, span, 256, reference));
        expect(judgedDisplayStageCount(s, s.steps, 256, 256, reference), `reference ${reference}`).toEqual(expected);
        expect(expected.preferred).toBeGreaterThan(0);
      }
    });
  }

  it('resnet: the 256 default display stages (about 46 steps) leave none long enough to judge; the count found leaves more than the old hint\'s --display-stages 18', () => {
    const s = load('resnet-cifar-onecycle');
    const judged = (n: number) => bruteForceCount(s, s.steps, (span) => judgedByRule(s, span, 256), n, n).measurable;
    expect(judged(256)).toBe(0);
    expect(judgedDisplayStageCount(s, s.steps, 256).measurable).toBeGreaterThan(judged(18));
  });

  it('resnet with the test sine (f = 0.01): the count chosen judges every judged display stage with the stated tolerance and segments that resolve the sine, where the most-judged count (188) has none such', () => {
    const s = load('resnet-cifar-onecycle');
    const preferred = (span: Span) => statedAndResolving(s, span, 256, 0.01);
    const chosen = judgedDisplayStageCount(s, s.steps, 256, 256, 0.01);
    expect(chosen.preferred).toBe(chosen.measurable);
    expect(chosen.preferred).toBeGreaterThan(16);
    expect(bruteForceCount(s, s.steps, (span) => judgedByRule(s, span, 256), 188, 188, preferred).preferred).toBe(0);
  });

  it('a 1000-step OneCycleLR with momentum 0.85 … 0.95: the count chosen judges only display stages whose frozen |H| at the sine spans at most the 1.5 dB tolerance (closed form per step), not two stages with one 6 dB wide', () => {
    const s = parseSchedules('name: oc1000\nsteps: 1000\nlr: { scheduler: OneCycleLR, max_lr: 0.1, total_steps: 1000 }\nmomentum: { preset: pytorch-sgd, momentum: 0.9, dampening: 0 }\n').schedules[0];
    const chosen = judgedDisplayStageCount(s, s.steps, 256, 256, 0.01);
    const judged = (span: Span) => judgedByRule(s, span, 256) && narrowAt(s, span, 0.01, 1.5);
    expect(chosen).toEqual(bruteForceCount(s, s.steps, judged, 1, 256, (span) => statedAndResolving(s, span, 256, 0.01)));
    // Every judged span narrow: the spans of the count chosen, checked one by one.
    let first = 0, wide = 0, judgedSpans = 0;
    for (const last of displayStageEnds(s.stages, chosen.displayStages)) {
      const span = { first, last, samples: s.stages.endStep[last] - s.stages.startStep[first] + 1 };
      if (judgedByRule(s, span, 256)) { judgedSpans++; if (!narrowAt(s, span, 0.01, 1.5)) wide++; }
      first = last + 1;
    }
    expect(chosen.measurable).toBeGreaterThanOrEqual(8);
    expect(judgedSpans - wide).toBe(chosen.measurable);
    // Two display stages (the old count): the second's frozen gain at the sine spans about 6 dB.
    expect(narrowAt(s, { first: 1, last: 999, samples: 999 }, 0.01, 5.5)).toBe(false);
  });

  it('a shorter signal (--steps) and a smaller segment cap are counted over what is simulated', () => {
    const s = load('resnet-cifar-onecycle');
    for (const [steps, cap] of [[4000, 256], [11730, 64], [3000, 32]]) {
      expect(judgedDisplayStageCount(s, steps, cap, 256, 0.01)).toEqual(bruteForceCount(s, steps, (span) => judgedByRule(s, span, cap) && narrowAt(s, span, 0.01, 1.5), 1, 256, (span) => statedAndResolving(s, span, cap, 0.01)));
    }
  });

  it('a filter whose memory never fades (u = 1) is judged at no count: the default count stays', () => {
    const s = parseSchedules('name: flat\nsteps: 3000\nmomentum: { u: "1 - 1e-9 * t", v: 1 }\n').schedules[0];
    expect(s.stages.count).toBeGreaterThan(1000);
    const r = judgedDisplayStageCount(s, s.steps, 256);
    // τ = −1/ln(1 − 1e-9·t) ≥ 3·10⁵ steps: longer than any 3000-step span's segment.
    expect(r.measurable).toBe(0);
    expect(r.displayStages).toBe(256);
  });

  for (const [name, split] of [['resnet-cifar-onecycle', 0.01], ['yolo-nesterov-warmup', 0.01], ['resnet-cifar-onecycle', 0.2]] as const) {
    it(`${name}, split ${split}: spectrum's count leaves the most display stages that have a spectrum and a frequency between 0 and the split (brute force)`, () => {
      const s = load(name);
      const expected = bruteForceCount(s, s.steps, ({ samples }) => samples >= 16 && samples > 1 / split);
      expect(splitDisplayStageCount(s, s.steps, split, 1)).toEqual(expected);
    });
  }

  it('a stage resolves the split when its periodogram has a frequency k/n strictly between 0 and the split', () => {
    // n = 100 samples: frequencies 0, 0.01, 0.02, …; the split 0.01 has none below it but 0.
    expect(resolvesSplit(100, 0.01, 1)).toBe(false);
    expect(resolvesSplit(101, 0.01, 1)).toBe(true);
    // fs = 1000: frequencies k·1000/n; split 10 needs n > 100.
    expect(resolvesSplit(100, 10, 1000)).toBe(false);
    expect(resolvesSplit(101, 10, 1000)).toBe(true);
  });
});
