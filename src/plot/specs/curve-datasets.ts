import type { FrequencyResponse } from '../../types.js';
import type { FrequencyAxis } from './frequency-axis.js';
import type { ResponseRecords } from '../response-records.js';
import { roundSig } from '../../util/round-sig.js';
import type { DataRow } from './vega-lite-spec.js';

/** The per-frequency quantities a curve plot can draw, as named in the data rows. */
export type CurveQuantity = 'gainDb' | 'phase' | 'groupDelay';

const FROM_RESPONSE: Record<CurveQuantity, keyof FrequencyResponse> = {
  gainDb: 'magnitudeDb',
  phase: 'phase',
  groupDelay: 'groupDelay',
};

/** Records of one schedule, with labels for figures that show several (compare). */
export interface CurveSource {
  records: ResponseRecords;
  schedule?: string;
  /** compare: where in training the stage was taken, e.g. "50 %". */
  position?: string;
}

export interface CurveDatasets {
  /** One row per stage drawn: curve id, labels, stage index, step span and coefficients. */
  curveStages: DataRow[];
  /** The stage index of each curve, in curve order. */
  stages: number[];
  /** One row per (curve, frequency[, response]): long form with the stage index, joined to curveStages by `curve`. */
  curves: DataRow[];
  /** Some stage carries an exact response; rows then have `response: 'frozen' | 'exact'`. */
  hasExact: boolean;
}

/**
 * Tidy rows for the curve plots. Stage facts live once per curve in `curveStages` and are joined by a
 * Vega-Lite `lookup`, so the per-frequency rows stay short. Frequencies the axis cannot show (ω = 0
 * on a log axis) are dropped; all numbers are rounded to 6 significant digits.
 */
export function curveDatasets(
  sources: readonly CurveSource[],
  axis: FrequencyAxis,
  quantities: readonly CurveQuantity[],
): CurveDatasets {
  const hasExact = sources.some((s) => s.records.stages.some((st) => st.response && st.responseExact));
  const curveStages: DataRow[] = [];
  const curves: DataRow[] = [];
  const stages: number[] = [];
  let curve = 0;
  for (const source of sources) {
    const freq = Array.from(source.records.frequencies, (w) => axis.toValue(w));
    for (const stage of source.records.stages) {
      if (!stage.response) continue;
      const row: DataRow = { curve };
      if (source.schedule !== undefined) row.schedule = source.schedule;
      if (source.position !== undefined) row.position = source.position;
      row.stage = stage.index;
      row.startStep = stage.startStep;
      row.endStep = stage.endStep;
      row.u = roundSig(stage.u);
      row.v = roundSig(stage.v);
      curveStages.push(row);
      stages.push(stage.index);
      const responses: [string, FrequencyResponse | undefined][] = hasExact
        ? [
            ['frozen', stage.response],
            ['exact', stage.responseExact],
          ]
        : [['frozen', stage.response]];
      for (const [kind, response] of responses) {
        if (!response) continue;
        for (let i = 0; i < freq.length; i++) {
          const f = freq[i];
          if (f === null) continue;
          // The stage index rides on every row: colour needs it, so a picture needs no join.
          const r: DataRow = { curve, stage: stage.index, frequency: roundSig(f) };
          for (const q of quantities) r[q] = roundSig(response[FROM_RESPONSE[q]][i]);
          if (hasExact) r.response = kind;
          curves.push(r);
        }
      }
      curve++;
    }
  }
  return { curveStages, stages, curves, hasExact };
}
