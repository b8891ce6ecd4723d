import type { ScheduleConfig } from '../schedule/schema.js';
import { pointEvaluator } from '../sweep/evaluate-point.js';
import { stageMetricsOf } from '../filter/stage-filter.js';
import { effectiveLearningRate } from '../filter/update-response.js';
import { sweepTarget } from '../schedule/config-path.js';
import { brentRoot } from './brent-root.js';
import { expandFrom, scanRange, type Bracket } from './find-bracket.js';
import { stageIndex, type TuneTarget } from './tune-target.js';
import { LIBRARY_VOCABULARY, type Vocabulary } from '../vocabulary.js';

export interface TuneRequest {
  /** Dot path of the parameter to solve for, as `sweep --grid` takes it (`momentum.c`, `c`). */
  path: string;
  target: TuneTarget;
  /** Search only here; without it, the search steps out from the config's current value. */
  range?: [number, number];
  allowUnstable?: boolean;
  /** Absolute tolerance on the parameter (default 0: to full double precision). */
  xtol?: number;
  /** The words messages use for the knobs (default: the library's; the CLI passes its flags). */
  vocabulary?: Vocabulary;
}

export interface TuneSolution {
  /** The parameter's column name (`momentum.c`) and the value found. */
  path: string;
  value: number;
  /** The metric at that value. */
  achieved: number;
  /** Bound on |value − exact solution|. */
  tolerance: number;
  bracket: [number, number];
  evaluations: number;
}

/**
 * Why there is no answer, as data: a bad request (`invalid_path`: the path names no numeric value;
 * `integer_parameter`: it takes whole numbers), or no solution where the search looked
 * (`no_solution`; `no_effect`: the metric is the same at every point searched; `undefined_at_start`: the metric is undefined at the current value, so there is
 * nowhere to step out from; `jump`: the metric crosses the target by a jump). The caller decides
 * what each costs (the CLI: src/cli/messages.ts).
 */
export type TuneFailureCode = 'invalid_path' | 'integer_parameter' | 'no_learning_rate' | 'no_solution' | 'no_effect' | 'undefined_at_start' | 'jump';

export interface TuneFailure {
  code: TuneFailureCode;
  error: string;
}

/**
 * Solves metric(stage, x) = target for one config value x: finds a sign change of
 * g(x) = metric − target (scanning the range, or stepping out from the current value), then
 * refines it with Brent's method. The metric is the closed-form one of analyze (stageMetrics) on the
 * stage table re-resolved at each x (as a sweep does: no re-parsing). Points where the parameter is
 * out of its schema, a stage is unstable, the stage does not exist or the metric is undefined
 * (a null cutoff) count as undefined and are stepped around.
 */
export function tuneParameter(config: ScheduleConfig, request: TuneRequest): TuneSolution | TuneFailure {
  const words = request.vocabulary ?? LIBRARY_VOCABULARY;
  const target = sweepTarget(config, request.path);
  if ('error' in target) return { code: 'invalid_path', error: target.error };
  if (target.integer) return { code: 'integer_parameter', error: `${target.column} takes whole numbers; tune solves for a continuous parameter (sweep it instead)` };
  const { evaluate } = pointEvaluator(config, [target.configPath], { allowUnstable: request.allowUnstable });
  const { metric, value: wanted } = request.target;
  if (metric === 'effectiveLearningRate' && config.lr === undefined) {
    return { code: 'no_learning_rate', error: `${request.target.stageText}.effectiveLearningRate is α·|H(0)|: the schedule has no learning rate (give lr)` };
  }
  const x1 = new Float64Array(1);
  const metricAt = (x: number): number => {
    if (!Number.isFinite(x) || !target.schema.safeParse(x).success) return NaN;
    x1[0] = x;
    const { schedule } = evaluate(x1);
    if (!schedule) return NaN;
    const k = stageIndex(request.target.stage, schedule.stages);
    if (k < 0) return NaN;
    const metrics = stageMetricsOf(schedule, k);
    const m = metric === 'effectiveLearningRate' ? effectiveLearningRate(schedule.lr?.[k] ?? NaN, metrics.dcGain) : metrics[metric];
    return typeof m === 'number' ? m : NaN;
  };
  const g = (x: number) => metricAt(x) - wanted;

  const name = `${request.target.stageText}.${metric} = ${wanted}`;
  let found: Bracket | { seen: [number, number]; evaluations: number };
  if (request.range) {
    const [lo, hi] = request.range;
    found = scanRange(g, lo, hi);
  } else {
    const x0 = target.current ?? 0;
    found = expandFrom(g, x0);
    if ('seen' in found && Number.isNaN(found.seen[0])) {
      return { code: 'undefined_at_start', error: `${request.target.stageText}.${metric} is undefined at the current ${target.column} = ${x0}; give ${words.range}` };
    }
  }
  if ('seen' in found) {
    const unchanged = unchangedMetric(found.seen, `${request.target.stageText}.${metric}`, target.column, metric);
    const where = request.range ? `for ${target.column} in ${request.range[0]}:${request.range[1]}` : `near ${target.column} = ${target.current ?? 0} (searched both ways; give ${words.range} to search elsewhere)`;
    const seen = Number.isFinite(found.seen[0]) ? `; there it ranges over [${found.seen[0] + wanted}, ${found.seen[1] + wanted}]` : '; the metric is undefined everywhere there';
    if (unchanged) {
      // The metric itself (g + target would round): at the search's first point when it is defined there.
      const first = metricAt(request.range ? request.range[0] : target.current ?? 0);
      const value = Number.isFinite(first) ? first : found.seen[0] + wanted;
      const place = request.range ? `for ${target.column} in ${request.range[0]}:${request.range[1]}` : `near ${target.column} = ${target.current ?? 0} (searched both ways)`;
      return { code: 'no_effect', error: `${unchanged}: it stays ${value} ${place}, never ${wanted}` };
    }
    return { code: 'no_solution', error: `no solution of ${name} ${where}${seen}` };
  }
  const root = brentRoot(g, found.a, found.b, found.ga, found.gb, { xtol: request.xtol });
  const achieved = metricAt(root.x);
  // A sign change across a jump is not a solution: the metric must actually reach the target.
  if (!(Math.abs(achieved - wanted) <= 1e-6 * Math.max(1, Math.abs(wanted)))) {
    return { code: 'jump', error: `no solution of ${name}: the metric jumps across the target at ${target.column} ≈ ${root.x} (from ${metricAt(root.bracket[0])} to ${metricAt(root.bracket[1])})` };
  }
  return { path: target.column, value: root.x, achieved, tolerance: root.tolerance, bracket: root.bracket, evaluations: root.evaluations };
}

/**
 * When every defined point of the search gave the same metric: "<stage>.<metric> does not change with
 * <column>", with the reason when it is known (a learning-rate value other than a momentum one the
 * lr scheduler writes: the learning rate enters only effectiveLearningRate, not the momentum filter).
 */
function unchangedMetric(seen: [number, number], metricText: string, column: string, metric: string): string | undefined {
  if (!Number.isFinite(seen[0]) || seen[0] !== seen[1]) return undefined;
  const lrOnly = /^lr(\.|$)/.test(column) && !/momentum/.test(column) && metric !== 'effectiveLearningRate';
  return `${metricText} does not change with ${column}${lrOnly ? ' (the learning rate does not enter the momentum filter)' : ''}`;
}
