import { stageMetricsOf, type StageFilter } from '../filter/stage-filter.js';
import type { FilterType, StageMetrics } from '../types.js';
import { autoStageReport } from './display-stages.js';

/** What the summary reads of a stage: its span and metrics (a StageRecord is one). */
export interface SummaryStage {
  index: number;
  startStep: number;
  endStep: number;
  metrics: Pick<StageMetrics, 'filterType' | 'amplifies' | 'dcGain' | 'dcGainDb' | 'nyquistGain' | 'nyquistGainDb' | 'peakFrequency'>;
  /** Present on a display stage, whose metrics are its last step's (not its first's, as a real stage's are). */
  display?: unknown;
}

/** Gains closer than this (dB) count as equal: "constant", "reached". Half the 0.1 dB the sentences print. */
const SAME_DB = 0.05;
/** More runs of one filter type than this are counted, not listed. */
const LISTED_RUNS = 4;

/**
 * A schedule in a few sentences, from its stages in order (all of them: the summary describes the
 * schedule, not a selection): the filter type over the run ("all-pass for steps 1–389, then
 * low-pass to step 117 000"), how the DC and Nyquist gains move ("DC gain rises from 0 dB to
 * +29.9 dB by step 116 610"), and where it amplifies ("amplifies low frequencies from step 390 on").
 * Gains are 20·log10|H| rounded to 0.1 dB; steps are counted from 1 with digit groups of three.
 * No stages: no sentences.
 */
export function scheduleSummary(stages: Iterable<SummaryStage>): string[] {
  const summary = new SummaryBuilder();
  for (const s of stages) summary.add(s);
  return summary.sentences();
}

/** scheduleSummary one stage at a time, for writers that stream the stages: O(1) memory for any stage count. */
export class SummaryBuilder {
  private types = new Runs<FilterType>();
  private amplify = new Runs<boolean>();
  private dc = new GainTrack();
  private nyquist = new GainTrack();
  private band = 0;
  private lastEnd = 0;

  add(s: SummaryStage): void {
    const m = s.metrics;
    this.types.add(m.filterType, s.startStep, s.endStep);
    if (m.amplifies && !this.amplify.has(true)) this.band = m.peakFrequency;
    this.amplify.add(m.amplifies, s.startStep, s.endStep);
    // The step the gains are those of: a real stage's from its first step on, a display stage's at its last.
    const at = s.display === undefined ? s.startStep : s.endStep;
    this.dc.add(decibels(m.dcGainDb, m.dcGain), at);
    this.nyquist.add(decibels(m.nyquistGainDb, m.nyquistGain), at);
    this.lastEnd = s.endStep;
  }

  sentences(): string[] {
    if (this.types.count === 0) return [];
    return [typeSentence(this.types, this.lastEnd), this.dc.sentence('DC gain'), this.nyquist.sentence('Nyquist gain'), amplifySentence(this.amplify, this.band)];
  }
}

/**
 * scheduleSummary of a whole schedule, metrics only (no response is computed), from its stages as
 * `stages: 'auto'` reports them (autoStageReport): every stage when there are at most AUTO_STAGE_LIMIT
 * of them, else its DEFAULT_DISPLAY_STAGES display stages (each spanning its group of stages, with its
 * last stage's metrics). So the cost is bounded (≤ AUTO_STAGE_LIMIT stage metrics), and a long per-step
 * run is described at the resolution its records have.
 */
export function summaryOf(schedule: StageFilter): string[] {
  const { startStep, endStep } = schedule.stages;
  const report = autoStageReport(schedule.stages);
  const summary = new SummaryBuilder();
  let first = 0;
  for (const [index, last] of (report.display ? report.ends : report.stages).entries()) {
    summary.add({ index, startStep: startStep[first], endStep: endStep[last], metrics: stageMetricsOf(schedule, last), ...(report.display ? { display: true } : {}) });
    first = last + 1;
  }
  return summary.sentences();
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
  private last = 0;
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
    if (this.n === 0) this.first = db;
    else {
      if (db < this.last - SAME_DB / 100) this.rising = false;
      if (db > this.last + SAME_DB / 100) this.falling = false;
    }
    if (this.rising || this.falling) {
      this.window.push([step, db]);
      const printed = dB(db);
      while (dB(this.window[this.head][1]) !== printed) this.head++;
      if (this.head > 1024 && this.head * 2 > this.window.length) [this.window, this.head] = [this.window.slice(this.head), 0];
    }
    if (db < this.min) [this.min, this.minStep] = [db, step];
    if (db > this.max) [this.max, this.maxStep] = [db, step];
    this.last = db;
    this.n++;
  }

  sentence(name: string): string {
    if (this.n === 0) return `${name} undefined`;
    if (near(this.min, this.max)) return `${name} ${dB(this.first)}`;
    if (this.rising || this.falling) {
      return `${name} ${this.rising ? 'rises' : 'falls'} from ${dB(this.first)} to ${dB(this.last)} by step ${stepText(this.window[this.head][0])}`;
    }
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
