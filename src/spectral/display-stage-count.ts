import { DEFAULT_DISPLAY_STAGES, displayStageEnds } from '../analysis/display-stages.js';
import { timeConstant } from '../filter/metrics.js';
import { stageMagnitude, stagePoleRadius } from '../filter/stage-filter.js';
import { DEFAULT_TOLERANCE } from './figure-one.js';
import type { Schedule } from '../types.js';
import { judgeable, memoryJudgement, MIN_STAGE_SAMPLES, stageNperseg } from './stage-agreement.js';

/** A display stage as a measurability rule sees it: its real stages first … last and its samples in the signal. */
export interface SpanExtent {
  first: number;
  last: number;
  /** Steps of the span inside the first `steps` steps (≥ 1). */
  samples: number;
}

/** How many display stages to measure a per-step schedule over, and what that count gives. */
export interface DisplayStageCount {
  /** N: the count to pass to displayStageEnds. */
  displayStages: number;
  /** Of those N display stages, how many pass the rule (reached by the signal and measurable). */
  measurable: number;
  /** How many of them the signal reaches. */
  reached: number;
  /** Of the measurable ones, how many also pass the preferred rule (when one is given; else 0). */
  preferred: number;
}

/**
 * The count N of display stages (1 … cap) whose spans (displayStageEnds, cut at `steps`) most often
 * pass `preferred` and `measurable` together, and among those counts most often pass `measurable`, by
 * trying every N: the span lengths do not fall monotonically with N (the first log-spaced ends, the
 * snapping to real stages, a power-of-two segment), so no bisection. Ties go to the largest N (finer
 * in time). When no N gives a measurable span, N = cap (the default count: nothing is gained by
 * grouping differently). Without `preferred`, the most measurable spans alone.
 * O(cap² · (log stages + the rules' cost)); allocates one ends array per N.
 */
export function displayStageCount(schedule: Schedule, steps: number, measurable: (span: SpanExtent) => boolean, cap: number = DEFAULT_DISPLAY_STAGES, preferred?: (span: SpanExtent) => boolean): DisplayStageCount {
  const { startStep, endStep } = schedule.stages;
  let best: DisplayStageCount | undefined;
  for (let n = 1; n <= cap; n++) {
    let count = 0, reached = 0, first = 0, liked = 0;
    for (const last of displayStageEnds(schedule.stages, n)) {
      if (startStep[first] > steps) break;
      reached++;
      const span = { first, last, samples: Math.min(endStep[last], steps) - startStep[first] + 1 };
      if (measurable(span)) {
        count++;
        if (preferred?.(span) === true) liked++;
      }
      first = last + 1;
    }
    if (best === undefined || liked > best.preferred || (liked === best.preferred && count >= best.measurable)) best = { displayStages: n, measurable: count, reached, preferred: liked };
  }
  if (best === undefined || best.measurable === 0) return { displayStages: cap, measurable: 0, reached: best?.reached ?? 0, preferred: 0 };
  return best;
}

/**
 * `simulate`'s count: the display stages of which the most are judged with the stated tolerance and,
 * given a reference frequency (cycles/step: the test sine's), measured with Welch segments that resolve
 * it (a bin between 0 and the reference: nperseg·reference > 1, resolvesSplit), so that the verdict
 * holds the theory to the stated tolerance and the figure shows measured gains at the sine; among the
 * counts with as many of those, the one that judges the most at all (stage-agreement.ts' judgeable: a
 * Welch segment, a power of two ≤ min(npersegCap, samples/4), long enough for the span's longest time
 * constant, τ < nperseg/4 (stated) or within MEMORY_BIAS (the measured bias widens the tolerance)).
 * The time constant of a span is that of its largest pole radius (spanTimeConstant), read from a
 * max-tree built once: O(stages + cap²·log stages).
 */
export function judgedDisplayStageCount(schedule: Schedule, steps: number, npersegCap: number, cap: number = DEFAULT_DISPLAY_STAGES, reference?: number): DisplayStageCount {
  const radius = new MaxTree(Float64Array.from({ length: schedule.stages.count }, (_, k) => stagePoleRadius(schedule, k)));
  const tau = (first: number, last: number) => {
    const rho = radius.max(first, last + 1);
    return rho >= 1 ? Infinity : timeConstant(rho);
  };
  const narrow = reference === undefined ? () => true : narrowAt(schedule, reference);
  return displayStageCount(schedule, steps, ({ first, last, samples }) => narrow(first, last) && judgeable(tau(first, last), samples, npersegCap), cap, ({ first, last, samples }) => {
    const nperseg = stageNperseg(samples, npersegCap);
    return memoryJudgement(tau(first, last), nperseg) === 'stated' && (reference === undefined || resolvesSplit(nperseg, reference, 1));
  });
}

/**
 * The widest frozen |H_k| range (dB, max − min over a display stage's real stages, at the test sine)
 * a display stage may have to be judged: DEFAULT_TOLERANCE's largest deviation. A display stage's
 * measurement passes anywhere inside that range (stage-agreement.ts), so a range wider than the
 * tolerance, not the tolerance, would decide the verdict; at most this wide, a gain the range hides is
 * one the tolerance forgives anyway.
 */
export const NARROW_RANGE_DB = DEFAULT_TOLERANCE.maxDeviationDb;

/**
 * Whether real stages first … last have a frozen gain range at `reference` (cycles/step) no wider than
 * NARROW_RANGE_DB: min and max of 20·log10|H_k(2π·reference)| from trees built once (O(stages) then
 * O(log stages) a query).
 */
function narrowAt(schedule: Schedule, reference: number): (first: number, last: number) => boolean {
  const omega = Float64Array.of(2 * Math.PI * reference), h = new Float64Array(1);
  const db = Float64Array.from({ length: schedule.stages.count }, (_, k) => 20 * Math.log10(stageMagnitude(schedule, k, omega, h)[0]));
  const high = new MaxTree(db), low = new MaxTree(db.map((x) => -x));
  return (first, last) => high.max(first, last + 1) + low.max(first, last + 1) <= NARROW_RANGE_DB;
}

/**
 * How many of a schedule's real stages reached by a signal of `steps` steps simulate can judge
 * (stage-agreement.ts' judgeable, each stage's own time constant), and how many it reaches.
 * O(stages).
 */
export function judgedRealStages(schedule: Schedule, steps: number, npersegCap: number): { judged: number; reached: number } {
  const { count, startStep, endStep } = schedule.stages;
  let judged = 0, reached = 0;
  for (let k = 0; k < count && startStep[k] <= steps; k++) {
    reached++;
    const rho = stagePoleRadius(schedule, k);
    if (judgeable(rho >= 1 ? Infinity : timeConstant(rho), Math.min(endStep[k], steps) - startStep[k] + 1, npersegCap)) judged++;
  }
  return { judged, reached };
}

/**
 * simulate's display stages under --stages auto with no --display-stages: above AUTO_STAGE_LIMIT
 * stages always judgedDisplayStageCount's; at most that many, the real stages unless they are too
 * short to judge, i.e. some count of display stages judges more of them than the real stages do
 * (`reference`: the test sine's frequency, cycles/step, as judgedDisplayStageCount takes it)
 * (undefined: measure the real stages). The same rule at 1000 stages as at 1001.
 */
export function simulateDisplayCount(schedule: Schedule, steps: number, npersegCap: number, autoLimit: number, reference?: number): DisplayStageCount | undefined {
  if (schedule.stages.count > autoLimit) return judgedDisplayStageCount(schedule, steps, npersegCap, DEFAULT_DISPLAY_STAGES, reference);
  const real = judgedRealStages(schedule, steps, npersegCap);
  // Every real stage judged: no grouping judges more (a display stage holds one real stage or more).
  if (real.judged === real.reached) return undefined;
  const best = judgedDisplayStageCount(schedule, steps, npersegCap, DEFAULT_DISPLAY_STAGES, reference);
  return best.measurable > real.judged ? best : undefined;
}

/**
 * `spectrum --config`'s count: the display stages of which the most have a spectrum (MIN_STAGE_SAMPLES
 * samples or more, what its per-stage figure needs) and resolve the split frequency (resolvesSplit),
 * over a trace of `steps` samples.
 */
export function splitDisplayStageCount(schedule: Schedule, steps: number, split: number, fs: number, cap: number = DEFAULT_DISPLAY_STAGES): DisplayStageCount {
  return displayStageCount(schedule, steps, ({ samples }) => samples >= MIN_STAGE_SAMPLES && resolvesSplit(samples, split, fs), cap);
}

/**
 * Whether a stage of `samples` samples resolves the split frequency: its periodogram (energySplit,
 * frequencies k·fs/samples) has a frequency between 0 and `split`, i.e. samples·split > fs. A shorter
 * stage's share below the split is its mean's alone (f = 0).
 */
export function resolvesSplit(samples: number, split: number, fs: number): boolean {
  return samples * split > fs;
}

/** Range maximum over a fixed array: a bottom-up segment tree (2n doubles, O(log n) a query). */
class MaxTree {
  private readonly n: number;
  private readonly tree: Float64Array;

  constructor(values: Float64Array) {
    this.n = values.length;
    this.tree = new Float64Array(2 * this.n).fill(-Infinity);
    this.tree.set(values, this.n);
    for (let i = this.n - 1; i > 0; i--) this.tree[i] = Math.max(this.tree[2 * i], this.tree[2 * i + 1]);
  }

  /** max of values[from … to − 1] (−∞ when empty); NaN propagates as Math.max does. */
  max(from: number, to: number): number {
    let m = -Infinity;
    for (let l = from + this.n, r = to + this.n; l < r; l >>= 1, r >>= 1) {
      if (l & 1) m = Math.max(m, this.tree[l++]);
      if (r & 1) m = Math.max(m, this.tree[--r]);
    }
    return m;
  }
}
