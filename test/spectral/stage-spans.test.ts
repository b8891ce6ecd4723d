import { describe, expect, it } from 'vitest';
import { autoStageReport } from '../../src/analysis/display-stages.js';
import { parseSchedules } from '../../src/schedule/parse.js';
import { frozenRange, RANGE_STAGES, spanStages, spanTimeConstant, stageSpans } from '../../src/spectral/stage-spans.js';
import type { DisplayStage, Schedule } from '../../src/types.js';

/** A per-step schedule (one stage per step): u = u0 + (u1 − u0)·t/T, v = 1 − u. */
function perStep(steps: number, u0: number, u1: number): Schedule {
  const parsed = parseSchedules(`name: ramp\nsteps: ${steps}\nmomentum: { params: { a: ${u0}, b: ${u1} }, u: "a + (b - a) * t / T", v: "1 - u" }\n`);
  expect(parsed.issues).toEqual([]);
  return parsed.schedules[0];
}

/** |H(e^{jω})| = |v|/|1 − u·e^{−jω}| of first-order momentum, the closed form. */
const closedForm = (u: number, v: number, w: number) => Math.abs(v) / Math.hypot(1 - u * Math.cos(w), u * Math.sin(w));

describe('stage spans', () => {
  it('a per-step schedule\'s spans are analyze\'s display stages: contiguous, covering every step once', () => {
    const s = perStep(5000, 0.5, 0.9);
    const spans = stageSpans(s, autoStageReport(s.stages, 16)) as DisplayStage[];
    expect(spans).toHaveLength(16);
    expect(spans[0].startStep).toBe(1);
    expect(spans.at(-1)!.endStep).toBe(5000);
    for (let i = 1; i < spans.length; i++) expect(spans[i].startStep).toBe(spans[i - 1].endStep + 1);
    for (const span of spans) expect(spanStages(span)).toEqual({ first: span.startStep - 1, last: span.endStep - 1 });
  });

  it('the frozen range of a span is the min and max of the closed-form |H| over every step in it (brute force), also beyond RANGE_STAGES steps', () => {
    const s = perStep(20000, 0.2, 0.95);
    const omega = Float64Array.from({ length: 41 }, (_, i) => (Math.PI * i) / 40);
    for (const span of stageSpans(s, autoStageReport(s.stages, 4))) {
      const { low, high } = frozenRange(s, span, omega);
      const { first, last } = spanStages(span);
      expect(last - first + 1 > RANGE_STAGES || span.endStep === 1).toBe(true);
      for (let i = 0; i < omega.length; i++) {
        let lo = Infinity, hi = -Infinity;
        for (let t = span.startStep; t <= span.endStep; t++) {
          const u = 0.2 + (0.95 - 0.2) * t / 20000;
          const h = closedForm(u, 1 - u, omega[i]);
          lo = Math.min(lo, h);
          hi = Math.max(hi, h);
        }
        expect(low[i]).toBeCloseTo(lo, 9);
        expect(high[i]).toBeCloseTo(hi, 9);
      }
    }
  });

  it('a span\'s time constant is the longest of its stages, −1/ln u at its largest u', () => {
    const s = perStep(1000, 0.5, 0.9);
    const [span] = stageSpans(s, { display: true, ends: [499, 999] });
    expect(spanTimeConstant(s, span)).toBeCloseTo(-1 / Math.log(0.5 + 0.4 * 500 / 1000), 9);
  });
});
