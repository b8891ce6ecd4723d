import { stageOfStep } from '../schedule/stages.js';
import type { Schedule } from '../types.js';
import { responseRecords, withExact, type ExactResponses } from './response-records.js';
import { ALL_STEPS, positionLabel } from './specs/compare.js';
import type { CurveSource } from './specs/curve-datasets.js';

/**
 * For each schedule and each training position (fraction of its steps), the stage active at that step
 * with its frozen response on `omega`; a position that falls in the same stage as the previous one
 * is drawn once, and a one-stage schedule once as "all steps". Schedules with equal names get
 * " (2)", " (3)" … so every schedule keeps its own colour. With `exact`, each drawn stage also
 * carries its exact time-variant response (at the stage's last step).
 */
export function compareSources(schedules: readonly Schedule[], positions: readonly number[], omega: Float64Array, exact?: ExactResponses): CurveSource[] {
  const seen = new Map<string, number>();
  const sources: CurveSource[] = [];
  for (const schedule of schedules) {
    const n = (seen.get(schedule.name) ?? 0) + 1;
    seen.set(schedule.name, n);
    const name = n === 1 ? schedule.name : `${schedule.name} (${n})`;
    const t = schedule.stages;
    if (t.count === 0) continue;
    if (t.count === 1) {
      sources.push({ records: withExact(schedule, responseRecords(schedule, [0], omega), exact), schedule: name, position: ALL_STEPS });
      continue;
    }
    const first = t.startStep[0];
    const last = t.endStep[t.count - 1];
    let previous = -1;
    for (const p of positions) {
      const f = Math.min(1, Math.max(0, p));
      const k = stageOfStep(t, Math.min(last, Math.max(first, Math.round(f * last))));
      if (k === previous) continue;
      previous = k;
      sources.push({ records: withExact(schedule, responseRecords(schedule, [k], omega), exact), schedule: name, position: positionLabel(f) });
    }
  }
  return sources;
}
