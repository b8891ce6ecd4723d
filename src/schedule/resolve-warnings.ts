import type { StageTable } from '../types.js';
import type { ConfigWarning } from './issues.js';
import type { ExpressionUse } from './schedule-value.js';

/** Variables that change from stage to stage: with one stage an expression of them is a constant. */
const STAGE_VARYING = ['t', 'p', 'k'] as const;

/**
 * `stage 3 (steps 31–40)`, for up to three stages of `indices` (each with `value(i)` after a colon
 * when given), then `and N more stages`.
 */
export function stageNames(table: StageTable, indices: readonly number[], value?: (i: number) => string): string {
  const shown = indices.slice(0, 3).map((i) => `${stageSteps(i, table.startStep[i], table.endStep[i])}${value ? `: ${value(i)}` : ''}`);
  const rest = indices.length - shown.length;
  return `${shown.join(', ')}${rest > 0 ? ` and ${rest} more stage${rest === 1 ? '' : 's'}` : ''}`;
}

/** Variables that stay what they are at every step when values are evaluated per step (N = T, delta = 1). */
const FIXED_PER_STEP = ['k', 'N', 'delta'] as const;

/**
 * What an expression reads that cannot be meant, or reads differently than it may look:
 * - a warning for t, p or k under an explicit single stage (`stages: 1`): evaluated once, at step 1,
 *   so the value is constant although it looks time-varying;
 * - a note for k, N or delta when values are evaluated per step (no `stages`/`stageLength`): every
 *   step is its own stage there, so k = t − 1, N = T and delta = 1.
 * `used`: each expression's key path and the variables it reads.
 */
export function expressionWarnings(
  config: { steps: number; stages?: number; stageLength?: number },
  perStep: boolean,
  used: readonly ExpressionUse[],
): ConfigWarning[] {
  const single = config.stages === 1 || (config.stageLength !== undefined && config.stageLength >= config.steps);
  const warnings: ConfigWarning[] = [];
  for (const { path, variables } of used) {
    if (single) {
      const varying = STAGE_VARYING.filter((v) => variables.has(v));
      if (varying.length === 0) continue;
      const key = config.stages === 1 ? 'stages: 1' : `stageLength: ${config.stageLength}`;
      warnings.push({
        severity: 'warning',
        code: 'constant_expression',
        path,
        message: `uses ${varying.join(', ')} but ${key} makes a single stage, so it is evaluated once (at step 1) and is constant; remove ${key.split(':')[0]} to evaluate it at every step`,
      });
    } else if (perStep) {
      const fixed = FIXED_PER_STEP.filter((v) => variables.has(v));
      if (fixed.length === 0) continue;
      warnings.push({
        severity: 'note',
        code: 'per_step_variables',
        path,
        message: `evaluated at every step (no stages or stageLength), where each step is a stage: k = t − 1, N = T, delta = 1 (uses ${fixed.join(', ')})`,
      });
    }
  }
  return warnings;
}

/** A stage and its steps in words: "stage 3 (steps 8–12)", or "stage 1 (step 8)" when it is one step. */
export function stageSteps(k: number, startStep: number, endStep: number): string {
  return `stage ${k} (${startStep === endStep ? `step ${startStep}` : `steps ${startStep}–${endStep}`})`;
}
