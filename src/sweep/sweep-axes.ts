import type { ScheduleConfig } from '../schedule/schema.js';
import { fromZodIssues } from '../schedule/zod-issues.js';
import { showValue } from '../schedule/issues.js';
import { parseAxisSpec, type AxisSpec } from '../schedule/axis-spec.js';
import { axisLength, axisValue } from './axis-value.js';
import { gridSize, MAX_SWEEP_POINTS } from './sweep-grid.js';
import { sweepTarget, type SweepTarget } from '../schedule/config-path.js';
import { FIXED_COLUMNS, type SweepAxis } from './sweep-job.js';


/** An axis as given, before it is checked: `--grid path=SPEC` text, or an entry of the `sweep:` block. */
export interface AxisRequest {
  path: string;
  spec: AxisSpec | string;
  /** How to name it in messages: `--grid momentum.c=0:1:3` or `sweep.grid.momentum.c`. */
  origin: string;
}

/** Most values of one axis checked one by one against the parameter's schema (beyond: the ends only). */
const CHECK_EACH_UP_TO = 1_000_000;

/**
 * Checks every axis against the config before any point is computed: the path must name a numeric
 * value (did-you-mean otherwise), the spec must parse (no empty range, no zero count), integer
 * parameters get whole numbers, every value passes the parameter's own schema (e.g. FSGDM's c ≥ 0),
 * no path is swept twice, and the grid stays below MAX_SWEEP_POINTS. All problems are returned, one
 * line each.
 */
export function resolveAxes(config: ScheduleConfig, requests: readonly AxisRequest[]): { axes: SweepAxis[]; errors: string[] } {
  const axes: SweepAxis[] = [];
  const errors: string[] = [];
  const seen = new Map<string, string>();
  for (const req of requests) {
    const target = sweepTarget(config, req.path);
    if ('error' in target) {
      errors.push(`${req.origin}: ${target.error}`);
      continue;
    }
    const spec = typeof req.spec === 'string' ? parseAxisSpec(req.spec) : req.spec;
    if ('error' in spec) {
      errors.push(`${req.origin}: ${spec.error}`);
      continue;
    }
    const key = target.configPath.join('.');
    if (seen.has(key)) {
      errors.push(`${req.origin}: ${target.column} is already swept by ${seen.get(key)}`);
      continue;
    }
    seen.set(key, req.origin);
    const problem = valueProblem(target, spec);
    if (problem) {
      errors.push(`${req.origin}: ${problem}`);
      continue;
    }
    axes.push({ path: FIXED_COLUMNS.has(req.path) ? target.column : req.path, target, spec });
  }
  if (errors.length === 0 && gridSize(axes.map((a) => a.spec)) > MAX_SWEEP_POINTS) {
    errors.push(`the grid has ${gridSize(axes.map((a) => a.spec)).toExponential(2)} points, more than ${MAX_SWEEP_POINTS}`);
  }
  return { axes, errors };
}

/** The first value of an axis the parameter does not accept, as a message. */
function valueProblem(target: SweepTarget, spec: AxisSpec): string | undefined {
  const n = axisLength(spec);
  const indices = n <= CHECK_EACH_UP_TO ? Array.from({ length: n }, (_, i) => i) : [0, n - 1];
  for (const i of indices) {
    const x = axisValue(spec, i);
    if (target.integer && !Number.isInteger(x)) {
      return `${target.column} takes whole numbers, but value ${i} of the axis is ${x} (choose a count that gives integers, or list the values)`;
    }
    const checked = target.schema.safeParse(x);
    if (!checked.success) {
      const issue = fromZodIssues(checked.error.issues, [], () => [])[0];
      return `${target.column} = ${showValue(x)}: ${issue?.message ?? 'not accepted'}`;
    }
  }
  return undefined;
}
