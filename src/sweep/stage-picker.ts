import { selectStages } from '../analysis/stage-selection.js';
import { stageOfStep } from '../schedule/stages.js';
import type { StageTable } from '../types.js';

/**
 * `--stages` for a sweep: analyze's grammar (all, first, last, K, a..b, every:N, −1) plus `step:S`,
 * the stage that contains optimizer step S (1-based). A swept `steps` or `stages` changes the stage
 * count from point to point, so the selection is made per point (cached per count when it does not
 * depend on the step boundaries).
 */
export function stagePicker(spec: string): (table: StageTable) => number[] | { error: string } {
  const parts = spec.split(',').map((p) => p.trim());
  const steps: number[] = [];
  const rest: string[] = [];
  for (const p of parts) {
    const m = /^step:(\d+)$/.exec(p);
    if (m) steps.push(Number(m[1]));
    else rest.push(p);
  }
  const cache = new Map<number, number[] | { error: string }>();
  const byIndex = (count: number) => {
    let hit = cache.get(count);
    if (!hit) {
      hit = rest.length === 0 ? [] : selectStages(rest.join(','), count);
      cache.set(count, hit);
    }
    return hit;
  };
  return (table) => {
    const chosen = byIndex(table.count);
    if (steps.length === 0 || !Array.isArray(chosen)) return chosen;
    const set = new Set(chosen);
    for (const s of steps) {
      const i = stageOfStep(table, s);
      if (i < 0) return { error: `step:${s} is outside the schedule's steps 1..${table.endStep[table.count - 1]}` };
      set.add(i);
    }
    return [...set].sort((a, b) => a - b);
  };
}
