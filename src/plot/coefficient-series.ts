import { coefficientColumns } from '../schedule/coefficient-columns.js';
import type { Schedule } from '../types.js';

/** One coefficient of a schedule's filter, stage by stage. */
export interface CoefficientSeries {
  name: string;
  values: Float64Array;
}

const SUBSCRIPT = '₀₁₂₃₄₅₆₇₈₉';

/**
 * Every coefficient that defines each stage's filter (coefficientColumns), one series per coefficient,
 * named with subscripts for the figure: u, v; u₁, v₁, c₁, …, c₀; b₀, …, a₁, ….
 */
export function coefficientSeries(schedule: Schedule): CoefficientSeries[] {
  const n = schedule.stages.count;
  const columns = coefficientColumns(schedule);
  return columns.names.map((name, c) => {
    const values = new Float64Array(n);
    for (let k = 0; k < n; k++) values[k] = columns.value(k, c);
    return { name: name.replace(/\d/g, (d) => SUBSCRIPT[Number(d)]), values };
  });
}
