import { isStablePolynomial } from '../filter/polynomial-roots.js';
import type { BankTable, RationalTable, Schedule, StageTable } from '../types.js';
import { compileExpression, ExpressionError } from './expression.js';
import { isReservedName } from './expression-functions.js';
import { gainOverflowIssues } from './gain-overflow.js';
import type { ConfigIssue, ConfigWarning } from './issues.js';
import { LIMITS } from './limits.js';
import { segmentOfStage } from './piecewise.js';
import { PRESETS, type StageContext } from './presets/index.js';
import type { CustomMomentumConfig, ScheduleConfig } from './schema.js';
import { balancedPartition, emptyTable, fixedLengthPartition, type Partition } from './stages.js';
import { constantExpressionWarnings, stageNames } from './resolve-warnings.js';
import { quoted } from '../util/excerpt.js';

type Path = (string | number)[];
type Evaluator = (ctx: StageContext, scope: Map<string, number>, stage: number) => number;

const STAGE_VARIABLES = ['k', 'N', 't', 'T', 'p', 'delta'] as const;

/**
 * A validated config → its stage table. Issues: expressions that do not compile or give NaN/∞,
 * per-stage lists of the wrong length, and (unless allowUnstable) stages with |u| ≥ 1, each naming
 * the stage and its steps. Warnings: what resolves, but probably not as meant (an expression of t in
 * a single stage), and notes on a preset's own stage rule.
 */
export function resolveSchedule(
  config: ScheduleConfig,
  name: string,
  base: Path,
  options: { allowUnstable?: boolean } = {},
): { schedule?: Schedule; issues: ConfigIssue[]; warnings?: ConfigWarning[] } {
  const issues: ConfigIssue[] = [];
  const warnings: ConfigWarning[] = [];
  const mPath = [...base, 'momentum'];
  const { momentum } = config;
  let table: StageTable;
  let firstStepCopy: boolean;
  let bank: BankTable | undefined;
  let rational: RationalTable | undefined;
  const source = momentum.preset ?? 'custom';

  if (momentum.preset !== undefined) {
    const preset = PRESETS.get(momentum.preset)!;
    firstStepCopy = preset.firstStepCopy;
    if (preset.rational) {
      const made = partitionOf(config, base);
      if ('issue' in made) return { issues: [made.issue] };
      const madeTable = preset.rational(momentum.params, made);
      if (typeof madeTable === 'string') return { issues: [{ code: 'invalid_schedule', path: mPath, message: madeTable }] };
      rational = madeTable;
      table = emptyTable(made);
      // u and v exist only for a first-order stage b = [v], a = [1, −u]; otherwise NaN (null in reports).
      const firstOrder = madeTable.nb === 1 && madeTable.na <= 2;
      for (let k = 0; k < table.count; k++) {
        table.u[k] = firstOrder ? (madeTable.na === 2 ? -madeTable.a[k * 2 + 1] : 0) : NaN;
        table.v[k] = firstOrder ? madeTable.b[k] : NaN;
      }
      issues.push(...checkRational(madeTable, table, mPath, options.allowUnstable ?? false));
    } else if (preset.bank) {
      const stages = config.stages ?? preset.defaults.stages;
      // Checked before the partition is made: adam-m over 10⁹ steps would allocate 16 GB first.
      if (preset.partition && preset.stageCount!(momentum.params, config.steps, stages) > LIMITS.maxStages) {
        return { issues: [{ code: 'too_big', path: [...base, 'steps'], message: `preset ${preset.name} has one stage per step: at most ${LIMITS.maxStages} steps`, received: config.steps }] };
      }
      const made = preset.partition ? preset.partition(config.steps, stages, momentum.params) : partitionOf(config, base);
      if ('issue' in made) return { issues: [made.issue] };
      const madeBank = preset.bank(momentum.params, made, config.steps);
      if (typeof madeBank === 'string') return { issues: [{ code: 'invalid_schedule', path: mPath, message: madeBank }] };
      bank = madeBank;
      table = branchZeroTable(made, bank);
      issues.push(...checkBank(bank, table, mPath, options.allowUnstable ?? false));
    } else if (preset.table) {
      if (config.stageLength !== undefined) {
        return { issues: [{ code: 'conflict', path: [...base, 'stageLength'], message: `preset ${preset.name} derives stage lengths from steps and stages; give stages` }] };
      }
      const stages = config.stages ?? preset.defaults.stages;
      const made = preset.table(momentum.params, config.steps, stages);
      if (typeof made === 'string') return { issues: [{ code: 'invalid_schedule', path: [...base, 'stages'], message: made }] };
      table = made;
      const note = preset.stageNote?.(config.steps, stages, made.count);
      if (note) warnings.push({ severity: 'note', code: 'stage_rule', path: [...base, config.stages === undefined ? 'momentum' : 'stages'], message: note });
    } else {
      const made = partitionOf(config, base);
      if ('issue' in made) return { issues: [made.issue] };
      table = emptyTable(made);
      const coefficients = preset.coefficients(momentum.params);
      forEachStage(table, config.steps, (ctx, i) => {
        const { u, v } = coefficients(ctx);
        table.u[i] = u;
        table.v[i] = v;
      });
    }
    if (!bank && !rational) issues.push(...checkStages(table, mPath, mPath, options.allowUnstable ?? false));
  } else {
    const custom = momentum.custom;
    firstStepCopy = custom.firstStepCopy;
    const made = partitionOf(config, base);
    if ('issue' in made) return { issues: [made.issue] };
    table = emptyTable(made);
    const params = custom.params ?? {};
    for (const p of Object.keys(params)) {
      if ((STAGE_VARIABLES as readonly string[]).includes(p) || p === 'u') issues.push({ code: 'reserved_name', path: [...mPath, 'params', p], message: `${quoted(p)} is a built-in variable; choose another name` });
      else if (isReservedName(p)) issues.push({ code: 'reserved_name', path: [...mPath, 'params', p], message: `${quoted(p)} is the name of a function or constant in expressions; choose another name` });
    }
    const used = new Map<string, ReadonlySet<string>>();
    const uEval = evaluator(custom.u, [...mPath, 'u'], [...STAGE_VARIABLES, ...Object.keys(params)], table.count, issues, used);
    const vEval = evaluator(custom.v, [...mPath, 'v'], [...STAGE_VARIABLES, ...Object.keys(params), 'u'], table.count, issues, used);
    if (issues.length > 0 || !uEval || !vEval) return { issues, warnings };
    const scope = new Map<string, number>(Object.entries(params));
    let stage = 0;
    try {
      forEachStage(table, config.steps, (ctx, i) => {
        stage = i;
        for (const key of STAGE_VARIABLES) scope.set(key, ctx[key]);
        const u = uEval(ctx, scope, i);
        scope.set('u', u);
        table.u[i] = u;
        table.v[i] = vEval(ctx, scope, i);
      });
    } catch (err) {
      if (!(err instanceof ExpressionError)) throw err;
      return { issues: [{ code: err.code, path: err.path ?? mPath, message: `${err.message} in ${stageNames(table, [stage])}` }], warnings };
    }
    warnings.push(...constantExpressionWarnings(table.count, used));
    issues.push(...checkStages(table, coefficientPath(custom, mPath, 'u'), coefficientPath(custom, mPath, 'v'), options.allowUnstable ?? false));
  }
  if (issues.length > 0) return { issues, warnings };
  issues.push(...gainOverflowIssues({ stages: table, bank, rational }, momentum, mPath));
  if (issues.length > 0) return { issues, warnings };
  const schedule: Schedule = { name, steps: config.steps, stages: table, firstStepCopy, source };
  if (bank) schedule.bank = bank;
  if (rational) schedule.rational = rational;
  return { schedule, issues, warnings };
}

function partitionOf(config: ScheduleConfig, base: Path): Partition | { issue: ConfigIssue } {
  if (config.stageLength !== undefined) {
    const count = Math.ceil(config.steps / config.stageLength);
    if (count > LIMITS.maxStages) {
      return { issue: { code: 'too_big', path: [...base, 'stageLength'], message: `gives ${count} stages, more than ${LIMITS.maxStages}`, received: config.stageLength } };
    }
    return fixedLengthPartition(config.steps, config.stageLength);
  }
  return balancedPartition(config.steps, config.stages ?? 1);
}

function forEachStage(table: StageTable, steps: number, fn: (ctx: StageContext, i: number) => void): void {
  const ctx: StageContext = { k: 0, N: table.count, t: 1, T: steps, p: 0, delta: 1 };
  for (let i = 0; i < table.count; i++) {
    ctx.k = i;
    ctx.t = table.startStep[i];
    ctx.p = ctx.t / steps;
    ctx.delta = table.endStep[i] - table.startStep[i] + 1;
    fn(ctx, i);
  }
}

/** A coefficient (number, expression, per-stage list or piecewise segments) → per-stage evaluator. */
function evaluator(
  coef: CustomMomentumConfig['u'],
  path: Path,
  variables: string[],
  count: number,
  issues: ConfigIssue[],
  used: Map<string, ReadonlySet<string>>,
): Evaluator | undefined {
  const vars = new Set(variables);
  const scalar = (value: number | string, at: Path): ((scope: Map<string, number>) => number) | undefined => {
    if (typeof value === 'number') return () => value;
    try {
      const f = compileExpression(value, vars);
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

/** Non-finite coefficients are always errors; |u| ≥ 1 is one unless allowed. Names up to 3 stages. */
function checkStages(table: StageTable, uPath: Path, vPath: Path, allowUnstable: boolean): ConfigIssue[] {
  const issues: ConfigIssue[] = [];
  const report = (path: Path, bad: number[], what: string, values: Float64Array) => {
    if (bad.length === 0) return;
    issues.push({ code: 'invalid_stage', path, message: `${what} in ${stageNames(table, bad, (i) => fmt(values[i]))}` });
  };
  const nonFiniteU: number[] = [];
  const nonFiniteV: number[] = [];
  const unstable: number[] = [];
  for (let i = 0; i < table.count; i++) {
    if (!Number.isFinite(table.u[i])) nonFiniteU.push(i);
    else if (!allowUnstable && Math.abs(table.u[i]) >= 1) unstable.push(i);
    if (!Number.isFinite(table.v[i])) nonFiniteV.push(i);
  }
  report(uPath, nonFiniteU, 'u is not a finite number', table.u);
  report(vPath, nonFiniteV, 'v is not a finite number', table.v);
  report(uPath, unstable, '|u| must be < 1 for a stable filter (use --allow-unstable to analyse it anyway); got', table.u);
  return issues;
}

function fmt(x: number): string {
  return Number.isNaN(x) ? 'NaN' : String(x);
}

/** A filter bank's checks: every coefficient finite, and (unless allowed) |u| < 1 in every branch. */
function checkBank(bank: BankTable, table: StageTable, path: Path, allowUnstable: boolean): ConfigIssue[] {
  const B = bank.branches;
  const at = (k: number) => `stage ${k} (steps ${table.startStep[k]}–${table.endStep[k]})`;
  for (let k = 0; k < table.count; k++) {
    if (!Number.isFinite(bank.c0[k])) return [{ code: 'invalid_stage', path, message: `the feed-through weight is not a finite number in ${at(k)}: ${fmt(bank.c0[k])}` }];
    for (let i = 0; i < B; i++) {
      const [c, u, v] = [bank.c[k * B + i], bank.u[k * B + i], bank.v[k * B + i]];
      if (!Number.isFinite(c) || !Number.isFinite(u) || !Number.isFinite(v)) {
        return [{ code: 'invalid_stage', path, message: `branch ${i} has a non-finite coefficient: c = ${fmt(c)}, u = ${fmt(u)}, v = ${fmt(v)} in ${at(k)}` }];
      }
      if (!allowUnstable && Math.abs(u) >= 1) {
        return [{ code: 'invalid_stage', path, message: `|u| must be < 1 for a stable filter (use --allow-unstable to analyse it anyway); got branch ${i} u = ${fmt(u)} in ${at(k)}` }];
      }
    }
  }
  return [];
}

/** The stage table of a bank schedule: branch 0's u and v stand for the stage in reports. */
function branchZeroTable(partition: Partition, bank: BankTable): StageTable {
  const table = emptyTable(partition);
  const B = bank.branches;
  for (let k = 0; k < table.count; k++) {
    table.u[k] = bank.u[k * B];
    table.v[k] = bank.v[k * B];
  }
  return table;
}

/** A rational schedule's checks: finite coefficients, and (unless allowed) every pole inside the unit circle. */
function checkRational(rational: RationalTable, table: StageTable, path: Path, allowUnstable: boolean): ConfigIssue[] {
  const { nb, na } = rational;
  for (let k = 0; k < table.count; k++) {
    const b = rational.b.subarray(k * nb, (k + 1) * nb);
    const a = rational.a.subarray(k * na, (k + 1) * na);
    if (![...b, ...a].every(Number.isFinite)) return [{ code: 'invalid_stage', path, message: `a coefficient is not a finite number in stage ${k}` }];
    if (!allowUnstable && !isStablePolynomial(a)) {
      return [{ code: 'invalid_stage', path: [...path, 'a'], message: `a pole is on or outside the unit circle in stage ${k} (steps ${table.startStep[k]}–${table.endStep[k]}): the filter is unstable (use --allow-unstable to analyse it anyway)` }];
    }
  }
  return [];
}
