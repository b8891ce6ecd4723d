import type { StageTable } from '../types.js';
import type { ConfigWarning } from './issues.js';

/** Variables that change from stage to stage: with one stage an expression of them is a constant. */
const STAGE_VARYING = ['t', 'p', 'k'] as const;

/**
 * `stage 3 (steps 31–40)`, for up to three stages of `indices` (each with `value(i)` after a colon
 * when given), then `and N more stages`.
 */
export function stageNames(table: StageTable, indices: readonly number[], value?: (i: number) => string): string {
  const shown = indices.slice(0, 3).map((i) => `stage ${i} (steps ${table.startStep[i]}–${table.endStep[i]})${value ? `: ${value(i)}` : ''}`);
  const rest = indices.length - shown.length;
  return `${shown.join(', ')}${rest > 0 ? ` and ${rest} more stage${rest === 1 ? '' : 's'}` : ''}`;
}

/**
 * One warning per expression that reads t, p or k in a schedule of a single stage: it is evaluated
 * once, at the first step, so the coefficient is constant although it looks time-varying.
 * `used` maps each expression's key path (JSON) to the variables it reads.
 */
export function constantExpressionWarnings(stageCount: number, used: ReadonlyMap<string, ReadonlySet<string>>): ConfigWarning[] {
  if (stageCount !== 1) return [];
  const warnings: ConfigWarning[] = [];
  for (const [at, variables] of used) {
    const varying = STAGE_VARYING.filter((v) => variables.has(v));
    if (varying.length === 0) continue;
    warnings.push({
      severity: 'warning',
      code: 'constant_expression',
      path: JSON.parse(at) as (string | number)[],
      message:
        `uses ${varying.join(', ')} but the schedule has a single stage, so it is evaluated once (at step 1) and is constant; ` +
        'give stages: N, or stageLength: 1 to evaluate it at every step',
    });
  }
  return warnings;
}
