import { emptyComplexResponse, type ComplexResponse } from '../filter/complex-response.js';
import type { ExactResponseWalker } from '../filter/exact-response.js';
import type { RationalExactWalker } from '../filter/rational-exact.js';
import { exactWalker, matchFilter, type StageFilter } from '../filter/stage-filter.js';
import { stageOfStep } from '../schedule/stages.js';
import type { Schedule } from '../types.js';

/** A stage filter with what the exact (time-variant) recursion needs besides: torch's first-step copy. */
export type ExactStageFilter = StageFilter & Pick<Schedule, 'firstStepCopy'>;

/**
 * The exact DC gain |H(t, 0)| = |Σ_s h(t, s)| of a schedule at its stages' last steps, stage after stage
 * (one forward walk at ω = 0: O(steps · branches), runs of equal stages in closed form). This is the
 * gain a constant gradient sees in the run, buffers starting at 0 (theory-exact.md), where a stage's
 * frozen DC gain is that of its coefficients held forever: for adam-m 1 at every step against the frozen
 * 1/(1 − β1^t).
 */
export class ExactDcProbe {
  private readonly walker: ExactResponseWalker | RationalExactWalker;
  private readonly out: ComplexResponse = emptyComplexResponse(1);
  /**
   * Every weight h(t, s) ≥ 0 (first-order and bank schedules whose u, v, c, c0 are all ≥ 0): then
   * |H(t, ω)| ≤ Σ_s h(t, s) = H(t, 0), so the exact response peaks at DC and amplifies exactly where
   * its DC gain exceeds 1.
   */
  readonly nonNegative: boolean;

  constructor(private readonly schedule: ExactStageFilter) {
    this.walker = exactWalker(schedule, new Float64Array([0]));
    const allNonNegative = (...xs: Float64Array[]) => xs.every((x) => x.every((y) => y >= 0));
    this.nonNegative = matchFilter(schedule, {
      firstOrder: (u, v) => allNonNegative(u, v),
      bank: ({ c0, c, u, v }) => allNonNegative(c0, c, u, v),
      rational: () => false,
    });
  }

  /** The last step of stage k, where gainAt measures. */
  stepOf(k: number): number {
    return this.schedule.stages.endStep[k];
  }

  /**
   * |H(t, 0)| at the last step of the stage holding each step, by a walk of its own (this probe's is
   * not moved): steps in any order.
   */
  gainsAtSteps(steps: readonly number[]): number[] {
    // A walker of its own, not a second probe: the sign scan of every coefficient is done once.
    const walker = exactWalker(this.schedule, new Float64Array([0]));
    const stages = steps.map((step) => stageOfStep(this.schedule.stages, step));
    const order = stages.map((_, i) => i).sort((a, b) => stages[a] - stages[b]);
    const gains = new Array<number>(steps.length).fill(NaN);
    for (const i of order) if (stages[i] >= 0) gains[i] = this.dcAt(walker, stages[i]);
    return gains;
  }

  /** |H(t, 0)| at the last step t of stage k; k never below a stage asked before. */
  gainAt(k: number): number {
    return this.dcAt(this.walker, k);
  }

  private dcAt(walker: ExactResponseWalker | RationalExactWalker, k: number): number {
    walker.advanceTo(this.schedule.stages.endStep[k]);
    const o = walker.output(k, this.out);
    return Math.hypot(o.re[0], o.im[0]);
  }
}
