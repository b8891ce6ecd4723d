import { METRIC_NAMES } from '../io/tidy-rows.js';
import type { StageMetrics } from '../types.js';
import { didYouMean } from '../util/suggest.js';
import { quoted } from '../util/excerpt.js';

/** The metrics a tune can aim at: analyze's numeric metric names. */
export const TUNABLE_METRICS = METRIC_NAMES.filter((m) => m !== 'filterType' && m !== 'amplifies') as (keyof StageMetrics)[];

/** Which stage a target names: `first`, `final` (= `last`: the schedule's last stage), `stage:K`. */
export type StageRef = { kind: 'first' } | { kind: 'last' } | { kind: 'index'; index: number };

/** `final.dcGain=30.992` → stage, metric and value. */
export interface TuneTarget {
  stage: StageRef;
  /** The stage as written (`final`, `first`, `stage:3`), for reports. */
  stageText: string;
  metric: keyof StageMetrics;
  value: number;
}

/** Parses `<stage>.<metric>=<value>`; every problem is a one-line message. */
export function parseTuneTarget(text: string): TuneTarget | { error: string } {
  const m = /^\s*(first|final|last|stage:-?\d+)\.([A-Za-z]+)\s*=\s*(.+?)\s*$/.exec(text);
  if (!m) {
    return { error: `${quoted(text)} is not a target; expected <stage>.<metric>=<value> with stage first, final, last or stage:K, e.g. final.dcGain=30.992` };
  }
  const [, stageText, metricText, valueText] = m;
  if (!(TUNABLE_METRICS as string[]).includes(metricText)) {
    return { error: `unknown metric ${quoted(metricText)}${didYouMean(metricText, TUNABLE_METRICS)} (one of ${TUNABLE_METRICS.join(', ')})` };
  }
  const value = Number(valueText);
  if (valueText === '' || !Number.isFinite(value)) return { error: `target value must be a finite number (got ${quoted(valueText)})` };
  const stage: StageRef = stageText === 'first' ? { kind: 'first' } : stageText.startsWith('stage:') ? { kind: 'index', index: Number(stageText.slice(6)) } : { kind: 'last' };
  return { stage, stageText, metric: metricText as keyof StageMetrics, value };
}

/** Index of the stage a reference names in a schedule of `count` stages, or −1 if there is none. */
export function stageIndex(ref: StageRef, count: number): number {
  if (ref.kind === 'first') return 0;
  if (ref.kind === 'last') return count - 1;
  const i = ref.index < 0 ? count + ref.index : ref.index;
  return i >= 0 && i < count ? i : -1;
}
