import { dotPath, showValue } from '../schedule/issues.js';
import { LIMITS } from '../schedule/limits.js';
import { PRESETS, type StageContext } from '../schedule/presets/index.js';
import { resolveSchedule } from '../schedule/resolve.js';
import type { ScheduleConfig } from '../schedule/schema.js';
import { balancedPartition, fixedLengthPartition, type Partition } from '../schedule/stages.js';
import type { BankTable, StageTable } from '../types.js';

/**
 * A point's stage table, or the one-line reason the point is invalid (unstable stage, stages >
 * steps…). The table may be reused by the next point: read it before evaluating another one.
 */
export type PointResult = { stages: StageTable; bank?: BankTable; problem?: undefined } | { stages?: undefined; bank?: undefined; problem: string };

type Path = readonly (string | number)[];

/**
 * Re-resolves one parsed config at many parameter values without re-reading YAML: the config is
 * copied once, each point writes its values into the copy at `configPaths` (one per axis,
 * SweepTarget.configPath), and the stage table is recomputed from the patched object.
 *
 * - presets with their own step → stage rule (fsgdm): the preset's `table`, filling arrays reused
 *   from point to point.
 * - other presets: their per-stage coefficients over the partition (cached while steps and stages
 *   are not swept), into reused arrays.
 * - custom u/v and filter-bank presets (nesterov, qhm, …): resolveSchedule on the patched config
 *   (expressions are re-evaluated per point; a bank comes with its per-branch coefficients).
 *
 * Values were checked against their schemas by resolveAxes, so only what depends on several values
 * at once (stages > steps) or on the coefficients (|u| ≥ 1) can fail here.
 */
export function pointEvaluator(config: ScheduleConfig, configPaths: readonly Path[], options: { allowUnstable?: boolean } = {}): (values: ArrayLike<number>) => PointResult {
  const working = structuredClone(config);
  const setters = configPaths.map((path) => {
    const parentPath = path.slice(0, -1);
    const key = path[path.length - 1];
    return (value: number) => {
      let node = working as unknown as Record<string | number, unknown>;
      for (const k of parentPath) node = node[k] as Record<string | number, unknown>;
      node[key] = value;
    };
  });
  const allowUnstable = options.allowUnstable ?? false;
  const compute = stageComputer(working, allowUnstable);
  return (values) => {
    for (let a = 0; a < setters.length; a++) setters[a](values[a]);
    if (working.stages !== undefined && working.stageLength !== undefined) return { problem: 'stageLength: give either stages or stageLength, not both' };
    if (working.stages !== undefined && working.stages > working.steps) return { problem: `stages: must be ≤ steps (${working.steps}) (got ${showValue(working.stages)})` };
    return compute();
  };
}

function stageComputer(working: ScheduleConfig, allowUnstable: boolean): () => PointResult {
  const { momentum } = working;
  const preset = momentum.preset === undefined ? undefined : PRESETS.get(momentum.preset)!;
  if (!preset || preset.bank || preset.partition) {
    const name = working.name ?? 'sweep';
    return () => {
      const resolved = resolveSchedule(working, name, [], { allowUnstable });
      if (resolved.schedule) return resolved.schedule.bank ? { stages: resolved.schedule.stages, bank: resolved.schedule.bank } : { stages: resolved.schedule.stages };
      const issue = resolved.issues[0];
      const path = issue.path.length > 0 ? `${dotPath(issue.path)}: ` : '';
      return { problem: `${path}${issue.message}${'received' in issue ? ` (got ${showValue(issue.received)})` : ''}` };
    };
  }
  const table = reusableTable();
  const params = (momentum as { params: Record<string, unknown> }).params;
  if (preset.table) {
    const allocate = (count: number) => table.resize(count);
    return () => {
      if (working.stageLength !== undefined) return { problem: `stageLength: preset ${preset.name} derives stage lengths from steps and stages; give stages` };
      const made = preset.table!(params, working.steps, working.stages ?? preset.defaults.stages, allocate);
      return typeof made === 'string' ? { problem: `stages: ${made}` } : checked(made, allowUnstable);
    };
  }
  let partitionKey = '';
  let partition: Partition | undefined;
  const ctx: StageContext = { k: 0, N: 0, t: 1, T: 0, p: 0, delta: 1 };
  return () => {
    const key = `${working.steps}/${working.stages}/${working.stageLength}`;
    if (key !== partitionKey || !partition) {
      if (working.stageLength !== undefined && Math.ceil(working.steps / working.stageLength) > LIMITS.maxStages) {
        return { problem: `stageLength: gives more than ${LIMITS.maxStages} stages` };
      }
      partition = working.stageLength !== undefined ? fixedLengthPartition(working.steps, working.stageLength) : balancedPartition(working.steps, working.stages ?? 1);
      partitionKey = key;
    }
    const t = table.resize(partition.count);
    const coefficients = preset.coefficients(params);
    ctx.N = partition.count;
    ctx.T = working.steps;
    for (let i = 0; i < partition.count; i++) {
      ctx.k = i;
      ctx.t = partition.startStep[i];
      ctx.p = (ctx.t - 1) / working.steps;
      ctx.delta = partition.endStep[i] - partition.startStep[i] + 1;
      const { u, v } = coefficients(ctx);
      t.startStep[i] = partition.startStep[i];
      t.endStep[i] = partition.endStep[i];
      t.u[i] = u;
      t.v[i] = v;
    }
    return checked(t, allowUnstable);
  };
}

/** A stage table whose arrays grow as needed and are reused; `count` is the current length. */
function reusableTable(): { resize(count: number): StageTable } {
  let t: StageTable = { count: 0, startStep: new Float64Array(0), endStep: new Float64Array(0), u: new Float64Array(0), v: new Float64Array(0) };
  return {
    resize(count) {
      if (count > t.u.length) {
        const n = Math.max(count, 2 * t.u.length);
        t = { count, startStep: new Float64Array(n), endStep: new Float64Array(n), u: new Float64Array(n), v: new Float64Array(n) };
      }
      t.count = count;
      return t;
    },
  };
}

/** resolveSchedule's stage checks: finite coefficients, and |u| < 1 unless unstable stages are allowed. */
function checked(t: StageTable, allowUnstable: boolean): PointResult {
  for (let i = 0; i < t.count; i++) {
    const u = t.u[i];
    const where = () => `stage ${i} (steps ${t.startStep[i]}–${t.endStep[i]})`;
    if (!Number.isFinite(u)) return { problem: `momentum: u is not a finite number in ${where()}: ${u}` };
    if (!Number.isFinite(t.v[i])) return { problem: `momentum: v is not a finite number in ${where()}: ${t.v[i]}` };
    if (!allowUnstable && Math.abs(u) >= 1) return { problem: `momentum: |u| must be < 1 for a stable filter (use --allow-unstable to analyse it anyway); got ${where()}: ${u}` };
  }
  return { stages: t };
}
