import type { BankTable, Filter, RationalTable, Schedule, StageTable } from '../types.js';
import { LIBRARY_VOCABULARY, type Vocabulary } from '../vocabulary.js';
import { bankIssues, firstOrderIssues, ownPartitionIssue, partitionIssues, rationalIssues, stageLengthIssue, stagePerStepIssue } from './checks.js';
import { ExpressionError } from './expression.js';
import { isReservedName } from './expression-functions.js';
import { gainOverflowIssues } from './gain-overflow.js';
import type { ConfigIssue, ConfigWarning } from './issues.js';
import { LIMITS } from './limits.js';
import { segmentOfStage } from './piecewise.js';
import { PRESETS, type Preset } from './presets/index.js';
import { NO_ARENA, type ResolveArena } from './resolve-arena.js';
import type { CustomMomentumConfig, ScheduleConfig } from './schema.js';
import { emptyTable, type Partition } from './stages.js';
import { forEachStage, STAGE_VARIABLES, type StageContext } from './stage-context.js';
import { constantExpressionWarnings, stageNames } from './resolve-warnings.js';
import { quoted } from '../util/excerpt.js';
import { stageAt } from '../filter/stage-filter.js';

type Path = (string | number)[];
type Evaluator = (ctx: StageContext, scope: Map<string, number>, stage: number) => number;

export interface ResolveOptions {
  /** The schedule's name (default: the config's `name`, else 'schedule'). */
  name?: string;
  /** Key path of the schedule in its document, prefixed to every issue's path (default: the root). */
  path?: Path;
  /** Accept stages with |u| ≥ 1 (marginal or unstable filters). */
  allowUnstable?: boolean;
  /** How messages name the knobs (default: the library's words). */
  vocabulary?: Vocabulary;
  /**
   * Arrays and caches reused from call to call (a sweep): the schedule is then valid only until the
   * next resolve on the same arena.
   */
  arena?: ResolveArena;
}

export type ResolveResult = { schedule?: Schedule; issues: ConfigIssue[]; warnings?: ConfigWarning[] };

/** What one kind of momentum gives: its stage table, and a bank or rational form beside it. */
type Made = { table: StageTable; bank?: BankTable; rational?: RationalTable } | { issues: ConfigIssue[] };

interface Context {
  config: ScheduleConfig;
  base: Path;
  mPath: Path;
  allowUnstable: boolean;
  vocabulary: Vocabulary;
  arena: ResolveArena;
  issues: ConfigIssue[];
  warnings: ConfigWarning[];
}

/**
 * A validated config → its schedule: the one resolver, used by parse (analyze, plot, simulate,
 * spectrum…) and by the sweep and tune on patched copies of a config. Issues: the partition checks
 * (stages vs stageLength and steps: a patched config was not re-validated), expressions that do not
 * compile or give NaN/∞, per-stage lists of the wrong length, non-finite coefficients and (unless
 * allowUnstable) unstable stages, each naming the stage and its steps, and gains that overflow.
 * Warnings: what resolves, but probably not as meant (an expression of t in a single stage), and
 * notes on a preset's own stage rule.
 */
export function resolveSchedule(config: ScheduleConfig, options: ResolveOptions = {}): ResolveResult {
  const base = options.path ?? [];
  const ctx: Context = {
    config,
    base,
    mPath: [...base, 'momentum'],
    allowUnstable: options.allowUnstable ?? false,
    vocabulary: options.vocabulary ?? LIBRARY_VOCABULARY,
    arena: options.arena ?? NO_ARENA,
    issues: [],
    warnings: [],
  };
  const conflicts = partitionIssues(config, base);
  if (conflicts.length > 0) return { issues: conflicts };
  const { momentum } = config;
  const preset = momentum.preset === undefined ? undefined : PRESETS.get(momentum.preset)!;
  const made = momentum.preset !== undefined ? presetFilter(preset!, momentum.params as never, ctx) : customFilter(momentum.custom, ctx);
  const { issues, warnings } = ctx;
  if ('issues' in made) return { issues: [...issues, ...made.issues], warnings };
  if (issues.length > 0) return { issues, warnings };
  const { table, bank, rational } = made;
  issues.push(...gainOverflowIssues({ stages: table, bank, rational }, momentum, ctx.mPath));
  if (issues.length > 0) return { issues, warnings };
  const filter: Filter = bank ? { kind: 'bank', bank } : rational ? { kind: 'rational', rational } : { kind: 'first-order', u: table.u, v: table.v };
  const firstStepCopy = momentum.preset !== undefined ? preset!.firstStepCopy : momentum.custom.firstStepCopy;
  const schedule: Schedule = { name: options.name ?? config.name ?? 'schedule', steps: config.steps, stages: table, firstStepCopy, source: momentum.preset ?? 'custom', filter };
  if (bank || rational) reportStages(schedule);
  if (config.lr !== undefined) schedule.lr = new Float64Array(table.count).fill(config.lr);
  return { schedule, issues, warnings };
}

/**
 * Fills the u and v columns of a bank or rational schedule's stage table with what stageAt reports
 * (the arrays stay for the readers of whole columns: plot bins and specs).
 */
function reportStages(schedule: Schedule): void {
  const { u, v } = schedule.stages;
  for (let k = 0; k < schedule.stages.count; k++) {
    const stage = stageAt(schedule, k);
    u[k] = stage.u;
    v[k] = stage.v;
  }
}

/** A preset's filter, by its kind. */
function presetFilter(preset: Preset, params: never, ctx: Context): Made {
  const { config, base, mPath } = ctx;
  switch (preset.kind) {
    case 'first-order': {
      const partition = partitionOf(ctx);
      if ('issue' in partition) return { issues: [partition.issue] };
      const table = ctx.arena.over(partition);
      const coefficients = preset.coefficients(params);
      forEachStage(partition, config.steps, (stage, i) => {
        const { u, v } = coefficients(stage);
        table.u[i] = u;
        table.v[i] = v;
      });
      return checkedFirstOrder(table, mPath, mPath, ctx);
    }
    case 'own-partition': {
      if (config.stageLength !== undefined) return { issues: [ownPartitionIssue(preset.name, base)] };
      const stages = config.stages ?? preset.defaults.stages;
      const table = preset.table(params, config.steps, stages, ctx.arena.table);
      if (typeof table === 'string') return { issues: [{ code: 'invalid_schedule', path: [...base, 'stages'], message: table }] };
      const note = preset.stageNote?.(params, config.steps, stages, table.count);
      if (note) ctx.warnings.push({ severity: 'note', code: 'stage_rule', path: [...base, config.stages === undefined ? 'momentum' : 'stages'], message: note });
      return checkedFirstOrder(table, mPath, mPath, ctx);
    }
    case 'bank': {
      const stages = config.stages ?? preset.defaults.stages;
      // Checked before the partition is made: adam-m over 10⁹ steps would allocate 16 GB first.
      if (preset.partition && preset.stageCount!(params, config.steps, stages) > LIMITS.maxStages) return { issues: [stagePerStepIssue(preset.name, config.steps, base)] };
      const partition = preset.partition ? preset.partition(config.steps, stages, params) : partitionOf(ctx);
      if ('issue' in partition) return { issues: [partition.issue] };
      const bank = preset.bank(params, partition, config.steps);
      if (typeof bank === 'string') return { issues: [{ code: 'invalid_schedule', path: mPath, message: bank }] };
      const issues = bankIssues(bank, partition, mPath, ctx.allowUnstable, ctx.vocabulary);
      return issues.length > 0 ? { issues } : { table: emptyTable(partition), bank };
    }
    case 'rational': {
      const partition = partitionOf(ctx);
      if ('issue' in partition) return { issues: [partition.issue] };
      const rational = preset.rational(params, partition);
      if (typeof rational === 'string') return { issues: [{ code: 'invalid_schedule', path: mPath, message: rational }] };
      const issues = rationalIssues(rational, partition, mPath, ctx.allowUnstable, ctx.vocabulary);
      return issues.length > 0 ? { issues } : { table: emptyTable(partition), rational };
    }
    default:
      return unknownKind(preset);
  }
}

function unknownKind(preset: never): never {
  throw new Error(`unknown preset kind: ${(preset as Preset).kind}`);
}

function checkedFirstOrder(table: StageTable, uPath: Path, vPath: Path, ctx: Context): Made {
  const issues = firstOrderIssues(table, uPath, vPath, ctx.allowUnstable, ctx.vocabulary);
  return issues.length > 0 ? { issues } : { table };
}

/** Custom u and v: numbers, expressions, per-stage lists or piecewise segments. */
function customFilter(custom: CustomMomentumConfig, ctx: Context): Made {
  const { config, mPath, issues } = ctx;
  const partition = partitionOf(ctx);
  if ('issue' in partition) return { issues: [partition.issue] };
  const table = ctx.arena.over(partition);
  const params = custom.params ?? {};
  for (const p of Object.keys(params)) {
    if ((STAGE_VARIABLES as readonly string[]).includes(p) || p === 'u') issues.push({ code: 'reserved_name', path: [...mPath, 'params', p], message: `${quoted(p)} is a built-in variable; choose another name` });
    else if (isReservedName(p)) issues.push({ code: 'reserved_name', path: [...mPath, 'params', p], message: `${quoted(p)} is the name of a function or constant in expressions; choose another name` });
  }
  const used = new Map<string, ReadonlySet<string>>();
  const uEval = evaluator(custom.u, [...mPath, 'u'], [...STAGE_VARIABLES, ...Object.keys(params)], table.count, issues, used, ctx.arena);
  const vEval = evaluator(custom.v, [...mPath, 'v'], [...STAGE_VARIABLES, ...Object.keys(params), 'u'], table.count, issues, used, ctx.arena);
  if (issues.length > 0 || !uEval || !vEval) return { issues: [] };
  const scope = new Map<string, number>(Object.entries(params));
  let stage = 0;
  try {
    forEachStage(partition, config.steps, (at, i) => {
      stage = i;
      for (const key of STAGE_VARIABLES) scope.set(key, at[key]);
      const u = uEval(at, scope, i);
      scope.set('u', u);
      table.u[i] = u;
      table.v[i] = vEval(at, scope, i);
    });
  } catch (err) {
    if (!(err instanceof ExpressionError)) throw err;
    return { issues: [{ code: err.code, path: err.path ?? mPath, message: `${err.message} in ${stageNames(table, [stage])}` }] };
  }
  ctx.warnings.push(...constantExpressionWarnings(table.count, used));
  return checkedFirstOrder(table, coefficientPath(custom, mPath, 'u'), coefficientPath(custom, mPath, 'v'), ctx);
}

/** The schedule's own partition: stageLength, else stages (default 1). */
function partitionOf(ctx: Context): Partition | { issue: ConfigIssue } {
  const { config } = ctx;
  if (config.stageLength !== undefined) {
    const issue = stageLengthIssue(config.steps, config.stageLength, ctx.base);
    if (issue) return { issue };
  }
  return ctx.arena.partition(config.steps, config.stages, config.stageLength);
}

/** A coefficient (number, expression, per-stage list or piecewise segments) → per-stage evaluator. */
function evaluator(
  coef: CustomMomentumConfig['u'],
  path: Path,
  variables: string[],
  count: number,
  issues: ConfigIssue[],
  used: Map<string, ReadonlySet<string>>,
  arena: ResolveArena,
): Evaluator | undefined {
  const vars = new Set(variables);
  const scalar = (value: number | string, at: Path): ((scope: Map<string, number>) => number) | undefined => {
    if (typeof value === 'number') return () => value;
    try {
      const f = arena.expression(value, vars);
      used.set(JSON.stringify(at), f.variables);
      return (scope) => {
        try {
          return f.evaluate(scope);
        } catch (err) {
          if (err instanceof ExpressionError) err.path ??= at;
          throw err;
        }
      };
    } catch (err) {
      if (!(err instanceof ExpressionError)) throw err;
      issues.push({ code: err.code, path: at, message: err.message });
      return undefined;
    }
  };
  if (typeof coef === 'number' || typeof coef === 'string') {
    const f = scalar(coef, path);
    return f && ((_ctx, scope) => f(scope));
  }
  if (Array.isArray(coef)) {
    if (coef.length !== count) {
      issues.push({ code: 'length_mismatch', path, message: `needs one value per stage: ${count} values`, received: coef });
      return undefined;
    }
    const fs = coef.map((c, i) => scalar(c, [...path, i]));
    if (fs.some((f) => !f)) return undefined;
    return (_ctx, scope, stage) => fs[stage]!(scope);
  }
  const segments = coef.piecewise;
  if (segments[0].from !== 1) issues.push({ code: 'piecewise', path: [...path, 'piecewise', 0, 'from'], message: 'the first segment must start at step 1', received: segments[0].from });
  for (let j = 1; j < segments.length; j++) {
    if (segments[j].from <= segments[j - 1].from) {
      issues.push({ code: 'piecewise', path: [...path, 'piecewise', j, 'from'], message: `segments must start at increasing steps (previous: ${segments[j - 1].from})`, received: segments[j].from });
    }
  }
  const fs = segments.map((s, j) => scalar(s.value, [...path, 'piecewise', j, 'value']));
  if (fs.some((f) => !f)) return undefined;
  const froms = Float64Array.from(segments, (s) => s.from);
  // ctx.t + ctx.delta − 1 is the stage's last step: a segment applies from the stage containing its from step.
  return (ctx, scope) => fs[segmentOfStage(froms, ctx.t + ctx.delta - 1)]!(scope);
}

function coefficientPath(custom: CustomMomentumConfig, mPath: Path, key: 'u' | 'v'): Path {
  return [...mPath, key];
}
