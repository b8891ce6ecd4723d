import { stageMagnitudeSquared } from '../filter/stage-filter.js';
import type { Schedule } from '../types.js';
import { frozenRange, spanStages, toSpan, type StageSpan } from './stage-spans.js';
import { roundSig } from '../util/round-sig.js';
import type { SpectrogramResult } from './spectrogram.js';
import { welchPsd, type WelchOptions } from './welch.js';

/** 10·log10 of a power, null for 0 (−∞ dB) so the plot shows a gap rather than a spike. */
function powerDb(p: number): number | null {
  return p > 0 ? roundSig(10 * Math.log10(p)) : null;
}

export interface SpectrogramRecord {
  series: string;
  /** Segment centre, in units of 1/fs (steps for fs = 1). */
  time: number | null;
  /** Units of fs (cycles/step for fs = 1). */
  frequency: number | null;
  value: number | null;
  /** 10·log10(value); null where the value is 0. */
  valueDb: number | null;
}

/**
 * Tidy rows of a spectrogram, one per (time, frequency) cell: the data of a heat map
 * (x = time, y = frequency, colour = valueDb), one series per panel.
 */
export function spectrogramRecords(series: string, result: SpectrogramResult): SpectrogramRecord[] {
  const { frequencies, times, values } = result;
  const nf = frequencies.length;
  const rows: SpectrogramRecord[] = [];
  for (let s = 0; s < times.length; s++) {
    for (let k = 0; k < nf; k++) {
      const v = values[s * nf + k];
      rows.push({ series, time: roundSig(times[s]), frequency: roundSig(frequencies[k]), value: roundSig(v), valueDb: powerDb(v) });
    }
  }
  return rows;
}

export type StagePsdCurve = 'gradient' | 'momentum' | 'theory';

export interface StagePsdRecord {
  stage: number;
  startStep: number;
  endStep: number;
  /** Units of fs (cycles/step for fs = 1). */
  frequency: number | null;
  /** 'gradient': PSD of g in the stage; 'momentum': PSD of m; 'theory': |H_k|²·PSD of g. */
  curve: StagePsdCurve;
  psd: number | null;
  psdDb: number | null;
  /** |H_k(2π·f/fs)|², the frozen filter's power gain at this frequency (a display stage: at its last step). */
  gainSquared: number | null;
  /** Display stages only: the real stages grouped, equal when it holds one (stage is the display stage's index). */
  firstStage?: number;
  lastStage?: number;
  /** Display stages' 'theory' rows only: the range of |H_k|²·P_gg over the real stages grouped, in dB. */
  psdLowDb?: number | null;
  psdHighDb?: number | null;
}

/**
 * Per selected stage (a stage index, or a span: a display stage, stage-spans.ts), the Welch PSDs of the gradient g and of the momentum buffer m over the
 * stage's steps, with the frozen response's prediction |H_k(ω)|²·P_gg(f) (ω = 2π·f/fs).
 * Where 'momentum' follows 'theory' the stage behaves as its frozen filter; gaps between them
 * show the transient carried in from the previous stage or a stage too short for its time
 * constant. Stages the trace does not reach are skipped. A display stage's filter varies inside it:
 * its 'theory' is at its last step, and psdLowDb … psdHighDb is the range of |H_k|²·P_gg over its
 * real stages (frozenRange), a band rather than one prediction.
 *
 * Parameters
 * ----------
 * schedule, g, m : the schedule, a gradient trace and runMomentum(schedule, g).
 * stages : 0-based stage indices to include.
 * options : Welch options (nperseg is capped at each stage's length, as welchPsd does).
 */
export function stagePsdRecords(schedule: Schedule, g: Float64Array, m: Float64Array, stages: readonly (number | StageSpan)[], options: WelchOptions = {}): StagePsdRecord[] {
  const fs = options.fs ?? 1;
  const rows: StagePsdRecord[] = [];
  for (const item of stages) {
    const span = toSpan(schedule, item);
    if (span.startStep > g.length) continue;
    const { first, last } = spanStages(span);
    const from = span.startStep - 1, to = Math.min(span.endStep, g.length);
    const pg = welchPsd(g.subarray(from, to), options);
    const pm = welchPsd(m.subarray(from, to), options);
    const omega = Float64Array.from(pg.frequencies, (f) => (2 * Math.PI * f) / fs);
    const gain2 = stageMagnitudeSquared(schedule, last, omega);
    const range = first === last ? undefined : frozenRange(schedule, span, omega);
    // A display stage names its real stages, even one alone (its index is only the display's).
    const group = 'display' in span || first !== last ? { firstStage: first, lastStage: last } : {};
    for (let k = 0; k < pg.frequencies.length; k++) {
      const f = pg.frequencies[k];
      const h2 = gain2[k];
      const base = { stage: span.index, startStep: span.startStep, endStep: span.endStep, frequency: roundSig(f), gainSquared: roundSig(h2), ...group };
      rows.push({ ...base, curve: 'gradient', psd: roundSig(pg.psd[k]), psdDb: powerDb(pg.psd[k]) });
      rows.push({ ...base, curve: 'momentum', psd: roundSig(pm.psd[k]), psdDb: powerDb(pm.psd[k]) });
      const band = range === undefined ? {} : { psdLowDb: powerDb(range.low[k] ** 2 * pg.psd[k]), psdHighDb: powerDb(range.high[k] ** 2 * pg.psd[k]) };
      rows.push({ ...base, curve: 'theory', psd: roundSig(h2 * pg.psd[k]), psdDb: powerDb(h2 * pg.psd[k]), ...band });
    }
  }
  return rows;
}

export interface TimeSeriesRecord {
  /** 1-based optimizer step. */
  step: number;
  series: string;
  value: number | null;
}

/**
 * The Figure-1 view: the input signal and each filtered output against the step, as tidy rows.
 * At most `maxPoints` steps per series are kept (every ⌈n/maxPoints⌉-th step, the last one
 * included) so that a plot of 10⁵ steps stays light; pass Infinity for every step.
 */
export function timeSeriesRecords(series: readonly { name: string; values: Float64Array }[], maxPoints = 2000): TimeSeriesRecord[] {
  const rows: TimeSeriesRecord[] = [];
  for (const s of series) {
    const n = s.values.length;
    const stride = Math.max(1, Math.ceil(n / maxPoints));
    for (let t = 0; t < n; t += stride) rows.push({ step: t + 1, series: s.name, value: roundSig(s.values[t]) });
    if (n > 0 && (n - 1) % stride !== 0) rows.push({ step: n, series: s.name, value: roundSig(s.values[n - 1]) });
  }
  return rows;
}
