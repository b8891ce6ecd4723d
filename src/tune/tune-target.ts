import { NUMERIC_METRICS, type NumericMetric } from '../metric-names.js';
import { parseStageSelection, stagesOf, type StageSelection, type StageSpans } from '../analysis/stage-selection.js';
import { didYouMean } from '../util/suggest.js';
import { quoted } from '../util/excerpt.js';

/** A metric a tune can aim at. */
export type TunableMetric = NumericMetric | 'effectiveLearningRate';

/**
 * The metrics a tune can aim at: analyze's numeric metric names, and with a learning rate the
 * effective learning rate α·|H(0)| (α·v/(1 − u) for first-order momentum; update-response.ts).
 */
export const TUNABLE_METRICS: TunableMetric[] = [...NUMERIC_METRICS, 'effectiveLearningRate'];

/**
 * Which stage a target names: one stage in the stage-selection grammar (first, last, final, K, -K,
 * step:S; src/analysis/stage-selection.ts), with `stage:K` kept as an alias of K.
 */
export type StageRef = StageSelection;

/** `final.dcGain=30.992` → stage, metric and value. */
export interface TuneTarget {
  stage: StageRef;
  /** The stage as written (`final`, `first`, `stage:3`), for reports. */
  stageText: string;
  metric: TunableMetric;
  value: number;
}

const NOT_A_TARGET = 'is not a target; expected <stage>.<metric>=<value> with stage first, final, last, K (or stage:K) or step:S, e.g. final.dcGain=30.992';

/** Parses `<stage>.<metric>=<value>`; every problem is a one-line message. */
export function parseTuneTarget(text: string): TuneTarget | { error: string } {
  const m = /^\s*([^.=\s]+)\.([A-Za-z]+)\s*=\s*(.+?)\s*$/.exec(text);
  const stage = m ? parseStageSelection(m[1].replace(/^stage:(?=-?\d+$)/, ''), { single: true }) : undefined;
  if (!m || !stage || 'error' in stage) return { error: `${quoted(text)} ${NOT_A_TARGET}` };
  const [, stageText, metricText, valueText] = m;
  if (!(TUNABLE_METRICS as string[]).includes(metricText)) {
    return { error: `unknown metric ${quoted(metricText)}${didYouMean(metricText, TUNABLE_METRICS)} (one of ${TUNABLE_METRICS.join(', ')})` };
  }
  const value = Number(valueText);
  if (valueText === '' || !Number.isFinite(value)) return { error: `target value must be a finite number (got ${quoted(valueText)})` };
  return { stage, stageText, metric: metricText as TunableMetric, value };
}

/** Index of the stage a reference names in a schedule's stages, or −1 if there is none. */
export function stageIndex(ref: StageRef, stages: StageSpans): number {
  const chosen = stagesOf(ref, stages);
  return Array.isArray(chosen) ? chosen[0] : -1;
}
