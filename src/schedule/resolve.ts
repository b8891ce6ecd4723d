import type { z } from 'zod';
import { emptyBank } from '../filter/bank-table.js';
import type { BankTable, Filter, RationalTable, Schedule, StageTable } from '../types.js';
import { LIBRARY_VOCABULARY, type Vocabulary } from '../vocabulary.js';
import { bankIssues, firstOrderIssues, ownPartitionIssue, partitionIssues, rationalIssues, stageLengthIssue, stagePerStepIssue } from './checks.js';
import { ExpressionError } from './expression.js';
import { isReservedName } from './expression-functions.js';
import { firstOrderStableAndBounded, gainOverflowIssues, updateGainOverflowIssues } from './gain-overflow.js';
import type { ConfigIssue, ConfigWarning } from './issues.js';
import { LIMITS } from './limits.js';
import { stageSteps } from './resolve-warnings.js';
import { BufferedRuns, MomentumBuffer } from './momentum-buffer.js';
import { PRESETS, type Preset } from './presets/index.js';
import { scheduledKeys } from './presets/preset.js';
import { ColumnRuns, NO_ARENA, type ResolveArena } from './resolve-arena.js';
import { compileValue, isTable, nonNegativeIssue, perStepStream, stepColumnIssue, stepRangeIssue, type CompiledValue, type CompileValueOptions, type ExpressionUse, type ScheduleValueConfig } from './schedule-value.js';
import { boundsProblem, scheduledBounds, type ValueBounds } from './value-schema.js';
import { evaluatesPerStep } from './stage-table-cost.js';
import type { CustomMomentumConfig, ScheduleConfig } from './schema.js';
import { emptyTable, type Partition } from './stages.js';
import { setStageVariables, STAGE_VARIABLES, walkRuns, type Cursor, type StageContext, type ValueStream } from './stage-context.js';
import { stepColumns, stepRuns } from './step-columns.js';
import { expressionWarnings } from './resolve-warnings.js';
import { quoted } from '../util/excerpt.js';
import { stageAt } from '../filter/stage-filter.js';

type Path = (string | number)[];

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
type Made = { table: StageTable; bank?: BankTable; rational?: RationalTable; lr?: Float64Array; bounded?: boolean } | { issues: ConfigIssue[] };

interface Context {
  config: ScheduleConfig;
  base: Path;
  mPath: Path;
  allowUnstable: boolean;
  vocabulary: Vocabulary;
  arena: ResolveArena;
  issues: ConfigIssue[];
  warnings: ConfigWarning[];
  /** `stages` or `stageLength` is given: values are evaluated per stage of that partition. */
  explicit: boolean;
  /** No partition is given and a value reads the step: values are evaluated at every step. */
  perStep: boolean;
  /** Each expression's key path and the variables it reads, for warnings. */
  used: ExpressionUse[];
  /** The compiled learning rate, once lrStream has run (null: it did not compile). */
  lr?: CompiledValue | null;
  /** A preset's one parameter that makes u (its uKey), where stability messages point. */
  uPath?: Path;
}

/**
 * A validated config → its schedule: the one resolver, used by parse (analyze, plot, simulate,
 * spectrum…) and by the sweep and tune on patched copies of a config. Issues: the partition checks
 * (stages vs stageLength and steps: a patched config was not re-validated), expressions that do not
 * compile or give NaN/∞, per-stage lists of the wrong length, non-finite coefficients and (unless
 * allowUnstable) unstable stages, each naming the stage and its steps, a negative learning rate
 * naming its steps, and gains that overflow. Warnings: what resolves, but probably not as meant (an
 * expression of t under an explicit single stage), and notes on a preset's own stage rule.
 *
 * Values are evaluated per stage of `stages`/`stageLength` when given; without them, per step when
 * any value reads the step (t, p, piecewise segments, a step-dependent preset), else once. Per step,
 * stages are the runs of equal coefficients and learning rate (walkRuns, stage-context.ts).
 */
export function resolveSchedule(config: ScheduleConfig, options: ResolveOptions = {}): ResolveResult {
  const base = options.path ?? [];
  const { momentum } = config;
  const preset = momentum.preset === undefined ? undefined : PRESETS.get(momentum.preset)!;
  const custom = momentum.preset === undefined ? momentum.custom : undefined;
  const params = (momentum.preset !== undefined ? momentum.params : {}) as never;
  const explicit = config.stages !== undefined || config.stageLength !== undefined;
  const ctx: Context = {
    config,
    base,
    mPath: [...base, 'momentum'],
    allowUnstable: options.allowUnstable ?? false,
    vocabulary: options.vocabulary ?? LIBRARY_VOCABULARY,
    arena: options.arena ?? NO_ARENA,
    issues: [],
    warnings: [],
    explicit,
    perStep: evaluatesPerStep(config),
    used: [],
  };
  const conflicts = partitionIssues(config, base);
  if (conflicts.length > 0) return { issues: conflicts };
  const made = custom ? customFilter(custom, ctx) : presetFilter(preset!, params, ctx);
  const { issues, warnings } = ctx;
  if ('issues' in made) return { issues: [...issues, ...made.issues], warnings };
  if (issues.length > 0) return { issues, warnings };
  const { table, bank, rational, lr } = made;
  if (!made.bounded) issues.push(...gainOverflowIssues({ stages: table, bank, rational }, momentum, ctx.mPath));
  if (lr && issues.length === 0) issues.push(...updateGainOverflowIssues({ stages: table, bank, rational }, lr, [...base, 'lr']));
  if (issues.length > 0) return { issues, warnings };
  warnings.push(...expressionWarnings(config, ctx.perStep, ctx.used));
  const filter: Filter = bank ? { kind: 'bank', bank } : rational ? { kind: 'rational', rational } : { kind: 'first-order', u: table.u, v: table.v };
  const firstStepCopy = custom ? custom.firstStepCopy : preset!.firstStepCopy;
  const schedule: Schedule = { name: options.name ?? config.name ?? 'schedule', steps: config.steps, stages: table, firstStepCopy, source: momentum.preset ?? 'custom', filter };
  if (bank || rational) reportStages(schedule);
  if (lr) schedule.lr = lr;
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
  const uKey = preset.kind === 'first-order' ? (preset.uKey ?? preset.momentumParam) : undefined;
  if (uKey) ctx.uPath = [...mPath, uKey];
  const cycled = cycledMomentum(preset, params, ctx);
  if (cycled && 'issues' in cycled) return cycled;
  if ((preset.kind === 'first-order' || preset.kind === 'bank') && (cycled || scheduledKeys(preset, params).length > 0)) return scheduledPreset(preset, params, ctx, cycled);
  switch (preset.kind) {
    case 'first-order': {
      const partition = partitionOf(ctx);
      if ('issue' in partition) return { issues: [partition.issue] };
      const lr = lrStream(ctx, partition);
      if (lr === null) return { issues: [] };
      const coefficients = preset.coefficients(params);
      const own = presetStream(preset, params);
      const budget = perStepBudgetIssue(ctx, [[own, mPath], ...(lr ? [[lr, lrPath(ctx)] as const] : [])]);
      if (budget) return { issues: [budget] };
      return firstOrderRuns(partition, [own, ...(lr ? [lr] : [])], lr, undefined, (c, _scope, out) => {
        const { u, v } = coefficients(c.ctx);
        out.u = u;
        out.v = v;
      }, mPath, mPath, ctx);
    }
    case 'own-partition': {
      if (config.stageLength !== undefined) return { issues: [ownPartitionIssue(preset.name, base)] };
      const stages = config.stages ?? preset.defaults.stages;
      const lrConfig = config.lr;
      const table = preset.table(params, config.steps, stages, lrConfig === undefined ? ctx.arena.table : undefined);
      if (typeof table === 'string') return { issues: [{ code: 'invalid_schedule', path: [...base, 'stages'], message: table }] };
      const note = preset.stageNote?.(params, config.steps, stages, table.count);
      if (note) ctx.warnings.push({ severity: 'note', code: 'stage_rule', path: [...base, config.stages === undefined ? 'momentum' : 'stages'], message: note });
      const lr = lrStream(ctx, table);
      if (lr === null) return { issues: [] };
      if (!lr) return checkedFirstOrder(table, mPath, mPath, ctx);
      const budget = perStepBudgetIssue(ctx, [[lr, lrPath(ctx)]]);
      if (budget) return { issues: [budget] };
      return firstOrderRuns(table, [lr], lr, undefined, (c, _scope, out) => {
        out.u = table.u[c.stage];
        out.v = table.v[c.stage];
      }, mPath, mPath, ctx, NO_ARENA);
    }
    case 'bank': {
      const stages = config.stages ?? preset.defaults.stages;
      // Checked before the partition is made: adam-m over 10⁹ steps would allocate 16 GB first.
      if (preset.partition && preset.stageCount!(params, config.steps, stages) > LIMITS.maxStages) return { issues: [stagePerStepIssue(preset.name, config.steps, base)] };
      const partition = preset.partition ? preset.partition(config.steps, stages, params) : partitionOf(ctx);
      if ('issue' in partition) return { issues: [partition.issue] };
      const lr = lrStream(ctx, partition);
      if (lr === null) return { issues: [] };
      const bank = preset.bank(params, partition, config.steps);
      if (typeof bank === 'string') return { issues: [{ code: 'invalid_schedule', path: mPath, message: bank }] };
      const issues = bankIssues(bank, partition, mPath, ctx.allowUnstable, ctx.vocabulary, preset.branchKey);
      if (issues.length > 0) return { issues };
      if (!lr) return { table: emptyTable(partition), bank };
      const runs = learningRateRuns(partition, lr, ctx);
      if ('issues' in runs) return runs;
      return { table: emptyTable(runs.partition), bank: expandBank(bank, runs.stage), lr: runs.lr };
    }
    case 'rational': {
      const partition = partitionOf(ctx);
      if ('issue' in partition) return { issues: [partition.issue] };
      const lr = lrStream(ctx, partition);
      if (lr === null) return { issues: [] };
      const rational = preset.rational(params, partition);
      if (typeof rational === 'string') return { issues: [{ code: 'invalid_schedule', path: mPath, message: rational }] };
      const issues = rationalIssues(rational, partition, mPath, ctx.allowUnstable, ctx.vocabulary);
      if (issues.length > 0) return { issues };
      if (!lr) return { table: emptyTable(partition), rational };
      const runs = learningRateRuns(partition, lr, ctx);
      if ('issues' in runs) return runs;
      return { table: emptyTable(runs.partition), rational: expandRational(rational, runs.stage), lr: runs.lr };
    }
    default:
      return unknownKind(preset);
  }
}

/** What the cursor asks of a preset's own coefficients: a step-dependent one (paper-*-increasing) changes with every step it is evaluated at. */
function presetStream(preset: Preset, params: never): CompiledValue {
  const everyStep = preset.stepDependent?.(params) ?? false;
  return { everyStep, readsScope: false, at: () => 0, through: (c) => (c.perStep && everyStep ? c.step : Infinity) };
}

/**
 * A first-order or bank preset with scheduled parameters: the cursor walks the runs over which every
 * parameter (and lr) keeps its value, each value is checked against the parameter's bounds at every
 * step, and the preset makes its coefficients from the current values: a first-order preset per run
 * (with the cursor's variables; runs merge only where u and v stay too), a bank from one value per run
 * of each parameter (its own partition, adam-m's and nadam's one step per stage, stays a hard boundary).
 */
function scheduledPreset(preset: Preset & { kind: 'first-order' | 'bank' }, params: Record<string, unknown>, ctx: Context, cycled?: CompiledValue): Made {
  const { config, mPath } = ctx;
  const shape = preset.params.shape as Record<string, z.ZodType>;
  const stages = config.stages ?? preset.defaults.stages;
  if (preset.kind === 'bank' && preset.partition && preset.stageCount!(params as never, config.steps, stages) > LIMITS.maxStages) return { issues: [stagePerStepIssue(preset.name, config.steps, ctx.base)] };
  const hard = preset.kind === 'bank' && preset.partition ? preset.partition(config.steps, stages, params as never) : partitionOf(ctx);
  if ('issue' in hard) return { issues: [hard.issue] };
  const keys = scheduledKeys(preset, params);
  if (cycled) keys.push(preset.momentumParam!);
  const options = { variables: new Set<string>(STAGE_VARIABLES), stages: ctx.explicit ? hard.count : undefined, arena: ctx.arena, used: ctx.used, steps: config.steps };
  const streams = keys.map((key) => (cycled && key === preset.momentumParam ? cycled : resolvedValue(params[key] as ScheduleValueConfig, [...mPath, key], options, ctx.issues, ctx.perStep)));
  const lr = lrStream(ctx, hard);
  if (ctx.issues.length > 0 || streams.some((s) => !s) || lr === null) return { issues: [] };
  const all = [...(streams as CompiledValue[]), ...(lr ? [lr] : [])];
  const paths = [...keys.map((key) => [...mPath, key]), ...(lr ? [lrPath(ctx)] : [])];
  // A first-order preset's u and v are two more columns, made in the walk from the current values.
  const firstOrder = preset.kind === 'first-order' ? preset : undefined;
  const walked = firstOrder ? [...all, presetStream(preset, params as never)] : all;
  const budget = perStepBudgetIssue(ctx, walked.map((s, i) => [s, paths[i] ?? mPath] as const));
  if (budget) return { issues: [budget] };
  if (ctx.perStep) return perStepPreset(preset, params, keys, all, lr !== undefined, hard, ctx);
  const width = all.length + (firstOrder ? 2 : 0);
  const runs = new ColumnRuns(width, hard.count);
  const row = new Float64Array(width);
  const scope = new Map<string, number>();
  const fill = all.some((s) => s.readsScope);
  const current: Record<string, unknown> = { ...params };
  // torch's buffer: created at the first step with momentum ≠ 0, a copy of g (momentum-buffer.ts).
  const buffered = preset.firstStepCopy && preset.momentumParam !== undefined ? keys.indexOf(preset.momentumParam) : -1;
  const buffer = buffered >= 0 ? new MomentumBuffer() : undefined;
  const placed = new BufferedRuns(runs, buffer, firstOrder ? all.length : undefined);
  try {
    walkRuns(hard, config.steps, false, walked, (c, end, first) => {
      if (fill) setStageVariables(scope, c.ctx);
      for (let j = 0; j < all.length; j++) row[j] = all[j].at(c, scope);
      if (firstOrder) {
        keys.forEach((key, j) => (current[key] = row[j]));
        const { u, v } = firstOrder.coefficients(current as never)(c.ctx);
        row[all.length] = u;
        row[all.length + 1] = v;
      }
      placed.add(c.step, end, first, row, buffered >= 0 ? row[buffered] : 0);
    });
  } catch (err) {
    return expressionIssues(err, mPath);
  }
  const { count } = runs;
  const partition: Partition = { count, startStep: runs.startStep.slice(0, count), endStep: runs.endStep.slice(0, count) };
  const columns = Array.from({ length: width }, (_, j) => runs.column(j));
  const issues = boundsIssues(shape, keys, columns, (values, path, bounds) => stepRangeIssue(values, partition.startStep, partition.endStep, count, path, (x) => boundsProblem(x, bounds)), mPath);
  const bufferIssue = buffer?.issue(paths[buffered]);
  if (bufferIssue) issues.push(bufferIssue);
  if (issues.length > 0) return { issues };
  const rate = lr ? columns[keys.length] : undefined;
  if (preset.kind === 'bank') return scheduledBank(preset, params, keys, columns, partition, rate, ctx, placed.copySteps);
  const table: StageTable = { ...partition, u: columns[all.length], v: columns[all.length + 1] };
  return checkedFirstOrder(table, mPath, mPath, ctx, rate);
}

/** The buffer copies g at each of `steps` (each a stage of its own): u = 0, v = 1 in every branch. */
function copyStages(bank: BankTable, startStep: Float64Array, steps: readonly number[]): void {
  const B = bank.branches;
  for (const step of steps) {
    const r = startStep.indexOf(step);
    for (let i = 0; i < B; i++) {
      bank.u[r * B + i] = 0;
      bank.v[r * B + i] = 1;
    }
  }
}

/**
 * scheduledPreset evaluated at every step (no stages or stageLength): the parameters and lr as
 * per-step arrays (stepColumns; a scheduler's run, or a column the arena's memo kept, as it is),
 * then one pass over their runs of equal values within the hard partition (every step of them for
 * a step-dependent preset): each parameter's values checked against its bounds, a first-order
 * preset's u and v made where a parameter changes, and the stages built as the runs of equal
 * coefficients and lr (a bank: of equal parameters and lr), torch's buffer copy placed among them by
 * BufferedRuns as in the stage walk. A step that changes nothing costs one comparison per column.
 */
function perStepPreset(preset: Preset & { kind: 'first-order' | 'bank' }, params: Record<string, unknown>, keys: string[], all: CompiledValue[], withLr: boolean, hard: Partition, ctx: Context): Made {
  const { config, mPath } = ctx;
  const steps = config.steps;
  let columns: Float64Array[];
  try {
    columns = stepColumns(all, hard, steps);
  } catch (err) {
    return expressionIssues(err, mPath);
  }
  const shape = preset.params.shape as Record<string, z.ZodType>;
  const bounds = keys.map((key) => scheduledBounds(shape[key])!);
  const rate = withLr ? columns[keys.length] : undefined;
  const buffered = preset.firstStepCopy && preset.momentumParam !== undefined ? keys.indexOf(preset.momentumParam) : -1;
  const momentum = buffered >= 0 ? columns[buffered] : undefined;
  const buffer = momentum ? new MomentumBuffer() : undefined;
  const firstOrder = preset.kind === 'first-order' ? preset : undefined;
  // Runs of equal parameters and lr: nothing a stage is made of changes inside one.
  const runs = stepRuns(columns, hard, steps);
  const width = firstOrder ? (rate ? 3 : 2) : columns.length;
  const placed = new BufferedRuns(new ColumnRuns(width, runs.count), buffer, firstOrder ? 0 : undefined);
  const row = new Float64Array(width);
  const everyStep = firstOrder?.stepDependent?.(params as never) ?? false;
  const current: Record<string, unknown> = { ...params };
  const stage: StageContext = { k: 0, N: steps, t: 1, T: steps, p: 1 / steps, delta: 1 };
  let made = { u: 0, v: 0 };
  let s = 0;
  for (let r = 0; r < runs.count; r++) {
    const start = runs.startStep[r];
    const end = runs.endStep[r];
    // Every value a parameter takes is its value at some run's first step.
    for (let j = 0; j < keys.length; j++) if (boundsProblem(columns[j][start - 1], bounds[j]) !== undefined) return perStepIssues(keys, columns, bounds, buffered, mPath);
    const first = s < hard.count && hard.startStep[s] === start;
    if (first) s++;
    if (!firstOrder) {
      for (let j = 0; j < width; j++) row[j] = columns[j][start - 1];
      placed.add(start, end, first, row, momentum ? momentum[start - 1] : 0);
      continue;
    }
    for (let t = start; t <= end; t = everyStep ? t + 1 : end + 1) {
      let changed = t === 1 || everyStep;
      for (let j = 0; j < keys.length && !changed; j++) changed = !Object.is(columns[j][t - 1], columns[j][t - 2]);
      if (changed) {
        for (let j = 0; j < keys.length; j++) current[keys[j]] = columns[j][t - 1];
        stage.k = t - 1;
        stage.t = t;
        stage.p = t / steps;
        made = firstOrder.coefficients(current as never)(stage);
      }
      row[0] = made.u;
      row[1] = made.v;
      if (rate) row[2] = rate[t - 1];
      placed.add(t, everyStep ? t : end, first && t === start, row, momentum ? momentum[t - 1] : 0);
    }
  }
  const bufferIssue = buffer?.issue([...mPath, keys[buffered]]);
  if (bufferIssue) return { issues: [bufferIssue] };
  const built = placed.runs;
  const { count } = built;
  const whole = count === built.startStep.length;
  const partition: Partition = { count, startStep: whole ? built.startStep : built.startStep.slice(0, count), endStep: whole ? built.endStep : built.endStep.slice(0, count) };
  if (!firstOrder) {
    const perRun = Array.from({ length: width }, (_, j) => built.column(j));
    return scheduledBank(preset as Preset & { kind: 'bank' }, params, keys, perRun.slice(0, keys.length), partition, rate && perRun[keys.length], ctx, placed.copySteps);
  }
  const table: StageTable = { ...partition, u: built.column(0), v: built.column(1) };
  return checkedFirstOrder(table, mPath, mPath, ctx, rate && built.column(2));
}

/**
 * The issues of per-step parameters of which some value is out of bounds: each parameter's first run
 * of refused steps, and a momentum back to 0 after torch created its buffer.
 */
function perStepIssues(keys: string[], columns: Float64Array[], bounds: ValueBounds[], buffered: number, mPath: Path): Made {
  const issues: ConfigIssue[] = [];
  keys.forEach((key, j) => {
    const issue = stepColumnIssue(columns[j], [...mPath, key], bounds[j]);
    if (issue) issues.push(issue);
  });
  if (buffered >= 0) {
    const buffer = new MomentumBuffer();
    const momentum = columns[buffered];
    for (let t = 1; t <= momentum.length; t++) if (t === 1 || !Object.is(momentum[t - 1], momentum[t - 2])) buffer.visit(t, momentum[t - 1]);
    const bufferIssue = buffer.issue([...mPath, keys[buffered]]);
    if (bufferIssue) issues.push(bufferIssue);
  }
  return { issues };
}

/** Each scheduled parameter's column checked against the parameter's bounds by `check` (per run or per step). */
function boundsIssues(
  shape: Record<string, z.ZodType>,
  keys: string[],
  columns: Float64Array[],
  check: (values: Float64Array, path: Path, bounds: ValueBounds) => ConfigIssue | undefined,
  mPath: Path,
): ConfigIssue[] {
  const issues: ConfigIssue[] = [];
  keys.forEach((key, j) => {
    const issue = check(columns[j], [...mPath, key], scheduledBounds(shape[key])!);
    if (issue) issues.push(issue);
  });
  return issues;
}

/** A bank preset from one value per run of each scheduled parameter (`columns`, in `keys` order), checked, with lr per run. */
function scheduledBank(preset: Preset & { kind: 'bank' }, params: Record<string, unknown>, keys: string[], columns: Float64Array[], partition: Partition, rate: Float64Array | undefined, ctx: Context, copySteps: readonly number[]): Made {
  const { mPath } = ctx;
  const perStage: Record<string, unknown> = { ...params };
  keys.forEach((key, j) => (perStage[key] = columns[j]));
  const bank = preset.bank(perStage as never, partition, ctx.config.steps);
  if (typeof bank === 'string') return { issues: [{ code: 'invalid_schedule', path: mPath, message: bank }] };
  copyStages(bank, partition.startStep, copySteps);
  const bankProblems = bankIssues(bank, partition, mPath, ctx.allowUnstable, ctx.vocabulary, preset.branchKey);
  if (bankProblems.length > 0) return { issues: bankProblems };
  const lrProblem = rate && nonNegativeIssue(rate, partition.startStep, partition.endStep, partition.count, lrPath(ctx), false);
  return lrProblem ? { issues: [lrProblem] } : { table: emptyTable(partition), bank, lr: rate };
}

/** An expression that failed while evaluated, as the issue at its key path; anything else is rethrown. */
function expressionIssues(err: unknown, mPath: Path): Made {
  if (!(err instanceof ExpressionError)) throw err;
  return { issues: [{ code: err.code, path: err.path ?? mPath, message: err.message }] };
}

function unknownKind(preset: never): never {
  throw new Error(`unknown preset kind: ${(preset as Preset).kind}`);
}

function checkedFirstOrder(table: StageTable, uPath: Path, vPath: Path, ctx: Context, lr?: Float64Array): Made {
  // The usual case in one pass: stable, finite and far from overflow (no stage issue, no gain issue).
  const bounded = firstOrderStableAndBounded(table);
  const issues = bounded ? [] : firstOrderIssues(table, ctx.uPath ?? uPath, vPath, ctx.allowUnstable, ctx.vocabulary);
  const rate = lr && nonNegativeIssue(lr, table.startStep, table.endStep, table.count, lrPath(ctx), typeof ctx.config.lr === 'number');
  if (rate) issues.push(rate);
  return issues.length > 0 ? { issues } : { table, lr, bounded };
}

/** Custom u and v: numbers, expressions, per-stage lists or piecewise segments. */
function customFilter(custom: CustomMomentumConfig, ctx: Context): Made {
  const { mPath, issues } = ctx;
  const partition = partitionOf(ctx);
  if ('issue' in partition) return { issues: [partition.issue] };
  const cycled = cycledMomentum(undefined, {}, ctx);
  if (cycled && 'issues' in cycled) return cycled;
  const params = custom.params ?? {};
  for (const p of Object.keys(params)) {
    if ((STAGE_VARIABLES as readonly string[]).includes(p) || p === 'u') issues.push({ code: 'reserved_name', path: [...mPath, 'params', p], message: `${quoted(p)} is a built-in variable; choose another name` });
    else if (isReservedName(p)) issues.push({ code: 'reserved_name', path: [...mPath, 'params', p], message: `${quoted(p)} is the name of a function or constant in expressions; choose another name` });
  }
  const names = [...STAGE_VARIABLES, ...Object.keys(params)];
  const stages = ctx.explicit ? partition.count : undefined;
  const steps = ctx.config.steps;
  const u = compileValue(custom.u, [...mPath, 'u'], { variables: new Set(names), stages, arena: ctx.arena, used: ctx.used, steps }, issues);
  const v = compileValue(custom.v, [...mPath, 'v'], { variables: new Set([...names, 'u']), stages, arena: ctx.arena, used: ctx.used, steps }, issues);
  const lr = lrStream(ctx, partition);
  if (issues.length > 0 || !u || !v || lr === null) return { issues: [] };
  const budget = perStepBudgetIssue(ctx, [[u, [...mPath, 'u']], [v, [...mPath, 'v']], ...(lr ? [[lr, lrPath(ctx)] as const] : [])]);
  if (budget) return { issues: [budget] };
  const scope = new Map<string, number>(Object.entries(params));
  return firstOrderRuns(partition, lr ? [u, v, lr] : [u, v], lr, scope, (c, at, out) => {
    out.u = u.at(c, at);
    at.set('u', out.u);
    out.v = v.at(c, at);
  }, [...mPath, 'u'], [...mPath, 'v'], ctx);
}

/**
 * First-order stages from the step cursor: `coefficients` writes the run's u and v (and lr is
 * evaluated beside them); per step, equal consecutive runs merge. `scope`: the expression scope
 * `coefficients` reads (its params), undefined when it reads none. Expression errors name the stage
 * (per stage) or the step (per step) they happened at.
 */
function firstOrderRuns(
  partition: Partition,
  streams: ValueStream[],
  lr: CompiledValue | undefined,
  scope: Map<string, number> | undefined,
  coefficients: (c: Cursor, scope: Map<string, number>, out: { u: number; v: number }) => void,
  uPath: Path,
  vPath: Path,
  ctx: Context,
  arena: ResolveArena = ctx.arena,
): Made {
  const runs = arena.runs(ctx.perStep ? 64 : partition.count, lr !== undefined);
  const out = { u: 0, v: 0 };
  // Filling the scope costs more than a preset's coefficients: only when an expression reads it.
  const fill = scope !== undefined || (lr?.readsScope ?? false);
  const variables = scope ?? new Map<string, number>();
  let at: Cursor | undefined;
  try {
    walkRuns(partition, ctx.config.steps, ctx.perStep, streams, (c, end, first) => {
      at = c;
      if (fill) setStageVariables(variables, c.ctx);
      coefficients(c, variables, out);
      runs.add(c.step, end, first, out.u, out.v, lr ? lr.at(c, variables) : 0);
    });
  } catch (err) {
    if (!(err instanceof ExpressionError)) throw err;
    // The cursor stands where the expression failed: walkRuns stops there.
    const where = !at ? '' : ctx.perStep ? `step ${at.step}` : stageSteps(at.stage, partition.startStep[at.stage], partition.endStep[at.stage]);
    return { issues: [{ code: err.code, path: err.path ?? ctx.mPath, message: `${err.message} ${ctx.perStep ? 'at' : 'in'} ${where}` }] };
  }
  return checkedFirstOrder(runs.table, uPath, vPath, ctx, runs.lr);
}

/** The runs of a learning rate over a bank's or rational filter's stages (their rows copied per run). */
function learningRateRuns(partition: Partition, lr: CompiledValue, ctx: Context): { partition: Partition; stage: Float64Array; lr: Float64Array } | { issues: ConfigIssue[] } {
  const budget = perStepBudgetIssue(ctx, [[lr, lrPath(ctx)]]);
  if (budget) return { issues: [budget] };
  const made = firstOrderRuns(partition, [lr], lr, undefined, (_c, _scope, out) => {
    out.u = 0;
    out.v = 0;
  }, ctx.mPath, ctx.mPath, ctx, NO_ARENA);
  if ('issues' in made) return made;
  const { table } = made;
  const count = table.count;
  const stage = new Float64Array(count);
  // Which stage of `partition` each run lies in: runs never cross its boundaries.
  for (let r = 0, s = 0; r < count; r++) {
    while (partition.endStep[s] < table.startStep[r]) s++;
    stage[r] = s;
  }
  return { partition: { count, startStep: table.startStep.slice(0, count), endStep: table.endStep.slice(0, count) }, stage, lr: made.lr!.slice(0, count) };
}

/** The bank's rows repeated per run: run r takes the row of stage stage[r]. */
function expandBank(bank: BankTable, stage: Float64Array): BankTable {
  const B = bank.branches;
  const out = emptyBank(stage.length, B);
  for (let r = 0; r < stage.length; r++) {
    const k = stage[r];
    out.c0[r] = bank.c0[k];
    for (let i = 0; i < B; i++) {
      out.c[r * B + i] = bank.c[k * B + i];
      out.u[r * B + i] = bank.u[k * B + i];
      out.v[r * B + i] = bank.v[k * B + i];
    }
  }
  return out;
}

/** The rational filter's rows repeated per run. */
function expandRational(rational: RationalTable, stage: Float64Array): RationalTable {
  const { nb, na } = rational;
  const b = new Float64Array(stage.length * nb);
  const a = new Float64Array(stage.length * na);
  for (let r = 0; r < stage.length; r++) {
    b.set(rational.b.subarray(stage[r] * nb, (stage[r] + 1) * nb), r * nb);
    a.set(rational.a.subarray(stage[r] * na, (stage[r] + 1) * na), r * na);
  }
  return { nb, na, b, a };
}

function lrPath(ctx: Context): Path {
  return [...ctx.base, 'lr'];
}

/**
 * The learning rate's stream: undefined without `lr`, null when it does not compile (issues pushed).
 * Compiled once per resolve (a scheduler runs once): `partition` gives a per-stage list its length.
 */
function lrStream(ctx: Context, partition: Partition): CompiledValue | undefined | null {
  const { lr } = ctx.config;
  if (lr === undefined) return undefined;
  if (ctx.lr === undefined) {
    const options = { variables: new Set<string>(STAGE_VARIABLES), stages: ctx.explicit ? partition.count : undefined, arena: ctx.arena, used: ctx.used, steps: ctx.config.steps, cyclesMomentum: true };
    ctx.lr = resolvedValue(lr, lrPath(ctx), options, ctx.issues, ctx.perStep) ?? null;
  }
  return ctx.lr;
}

/**
 * compileValue through the arena's memo of resolved values (ResolveArena.values, a sweep's): a value
 * whose source, step count and partition are those of an earlier resolve is that resolve's, made
 * once (a scheduler's run, a table's checks, an expression's compilation); with `perStep` (values
 * evaluated at every step), an expression of the step is also evaluated once at every step, and
 * read from that column after. Without a memo it is compileValue. The value's expressions are
 * recorded in `options.used` and its problems pushed to `issues` as compileValue does (a value with
 * problems is not kept: it is made again, with its issues, at the next resolve).
 *
 * Only for values whose expressions read the stage variables alone (lr, a preset's parameters):
 * their per-step values then depend on the step and the run's length only.
 */
function resolvedValue(value: ScheduleValueConfig, path: Path, options: CompileValueOptions, issues: ConfigIssue[], perStep: boolean): CompiledValue | undefined {
  const memo = options.arena.values;
  if (!memo) return compileValue(value, path, options, issues);
  const key = [...sourceKey(value), options.steps, options.stages, perStep, options.cyclesMomentum === true, [...options.variables].join(',')];
  let made = false;
  const entry = memo.get(JSON.stringify(path), key, () => {
    made = true;
    const used = options.used.length;
    const stream = compileValue(value, path, options, issues);
    return stream && { stream: perStep ? stepColumnStream(stream, options.steps) : stream, used: options.used.slice(used) };
  });
  if (entry && !made) options.used.push(...entry.used);
  return entry?.stream;
}

/** What a value's resolution depends on in the value itself: its text or JSON, a table by its array (a table is never patched: config-path.ts). */
function sourceKey(value: ScheduleValueConfig): unknown[] {
  if (typeof value === 'number' || typeof value === 'string') return [value];
  if (isTable(value)) return [value.table, value.column, value.source];
  return [JSON.stringify(value)];
}

/**
 * An expression of the step evaluated at every step once, as a per-step stream: its values are the
 * walk's (stepColumns, the scope of the step's variables), so every reader gets the same numbers.
 * Left as it is where it is not evaluated per step, beyond the per-step budget (an issue follows),
 * or where it fails at some step (the walk that reads it reports that, where it happens).
 */
function stepColumnStream(stream: CompiledValue, steps: number): CompiledValue {
  if (!stream.everyStep || stream.stepValues || steps > LIMITS.maxStages) return stream;
  try {
    const [column] = stepColumns([stream], { count: 1, startStep: Float64Array.of(1), endStep: Float64Array.of(steps) }, steps);
    return perStepStream(column);
  } catch (err) {
    if (err instanceof ExpressionError) return stream;
    throw err;
  }
}

/**
 * cycle_momentum (OneCycleLR's and CyclicLR's default): the learning rate's scheduler also writes
 * the optimizer's momentum parameter (the preset's `momentumParam`), replacing its number as in
 * torch. Issues: the optimizer has no such parameter (torch raises ValueError), or the parameter is
 * a schedule too (two writers). Undefined when the learning rate cycles nothing.
 */
function cycledMomentum(preset: Preset | undefined, params: Record<string, unknown>, ctx: Context): CompiledValue | { issues: ConfigIssue[] } | undefined {
  const { lr } = ctx.config;
  if (typeof lr !== 'object' || Array.isArray(lr) || !('scheduler' in lr)) return undefined;
  const stream = lrStream(ctx, { count: 1, startStep: new Float64Array([1]), endStep: new Float64Array([ctx.config.steps]) });
  if (!stream?.momentum) return stream === null ? { issues: [] } : undefined;
  const name = String(lr.scheduler);
  const key = preset?.momentumParam;
  if (!key) {
    const what = preset ? `${preset.name} has no momentum parameter` : 'custom u/v have no momentum parameter';
    return { issues: [{ code: 'cycle_momentum', path: lrPath(ctx), message: `${name} cycles momentum by default but ${what} (torch raises ValueError): set cycle_momentum: false` }] };
  }
  if (typeof params[key] !== 'number') {
    return { issues: [{ code: 'cycle_momentum', path: [...ctx.mPath, key], message: `${name} cycles momentum (cycle_momentum) and ${key} is also a schedule: give one` }] };
  }
  return stream.momentum;
}

/**
 * Per step, a value that changes at every step makes a stage of every step: more than
 * LIMITS.maxStages steps is refused before anything is allocated, naming the value.
 */
function perStepBudgetIssue(ctx: Context, values: readonly (readonly [CompiledValue, Path])[]): ConfigIssue | undefined {
  if (!ctx.perStep || ctx.config.steps <= LIMITS.maxStages) return undefined;
  const found = values.find(([value]) => value.everyStep);
  if (!found) return undefined;
  return {
    code: 'too_big',
    path: found[1],
    message: `is evaluated at every step (it reads the step and no stages or stageLength is given): at most ${LIMITS.maxStages} steps (got ${ctx.config.steps}); give stages or stageLength`,
  };
}

/** The schedule's own partition: stageLength, else stages; without either, one stage (its values evaluated per step or once). */
function partitionOf(ctx: Context): Partition | { issue: ConfigIssue } {
  const { config } = ctx;
  if (config.stageLength !== undefined) {
    const issue = stageLengthIssue(config.steps, config.stageLength, ctx.base);
    if (issue) return { issue };
  }
  return ctx.arena.partition(config.steps, config.stages, config.stageLength);
}
