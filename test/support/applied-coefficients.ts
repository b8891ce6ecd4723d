import { expect } from 'vitest';
import { appliedColumns, coefficientSegments } from '../../src/schedule/coefficient-columns.js';
import type { Schedule } from '../../src/types.js';

/**
 * Every step's applied coefficients (appliedColumns) against reference rows (row t − 1 for step t), each
 * named value of the row within `tolerance(name, ref)`; `keys` picks the row's names compared. Returns the
 * number of steps checked.
 */
export function expectAppliedCoefficients(
  schedule: Schedule,
  rows: readonly Record<string, number>[],
  tolerance: (name: string, ref: number) => number,
  keys: (row: Record<string, number>) => string[] = Object.keys,
): number {
  const columns = appliedColumns(schedule);
  let steps = 0;
  for (const seg of coefficientSegments(schedule, columns)) {
    for (let t = seg.startStep; t <= seg.endStep; t++) {
      const ref = rows[t - 1];
      for (const name of keys(ref)) {
        const c = columns.names.indexOf(name);
        expect(c, `column ${name}`).toBeGreaterThanOrEqual(0);
        const ours = columns.at(seg, c);
        expect(Math.abs(ours - ref[name]), `${name} at step ${t}: ${ours} vs ${ref[name]}`).toBeLessThanOrEqual(tolerance(name, ref[name]));
      }
      steps++;
    }
  }
  return steps;
}
