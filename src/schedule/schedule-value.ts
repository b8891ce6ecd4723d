import type { z } from 'zod';
import { ExpressionError } from './expression.js';
import type { BlockEvaluator } from './arithmetic-evaluator.js';
import type { ConfigIssue } from './issues.js';
import { segmentOfStage } from './piecewise.js';
import type { ResolveArena } from './resolve-arena.js';
import { parseSchedulerValue, runScheduler, type SchedulerSpec } from './schedulers/index.js';
import type { Cursor, ValueStream } from './stage-context.js';
import { boundsProblem, type ScheduleValue, type ValueBounds } from './value-schema.js';

type Path = (string | number)[];
type Scalar = number | string;

/** A schedule value as the schema gives it: number, expression, per-stage list, piecewise segments, a scheduler or a table. */
export type ScheduleValueConfig = z.output<typeof ScheduleValue> | TableConfig;

/** `{ scheduler: …, … }`: a scheduler value (always per step). */
export function isScheduler(value: unknown): value is { scheduler: string } {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && 'scheduler' in value;
}

/** `{ table: … }` as the core takes it: the values (a file's, once the config loader read it) or a file not read. */
export interface TableConfig {
  table: string | readonly number[] | Float64Array;
  column?: string | number;
  /** Where the values were read from (`lr.csv: column "lr"`), for messages after the file is read (a sweep point's steps). */
  source?: string;
}

/** `{ table: …, column? }`: a per-step table (always per step). */
export function isTable(value: unknown): value is TableConfig {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && 'table' in value;
}

/** Variables that change from step to step when values are evaluated per step (k = t − 1 then). */
const STEP_VARYING = new Set(['t', 'p', 'k']);

/** The variables that make a value step-dependent: an expression of them is evaluated per step unless a partition is given. */
const STEP_VARIABLES = new Set(['t', 'p']);

/**
 * Whether a value depends on the step (an expression reading t or p, or piecewise segments), which
 * makes an implicit partition per step (docs/config.md, "per step or per stage"). Decided from the
 * text, without mathjs, so that budgets can be checked before anything is compiled.
 */
export function readsStep(value: ScheduleValueConfig | undefined): boolean {
  if (value === undefined || typeof value === 'number' || Array.isArray(value)) return false;
  if (typeof value === 'string') return expressionReads(value, STEP_VARIABLES);
  // `'piecewise' in value` narrows what the predicates cannot (a table read from a file has more keys than the schema's).
  if (isScheduler(value) || isTable(value) || !('piecewise' in value)) return true;
  return value.piecewise.length > 1 || value.piecewise.some((s) => typeof s.value === 'string' && expressionReads(s.value, STEP_VARIABLES));
}

/**
 * Whether expression `source` reads one of `names`: its identifiers outside `#` comments, numbers
 * (1e5) and function calls skipped. mathjs' identifiers may hold Latin-1, Greek and letter-like
 * characters, so those count as letters here too.
 */
export function expressionReads(source: string, names: ReadonlySet<string>): boolean {
  const code = source.replace(/#[^\n]*/g, '');
  const token = /(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?|([A-Za-z_$\u00C0-\u02AF\u0370-\u03FF\u2100-\u214F][\w$\u00C0-\u02AF\u0370-\u03FF\u2100-\u214F]*)(\s*\()?/g;
  for (const m of code.matchAll(token)) if (m[1] !== undefined && m[2] === undefined && names.has(m[1])) return true;
  return false;
}

/** A compiled value: what the cursor asks, and whether it may change from step to step. */
export interface CompiledValue extends ValueStream {
  /** Per step, the value can change at every step (an expression of t, p or k): its runs are bounded by the steps. */
  readonly everyStep: boolean;
  /** It evaluates an expression, which reads the variables from the scope (else the scope may stay unfilled). */
  readonly readsScope: boolean;
  /** A scheduler with cycle_momentum: the momentum it writes to the optimizer, per step (only under lr). */
  readonly momentum?: CompiledValue;
  /** A scheduler's run: its value at step t at index t − 1 (read, never written). */
  readonly stepValues?: Float64Array;
  /**
   * An arithmetic expression of the step: its evaluator over blocks of steps (the variables per step
   * as blocks, CompiledExpression.blocks), which gives `at`'s values where it does not throw.
   */
  readonly blocks?: (blockSize: number) => BlockEvaluator | undefined;
}

/** An expression of the config, at its key path, and the variables it reads. */
export interface ExpressionUse {
  path: Path;
  variables: ReadonlySet<string>;
}

export interface CompileValueOptions {
  /** Names an expression may read. */
  variables: ReadonlySet<string>;
  /** Stages of the explicit partition (a per-stage list has one value each), or undefined without one. */
  stages: number | undefined;
  arena: ResolveArena;
  /** Collects each expression's key path and the variables it reads, for warnings. */
  used: ExpressionUse[];
  /** The run's optimizer steps (a scheduler runs over all of them). */
  steps: number;
  /** A scheduler may cycle the optimizer's momentum here (the learning rate); elsewhere cycle_momentum is an error. */
  cyclesMomentum?: boolean;
}

/**
 * A value (number, expression, per-stage list, piecewise) → its stream, or undefined with the
 * problems pushed to `issues`. Evaluated per stage, an expression takes the stage's variables and
 * keeps its value through the stage; per step, it takes the step's and changes every step if it
 * reads t, p or k. Piecewise: per stage, the segment containing the stage's last step (a later
 * segment starting in the same stage wins there); per step, the segment containing the step.
 */
export function compileValue(value: ScheduleValueConfig, path: Path, options: CompileValueOptions, issues: ConfigIssue[]): CompiledValue | undefined {
  const scalar = (v: Scalar, at: Path) => compileScalar(v, at, options, issues);
  if (typeof value === 'number' || typeof value === 'string') return scalar(value, path);
  if (isScheduler(value)) return compileScheduler(value, path, options, issues);
  if (isTable(value)) return compileTable(value, path, options.steps, issues);
  if (Array.isArray(value)) {
    if (options.stages === undefined) {
      if (value.length === 1) return scalar(value[0], [...path, 0]);
      issues.push({ code: 'per_stage_needs_stages', path, message: 'a per-stage list needs stages or stageLength' });
      return undefined;
    }
    if (value.length !== options.stages) {
      issues.push({ code: 'length_mismatch', path, message: `needs one value per stage: ${options.stages} values`, received: value });
      return undefined;
    }
    const fs = value.map((c, i) => scalar(c, [...path, i]));
    if (fs.some((f) => !f)) return undefined;
    return { everyStep: false, readsScope: fs.some((f) => f!.readsScope), at: (c, scope) => fs[c.stage]!.at(c, scope), through: (c) => c.stageEnd };
  }
  if (!('piecewise' in value)) return undefined; // narrowing only: every other form returned above
  const segments = value.piecewise;
  let ok = true;
  if (segments[0].from !== 1) {
    issues.push({ code: 'piecewise', path: [...path, 'piecewise', 0, 'from'], message: 'the first segment must start at step 1', received: segments[0].from });
    ok = false;
  }
  for (let j = 1; j < segments.length; j++) {
    if (segments[j].from <= segments[j - 1].from) {
      issues.push({ code: 'piecewise', path: [...path, 'piecewise', j, 'from'], message: `segments must start at increasing steps (previous: ${segments[j - 1].from})`, received: segments[j].from });
      ok = false;
    }
  }
  const fs = segments.map((s, j) => scalar(s.value, [...path, 'piecewise', j, 'value']));
  if (!ok || fs.some((f) => !f)) return undefined;
  const froms = Float64Array.from(segments, (s) => s.from);
  // Per stage: the stage's last step decides; per step: the step itself.
  const segment = (c: Cursor) => segmentOfStage(froms, c.perStep ? c.step : c.ctx.t + c.ctx.delta - 1);
  return {
    everyStep: fs.some((f) => f!.everyStep),
    readsScope: fs.some((f) => f!.readsScope),
    at: (c, scope) => fs[segment(c)]!.at(c, scope),
    through: (c) => {
      if (!c.perStep) return c.stageEnd;
      const j = segment(c);
      return Math.min(j + 1 < froms.length ? froms[j + 1] - 1 : Infinity, fs[j]!.through(c));
    },
  };
}

/**
 * A scheduler value, run as a training loop steps it (schedulers/run-scheduler.ts): one value per
 * optimizer step, whatever the partition says (it describes what the optimizer applied, so it splits
 * the stages it crosses). Its runs of equal values are found as the cursor asks, each scanned once.
 */
function compileScheduler(value: { scheduler: string }, path: Path, options: CompileValueOptions, issues: ConfigIssue[]): CompiledValue | undefined {
  const parsed = parseSchedulerValue(value, path);
  if ('issues' in parsed) {
    issues.push(...parsed.issues);
    return undefined;
  }
  const spec = parsed.spec as SchedulerSpec & { cycle_momentum?: boolean };
  if (spec.cycle_momentum && !options.cyclesMomentum) {
    issues.push({
      code: 'cycle_momentum',
      path: [...path, 'cycle_momentum'],
      message: `${spec.scheduler} cycles the optimizer's momentum only as the learning rate's scheduler (lr): set cycle_momentum: false here`,
    });
    return undefined;
  }
  const run = runScheduler(spec, options.steps, path);
  if ('issues' in run) {
    issues.push(...run.issues);
    return undefined;
  }
  const stream = perStepStream(run.value);
  return run.momentum ? { ...stream, momentum: perStepStream(run.momentum) } : stream;
}

/**
 * A table: value[t − 1] at step t, exactly one value per optimizer step. A table of another length is
 * refused rather than cut or padded: a dumped schedule has exactly `steps` values, so a mismatch means
 * the wrong file or the wrong `steps`. A file name is read by the config loader (the core does no I/O).
 */
function compileTable(value: TableConfig, path: Path, steps: number, issues: ConfigIssue[]): CompiledValue | undefined {
  const { table } = value;
  const at = [...path, 'table'];
  if (typeof table === 'string') {
    issues.push({ code: 'table_unread', path: at, message: 'a file name needs the readTable option (tableReader from momentum-fr/node), or pass the values themselves ({ table: Float64Array | number[] })' });
    return undefined;
  }
  if (table.length !== steps) {
    issues.push({ code: 'length_mismatch', path: at, message: `${value.source === undefined ? '' : `${value.source}: `}${tableLengthText(table.length, steps)}` });
    return undefined;
  }
  for (let i = 0; i < table.length; i++) {
    if (!Number.isFinite(table[i])) {
      issues.push({ code: 'invalid_type', path: at, message: `value ${i + 1} (step ${i + 1}) is not a finite number (got ${table[i]})` });
      return undefined;
    }
  }
  return perStepStream(table instanceof Float64Array ? table : Float64Array.from(table));
}

/** Why a table of `length` values does not fit a run of `steps` steps. */
export function tableLengthText(length: number, steps: number): string {
  return `has ${length} value${length === 1 ? '' : 's'} for ${steps} step${steps === 1 ? '' : 's'}: a table gives exactly one value per optimizer step (it is not cut or padded; check steps and the file)`;
}

/** Values given per step (value[t − 1] at step t), as a stream: runs of equal values found once each. */
export function perStepStream(value: Float64Array): CompiledValue {
  let segmentStart = 0;
  let segmentEnd = 0;
  return {
    everyStep: true,
    readsScope: false,
    stepValues: value,
    at: (c) => value[c.step - 1],
    through: (c) => {
      const t = c.step;
      if (t < segmentStart || t > segmentEnd) {
        segmentStart = t;
        let end = t;
        while (end < value.length && Object.is(value[end], value[t - 1])) end++;
        segmentEnd = end;
      }
      return segmentEnd;
    },
  };
}

function compileScalar(value: Scalar, path: Path, options: CompileValueOptions, issues: ConfigIssue[]): CompiledValue | undefined {
  if (typeof value === 'number') return { everyStep: false, readsScope: false, at: () => value, through: () => Infinity };
  try {
    const f = options.arena.expression(value, options.variables);
    options.used.push({ path, variables: f.variables });
    const varying = [...f.variables].some((v) => STEP_VARYING.has(v));
    return {
      everyStep: varying,
      readsScope: true,
      blocks: varying ? f.blocks : undefined,
      at: (_c, scope) => {
        try {
          return f.evaluate(scope);
        } catch (err) {
          if (err instanceof ExpressionError) err.path ??= path;
          throw err;
        }
      },
      through: (c) => (c.perStep ? (varying ? c.step : Infinity) : c.stageEnd),
    };
  } catch (err) {
    if (!(err instanceof ExpressionError)) throw err;
    issues.push({ code: err.code, path, message: err.message });
    return undefined;
  }
}

/**
 * The first run of steps whose values `problem` refuses, located: "must be < 1 at steps 301–305
 * (got 1.02 at step 301)". `constant`: the value is a plain number, named without steps.
 */
export function stepRangeIssue(
  values: Float64Array,
  startStep: Float64Array,
  endStep: Float64Array,
  count: number,
  path: Path,
  problem: (x: number) => string | undefined,
  constant = false,
): ConfigIssue | undefined {
  let i = 0;
  while (i < count && problem(values[i]) === undefined) i++;
  if (i === count) return undefined;
  const got = values[i];
  const what = problem(got)!;
  if (constant) return { code: 'too_small', path, message: `${what} (got ${got})` };
  let j = i;
  while (j + 1 < count && problem(values[j + 1]) !== undefined) j++;
  const message = startStep[i] === endStep[j] ? `${what} at step ${startStep[i]} (got ${got})` : `${what} at steps ${startStep[i]}–${endStep[j]} (got ${got} at step ${startStep[i]})`;
  return { code: 'out_of_range', path, message, step: startStep[i] };
}

/**
 * stepRangeIssue of values given per step (values[t − 1] at step t) against `bounds`: one pass of
 * comparisons, the arrays of steps made only when a value is refused.
 */
export function stepColumnIssue(values: Float64Array, path: Path, bounds: ValueBounds): ConfigIssue | undefined {
  const { min = -Infinity, max = Infinity, minExclusive = false, maxExclusive = false } = bounds;
  let i = 0;
  // The negated comparisons refuse NaN; ±∞ fail Number.isFinite.
  for (; i < values.length; i++) {
    const x = values[i];
    if (!Number.isFinite(x) || (minExclusive ? !(x > min) : !(x >= min)) || (maxExclusive ? !(x < max) : !(x <= max))) break;
  }
  if (i === values.length) return undefined;
  const steps = Float64Array.from({ length: values.length - i }, (_, j) => i + j + 1);
  return stepRangeIssue(values.subarray(i), steps, steps, steps.length, path, (x) => boundsProblem(x, bounds));
}

/** `lr`'s bound, per step: the first run of steps where it is negative or not finite, located. */
export function nonNegativeIssue(values: Float64Array, startStep: Float64Array, endStep: Float64Array, count: number, path: Path, constant: boolean): ConfigIssue | undefined {
  // The usual case (10⁶ per-step runs of a scheduler) in one pass of comparisons.
  let i = 0;
  while (i < count && Number.isFinite(values[i]) && values[i] >= 0) i++;
  if (i === count) return undefined;
  return stepRangeIssue(values, startStep, endStep, count, path, (x) => boundsProblem(x, { min: 0 }), constant);
}
