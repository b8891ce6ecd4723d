import { gainDb } from '../filter/gain-tolerance.js';
import { stageMetricsOf } from '../filter/stage-filter.js';
import type { FilterType, StageMetrics } from '../types.js';
import { autoStageReport } from './display-stages.js';
import { ExactDcProbe, type ExactStageFilter } from './exact-dc.js';

/** What the summary reads of a stage: its span and metrics (a StageRecord is one). */
export interface SummaryStage {
  index: number;
  startStep: number;
  endStep: number;
  metrics: Pick<StageMetrics, 'filterType' | 'amplifies' | 'dcGain' | 'dcGainDb' | 'nyquistGain' | 'nyquistGainDb' | 'peakFrequency'> & Partial<Pick<StageMetrics, 'peakGain'>>;
  /** Present on a display stage (real stages firstStage … lastStage), whose metrics are its last step's (not its first's, as a real stage's are). */
  display?: { firstStage: number; lastStage: number };
}

/**
 * Gains closer than this (dB) count as equal: "constant", "reached". Half the 0.1 dB the sentences print.
 * The same rule says what amplifies: a peak gain that prints above 0 dB (≥ +0.05 dB), so "DC gain falls
 * … to 0 dB by step 49" and "amplifies … until step 48" never contradict each other.
 */
const SAME_DB = 0.05;

/** Whether a gain amplifies as the sentences print it: +0.1 dB or more after rounding (SAME_DB). */
function amplifiesAudibly(gain: number): boolean {
  return gain > 0 && 20 * Math.log10(gain) >= SAME_DB;
}

/** A stage amplifies in the summary's words: its metrics say so and its peak gain prints above 0 dB. */
function amplifiesInWords(m: SummaryStage['metrics']): boolean {
  if (!m.amplifies) return false;
  const peak = m.peakFrequency === 0 ? m.dcGain : Math.abs(m.peakFrequency - Math.PI) < 1e-12 ? m.nyquistGain : m.peakGain;
  return peak === undefined || !Number.isFinite(peak) || amplifiesAudibly(peak);
}
/** More runs of one filter type than this are counted, not listed. */
const LISTED_RUNS = 4;

/**
 * A schedule in a few sentences, from its stages in order (all of them: the summary describes the
 * schedule, not a selection): the filter type over the run ("all-pass for steps 1–389, then
 * low-pass to step 117 000"), how the DC and Nyquist gains move ("DC gain rises from 0 dB to
 * +29.9 dB by step 116 610"), and where it amplifies ("amplifies low frequencies from step 390 on").
 * Gains are 20·log10|H| rounded to 0.1 dB; steps are counted from 1 with digit groups of three.
 * No stages: no sentences.
 *
 * The sentences describe the frozen stage filters (each stage's coefficients held forever), unless the
 * run's exact response contradicts them: where its DC gain is constant while the frozen DC gain moves
 * (Adam's bias correction: exact DC gain 1 at every step, frozen 1/(1 − β1^t)), the DC sentence states
 * the exact gain and names the frozen view's, the other gain sentences name their view, and the
 * amplifying is judged from the exact response where its weights are non-negative (then its peak is
 * its DC gain). Where both move and differ after the start (SummaryBuilder.contradicted: AdEMAMix's
 * bias-corrected branch), the DC sentence states the exact trajectory, then the frozen one, and the
 * other sentences name the frozen view. Needs the schedule (with its firstStepCopy); without it, the
 * frozen sentences as they are.
 */
export function scheduleSummary(stages: Iterable<SummaryStage>, schedule?: ExactStageFilter): string[] {
  const summary = new SummaryBuilder(schedule);
  for (const s of stages) summary.add(s);
  return summary.sentences();
}

/**
 * scheduleSummary one stage at a time, for writers that stream the stages: O(1) memory for any number of
 * real stages; display stages are kept (a span and metrics each) to be refined at the end.
 */
export class SummaryBuilder {
  /** The display stages added (with their metrics), to refine from the schedule. */
  private spans: Span[] = [];
  private known = new Map<number, SummaryStage['metrics']>();
  private real = false;
  /** The exact DC gain at the end of each real stage added (with the schedule; built at the first real stage). */
  private exact?: ExactTrack;
  /**
   * With the schedule the stages are of, display stages are refined (refinedSummary) and the exact
   * response is checked against the frozen one; without, the sentences are at their resolution.
   * `probe`: the exact DC gains of the stages added (refinedSummary's last pass), without refining.
   */
  constructor(private readonly schedule?: ExactStageFilter, probe?: ExactDcProbe) {
    if (probe !== undefined) this.exact = new ExactTrack(probe);
  }

  private types = new Runs<FilterType>();
  private amplify = new Runs<boolean>();
  private dc = new GainTrack();
  private nyquist = new GainTrack();
  private band = 0;
  private lastEnd = 0;
  /** A display stage was added: the exact DC gain is known at display stages' ends only, so its sentence names no step. */
  private coarse = false;

  add(s: SummaryStage): void {
    const m = s.metrics;
    this.types.add(m.filterType, s.startStep, s.endStep);
    const amplifies = amplifiesInWords(m);
    if (amplifies && !this.amplify.has(true)) this.band = m.peakFrequency;
    this.amplify.add(amplifies, s.startStep, s.endStep);
    // The step the gains are those of: a real stage's from its first step on, a display stage's at its last.
    const at = s.display === undefined ? s.startStep : s.endStep;
    this.dc.add(decibels(m.dcGainDb, m.dcGain), at);
    this.nyquist.add(decibels(m.nyquistGainDb, m.nyquistGain), at);
    this.lastEnd = s.endStep;
    if (s.display !== undefined) this.coarse = true;
    if (this.schedule === undefined) return;
    if (s.display === undefined) {
      if (!this.real) this.exact = new ExactTrack(new ExactDcProbe(this.schedule));
      this.real = true;
      this.exact?.add(s.index);
    } else {
      this.coarse = true;
      this.spans.push([s.display.firstStage, s.display.lastStage]);
      this.known.set(s.display.lastStage, m);
    }
  }

  /** With a probe: the exact DC gain at the end of real stage k (the last of what was just added). */
  exactAt(k: number): void {
    this.exact?.add(k);
  }

  sentences(): string[] {
    if (this.schedule !== undefined && !this.real && this.spans.length > 0) return refinedSummary(this.schedule, this.spans, this.known).sentences();
    if (this.types.count === 0) return [];
    const type = typeSentence(this.types, this.lastEnd);
    const exact = this.exact;
    const frozen = 'the frozen stage filter';
    const amplifies = amplifySentence(this.amplify, this.band);
    if (exact !== undefined && !exact.dc.constant() && !this.dc.constant() && this.contradicted(exact)) {
      return [
        type,
        `${exact.dc.sentence('exact DC gain', !this.coarse)}; ${this.dc.sentence(`${frozen}'s DC gain`)}`,
        this.nyquist.sentence(`${frozen}'s Nyquist gain`),
        `${frozen} ${amplifies}`,
      ];
    }
    if (exact === undefined || !exact.dc.constant() || this.dc.constant()) {
      return [type, this.dc.sentence('DC gain'), this.nyquist.sentence('Nyquist gain'), amplifies];
    }
    return [
      type,
      `exact DC gain ${dB(exact.dc.firstDb())} at every step; ${this.dc.sentence(`${frozen}'s DC gain`)}`,
      this.nyquist.sentence(`${frozen}'s Nyquist gain`),
      exact.probe.nonNegative ? `${exact.amplifySentence()}; ${frozen} ${amplifies}` : `${frozen} ${amplifies}`,
    ];
  }

  /**
   * Whether the exact DC gain differs from the frozen one (by SAME_DB or more) at a step the DC sentence
   * names after its start: its low and high, where a monotone gain reaches its end value, its end.
   * Not at the start: every run's buffers start at 0 (or at torch's first-step copy), so there the
   * exact DC gain differs from the frozen one's for any schedule (SGDM: 0 dB against +20 dB); a frozen
   * trajectory is an artefact where it still differs after that, as AdEMAMix's bias-corrected branch's
   * fall from +20 dB to a low at step 51 (exact: a rise from 0 dB).
   */
  private contradicted(exact: ExactTrack): boolean {
    const points = this.dc.namedPoints().filter(([step]) => step !== this.dc.firstStep());
    const gains = exact.probe.gainsAtSteps(points.map(([step]) => step));
    return points.some(([, frozenDb], i) => !near(decibels(gainDb(gains[i]), gains[i]), frozenDb));
  }

  /**
   * The steps the sentences name, as the stages added give them: where a listed run of filter type or
   * of amplifying starts and where a monotone gain first prints as its end value (`steps`), and where
   * a gain that is not monotone has its low and high (`extremes`). summaryOf reads the display stages
   * holding them stage by stage.
   */
  namedSteps(): { steps: number[]; extremes: number[] } {
    const starts = (runs: Runs<unknown>) => runs.runs.slice(1).map((r) => r.first);
    const gains = [this.dc.named(), this.nyquist.named()];
    return { steps: [...starts(this.types), ...starts(this.amplify), ...gains.flatMap((g) => g.steps)], extremes: gains.flatMap((g) => g.extremes) };
  }
}

/**
 * scheduleSummary of a whole schedule, metrics only (no response is computed), exact to the step:
 * every stage when there are at most AUTO_STAGE_LIMIT of them, else its DEFAULT_DISPLAY_STAGES display
 * stages refined where the sentences name a step (refinedSummary). So the cost is bounded: the display
 * stages' metrics plus a few per step named.
 */
export function summaryOf(schedule: ExactStageFilter): string[] {
  const report = autoStageReport(schedule.stages);
  const spans = report.display ? report.ends.map((last, j): Span => [j === 0 ? 0 : report.ends[j - 1] + 1, last]) : report.stages.map((k): Span => [k, k]);
  return refinedSummary(schedule, spans, new Map()).sentences();
}

/** The exact DC gain of the stages a summary is made of, at their last steps (ExactDcProbe). */
class ExactTrack {
  readonly dc = new GainTrack();
  /** Whether the exact DC gain prints above 0 dB (amplifiesAudibly) at some stage end. */
  private above = false;

  constructor(readonly probe: ExactDcProbe) {}

  add(k: number): void {
    const g = this.probe.gainAt(k);
    this.dc.add(decibels(gainDb(g), g), this.probe.stepOf(k));
    if (amplifiesAudibly(g)) this.above = true;
  }

  /** Non-negative weights only (the peak is the DC gain), a constant DC gain (the case sentences() states). */
  amplifySentence(): string {
    return this.above ? 'the exact response amplifies low frequencies throughout' : 'the exact response never amplifies (non-negative weights: peak gain = DC gain ≤ 0 dB)';
  }
}

/** Real stages first … last, in order; a display stage when first < last (it stands for its last stage). */
type Span = readonly [first: number, last: number];

/** Spans a refinement cuts a display stage into. 4 needs the fewest metrics (≈ f·log_f n) for one step. */
const ZOOM = 4;

/**
 * The summary of consecutive spans tiling a schedule's stages, made exact where its sentences name a
 * step: each span holding such a step (an extreme, where a monotone gain first prints as its end value,
 * where a run of filter type or of amplifying starts, and the first span, whose value is the start's)
 * is cut into ZOOM spans, and the sentences made again, until every one of those spans is one real
 * stage. An extreme's next span is cut too: a group measured at its end may hold a lower low (or
 * higher high) before it. So "a low of +16.5 dB (step 3519)" names the stage where u is lowest, not the
 * end of the display stage holding it. Exact when what a sentence names changes once within a display
 * stage (display stages are short beside the schedule's trends); O(display stages + ZOOM · log n ·
 * steps named) stage metrics, each computed once (`known` holds those already computed, by stage).
 */
function refinedSummary(schedule: ExactStageFilter, spans: readonly Span[], known: Map<number, SummaryStage['metrics']>): SummaryBuilder {
  const { startStep, endStep } = schedule.stages;
  const metricsOf = (k: number) => {
    let m = known.get(k);
    if (m === undefined) known.set(k, (m = stageMetricsOf(schedule, k)));
    return m;
  };
  const build = (list: readonly Span[], probe?: ExactDcProbe) => {
    const summary = new SummaryBuilder(undefined, probe);
    for (const [index, [first, last]] of list.entries()) {
      summary.add({ index, startStep: startStep[first], endStep: endStep[last], metrics: metricsOf(last), ...(first === last ? {} : { display: { firstStage: first, lastStage: last } }) });
      summary.exactAt(last);
    }
    return summary;
  };
  let list = spans;
  for (;;) {
    const summary = build(list);
    const spanOf = (step: number) => {
      let lo = 0;
      let hi = list.length - 1;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if (endStep[list[mid][1]] < step) lo = mid + 1;
        else hi = mid;
      }
      return lo;
    };
    const { steps, extremes } = summary.namedSteps();
    const cut = new Set([0, ...steps.map(spanOf), ...extremes.flatMap((step) => [spanOf(step), spanOf(step) + 1])].filter((j) => j < list.length && list[j][0] < list[j][1]));
    if (cut.size === 0) return build(list, new ExactDcProbe(schedule));
    list = list.flatMap((span, j) => (cut.has(j) ? cutSpan(span) : [span]));
  }
}

/** A span cut into ZOOM spans of (nearly) equal stage counts. */
function cutSpan([first, last]: Span): Span[] {
  const n = last - first + 1;
  const parts = Math.min(ZOOM, n);
  return Array.from({ length: parts }, (_, i): Span => [first + Math.floor((n * i) / parts), first + Math.floor((n * (i + 1)) / parts) - 1]);
}

/** dB of a gain; JSON's null stands for 0 (−∞ dB) or +∞. */
function decibels(db: number | null, gain: number): number {
  if (db !== null) return db;
  return gain === 0 ? -Infinity : gain > 0 && !Number.isFinite(gain) ? Infinity : NaN;
}

/** Runs of equal values over the steps: the first LISTED_RUNS + 1 kept, the rest counted. */
class Runs<T> {
  count = 0;
  runs: { value: T; first: number; last: number }[] = [];
  private current: T | undefined;
  private seen = new Set<T>();

  add(value: T, first: number, last: number): void {
    this.seen.add(value);
    if (this.count > 0 && value === this.current) {
      if (this.count <= LISTED_RUNS + 1) this.runs[this.runs.length - 1].last = last;
      return;
    }
    this.count++;
    this.current = value;
    if (this.count <= LISTED_RUNS + 1) this.runs.push({ value, first, last });
  }

  has(value: T): boolean {
    return this.seen.has(value);
  }
}

/**
 * First, last, extremes (and the step each is reached) and monotonicity of a gain in dB, and the first step
 * from which a monotone gain prints as it ends (dB): the value at the step "by step …" names rounds to the
 * value the sentence prints.
 */
class GainTrack {
  private n = 0;
  private first = 0;
  private firstAt = 0;
  private last = 0;
  private lastAt = 0;
  private min = Infinity;
  private max = -Infinity;
  private minStep = 0;
  private maxStep = 0;
  private rising = true;
  private falling = true;
  /**
   * The stages whose gain prints (dB) as the latest does (steps and dB, from `head` on): its first is
   * where a monotone gain reached the value printed for its end ("by step …").
   */
  private window: [number, number][] = [];
  private head = 0;

  add(db: number, step: number): void {
    if (Number.isNaN(db)) return;
    if (this.n === 0) [this.first, this.firstAt] = [db, step];
    else {
      // Against the extremes so far, not the stage before: per-step stages fall by less than any step tolerance.
      if (db < this.max - SAME_DB / 100) this.rising = false;
      if (db > this.min + SAME_DB / 100) this.falling = false;
    }
    if (this.rising || this.falling) {
      this.window.push([step, db]);
      const printed = dB(db);
      while (dB(this.window[this.head][1]) !== printed) this.head++;
      if (this.head > 1024 && this.head * 2 > this.window.length) [this.window, this.head] = [this.window.slice(this.head), 0];
    }
    if (db < this.min) [this.min, this.minStep] = [db, step];
    if (db > this.max) [this.max, this.maxStep] = [db, step];
    [this.last, this.lastAt] = [db, step];
    this.n++;
  }

  /** Whether the gain prints as one value over the run (or there is none). */
  constant(): boolean {
    return this.n === 0 || near(this.min, this.max);
  }

  firstDb(): number {
    return this.first;
  }

  firstStep(): number {
    return this.firstAt;
  }

  /** The steps sentence() names with the gains there (dB): the start, "by step" or low and high, the end. */
  namedPoints(): [step: number, db: number][] {
    if (this.n === 0) return [];
    const points: [number, number][] = [[this.firstAt, this.first], [this.lastAt, this.last]];
    if (near(this.min, this.max)) return points;
    if (this.rising || this.falling) return [...points, this.window[this.head]];
    return [...points, [this.minStep, this.min], [this.maxStep, this.max]];
  }

  /** The steps sentence() names: "by step" of a monotone gain, or its low and high. */
  named(): { steps: number[]; extremes: number[] } {
    if (this.n === 0 || near(this.min, this.max)) return { steps: [], extremes: [] };
    if (this.rising || this.falling) return { steps: [this.window[this.head][0]], extremes: [] };
    return { steps: [], extremes: [this.minStep, this.maxStep] };
  }

  /** `steps` false: no step named (gains known at display stages' ends only): start, end, and the direction when monotone. */
  sentence(name: string, steps = true): string {
    if (this.n === 0) return `${name} undefined`;
    if (near(this.min, this.max)) return `${name} ${dB(this.first)}`;
    if (this.rising || this.falling) {
      return `${name} ${this.rising ? 'rises' : 'falls'} from ${dB(this.first)} to ${dB(this.last)}${steps ? ` by step ${stepText(this.window[this.head][0])}` : ''}`;
    }
    if (!steps) return `${name} starts at ${dB(this.first)}, moves both ways and ends at ${dB(this.last)}`;
    const low = `${dB(this.min)} (step ${stepText(this.minStep)})`;
    const high = `${dB(this.max)} (step ${stepText(this.maxStep)})`;
    if (near(this.first, this.max)) return `${name} falls from ${dB(this.first)} to a low of ${low} and ends at ${dB(this.last)}`;
    if (near(this.first, this.min)) return `${name} rises from ${dB(this.first)} to a high of ${high} and ends at ${dB(this.last)}`;
    return `${name} starts at ${dB(this.first)}, ranges from ${low} to ${high} and ends at ${dB(this.last)}`;
  }
}

function near(a: number, b: number): boolean {
  return a === b || Math.abs(a - b) < SAME_DB;
}

function typeSentence(types: Runs<FilterType>, lastEnd: number): string {
  const { runs, count } = types;
  if (count === 1) return `${runs[0].value} throughout`;
  if (count > LISTED_RUNS) {
    const kinds = [...new Set(runs.map((r) => r.value))].join(', ');
    return `${runs[0].value} for ${span(runs[0].first, runs[0].last)}, then the filter type changes ${count - 1} times (${kinds}${count > runs.length ? ', …' : ''})`;
  }
  return runs.map((r, i) => (i === 0 ? `${r.value} for ${span(r.first, r.last)}` : i === count - 1 ? `then ${r.value} to step ${stepText(lastEnd)}` : `then ${r.value} for ${span(r.first, r.last)}`)).join(', ');
}

function amplifySentence(amplify: Runs<boolean>, band: number): string {
  if (!amplify.has(true)) return 'never amplifies (peak gain ≤ 0 dB)';
  const what = `amplifies ${band === 0 ? 'low frequencies' : Math.abs(band - Math.PI) < 1e-12 ? 'high frequencies' : `a band around ω = ${Number(band.toPrecision(3))} rad/sample`}`;
  const on = amplify.runs.filter((r) => r.value);
  if (amplify.count === 1) return `${what} throughout`;
  if (amplify.count === 2 && amplify.runs[1].value) return `${what} from step ${stepText(on[0].first)} on`;
  if (amplify.count === 2) return `${what} until step ${stepText(on[0].last)}`;
  if (amplify.count <= LISTED_RUNS + 1) return `${what} in ${on.map((r) => span(r.first, r.last)).join(', ')}`;
  return `${what} from step ${stepText(on[0].first)} on, on and off (${amplify.count} runs)`;
}

function span(first: number, last: number): string {
  return first === last ? `step ${stepText(first)}` : `steps ${stepText(first)}–${stepText(last)}`;
}

/** 117000 → "117 000" (SI digit groups; 4-digit numbers stay whole, as SI style allows). */
export function stepText(step: number): string {
  const s = String(step);
  return s.length <= 4 ? s : s.replace(/\B(?=(\d{3})+(?!\d))/g, ' ');
}

/** A gain in dB as the sentences print it: 0.1 dB, a sign, U+2212 for minus; "0 dB" when it rounds to 0. */
export function dB(x: number): string {
  if (x === Infinity) return '+∞ dB';
  if (x === -Infinity) return '−∞ dB';
  const r = Math.round(x * 10) / 10;
  if (r === 0) return '0 dB';
  return `${r > 0 ? '+' : '−'}${Math.abs(r).toFixed(1)} dB`;
}
