import { issueText } from '../schedule/issues.js';
import { resolveArena, valuesOf } from '../schedule/resolve-arena.js';
import { resolveSchedule } from '../schedule/resolve.js';
import type { ScheduleConfig } from '../schedule/schema.js';
import type { Schedule } from '../types.js';
import type { Vocabulary } from '../vocabulary.js';

/**
 * A point's schedule, or the one-line reason the point is invalid (unstable stage, stages > steps…).
 * The schedule's arrays are reused by the next point: read it before evaluating another one.
 */
export type PointResult = { schedule: Schedule; problem?: undefined } | { schedule?: undefined; problem: string };

type Path = readonly (string | number)[];

export interface PointEvaluator {
  /** The working copy of the config with the point's values written in at the axes' config paths. */
  patch(values: ArrayLike<number>): ScheduleConfig;
  /** patch, then resolveSchedule on the working copy (the same resolver as analyze, with an arena). */
  evaluate(values: ArrayLike<number>): PointResult;
}

/**
 * Re-resolves one parsed config at many parameter values without re-reading YAML: the config is
 * copied once, each point writes its values into the copy at `configPaths` (one per axis,
 * SweepTarget.configPath), and resolveSchedule resolves the copy. The arena keeps the stage table's
 * arrays, the partition and the compiled expressions from point to point, and its memo the values
 * no swept path changes (a learning rate's per-step values, a scheduler's run, a table's checks:
 * ValueMemo), so a point re-resolves only what its values change, then its stages and their checks.
 * The evaluators of one config object (a sweep's check pass and its formatting) share that memo,
 * and with the parse that read the config when it kept its values (ParseOptions.keepValues).
 */
export function pointEvaluator(config: ScheduleConfig, configPaths: readonly Path[], options: { allowUnstable?: boolean; vocabulary?: Vocabulary } = {}): PointEvaluator {
  const working = copied(config);
  const setters = configPaths.map((path) => {
    const parentPath = path.slice(0, -1);
    const key = path[path.length - 1];
    return (value: number) => {
      let node = working as unknown as Record<string | number, unknown>;
      for (const k of parentPath) node = node[k] as Record<string | number, unknown>;
      node[key] = value;
    };
  });
  const resolveOptions = { name: working.name ?? 'sweep', allowUnstable: options.allowUnstable ?? false, vocabulary: options.vocabulary, arena: resolveArena(valuesOf(config)) };
  const patch = (values: ArrayLike<number>): ScheduleConfig => {
    for (let a = 0; a < setters.length; a++) setters[a](values[a]);
    return working;
  };
  return {
    patch,
    evaluate(values) {
      const resolved = resolveSchedule(patch(values), resolveOptions);
      return resolved.schedule ? { schedule: resolved.schedule } : { problem: resolved.issues.map(issueText).join('; ') };
    },
  };
}

/**
 * A deep copy of a config to patch, its tables' typed arrays shared (a sweep never patches a
 * table, config-path.ts): a 10⁷-step table is not copied per evaluator, and its resolution is kept
 * by the memo from one evaluator to the other.
 */
function copied<T>(value: T): T {
  if (ArrayBuffer.isView(value) || typeof value !== 'object' || value === null) return value;
  if (Array.isArray(value)) return value.map(copied) as T;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) out[k] = copied(v);
  return out as T;
}
