import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseSchedules } from '../../src/schedule/parse.js';
import { judgedDisplayStageCount, resolvesSplit, splitDisplayStageCount } from '../../src/spectral/display-stage-count.js';
import type { Schedule } from '../../src/types.js';
import { bruteForceCount, judgedByRule, statedAndResolving, type Span } from './display-stage-reference.js';

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
        const expected = bruteForceCount(s, s.steps, (span: Span) => judgedByRule(s, span, 256), 1, 256, (span) => statedAndResolving(s, span, 256, reference));
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

  it('a shorter signal (--steps) and a smaller segment cap are counted over what is simulated', () => {
    const s = load('resnet-cifar-onecycle');
    for (const [steps, cap] of [[4000, 256], [11730, 64], [3000, 32]]) {
      expect(judgedDisplayStageCount(s, steps, cap, 256, 0.01)).toEqual(bruteForceCount(s, steps, (span) => judgedByRule(s, span, cap), 1, 256, (span) => statedAndResolving(s, span, cap, 0.01)));
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
