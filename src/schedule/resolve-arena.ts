import type { StageTable } from '../types.js';
import { compileExpression, type CompiledExpression } from './expression.js';
import { balancedPartition, fixedLengthPartition, type Partition } from './stages.js';

/**
 * Memory that resolveSchedule may reuse from one call to the next, for a sweep that resolves the
 * same config at 10⁵ points: the first-order stage table's arrays (grown as needed, never shrunk),
 * the partition per (steps, stages, stageLength), and compiled expressions per source text.
 *
 * A schedule resolved with an arena is valid until the next resolve on the same arena: read it
 * (or copy what you keep) before resolving another point.
 */
export interface ResolveArena {
  /** A stage table of `count` rows; its arrays may be longer than `count` and hold the last call's values. */
  table(count: number): StageTable;
  /** The partition of `steps` into `stages` balanced stages, or stages of `stageLength` steps. */
  partition(steps: number, stages: number | undefined, stageLength: number | undefined): Partition;
  /** `compileExpression(source, variables)`, compiled once per source and set of variables. */
  expression(source: string, variables: ReadonlySet<string>): CompiledExpression;
  /** An empty run builder over the arena's stage table (capacity: the runs expected; it grows past it). */
  runs(capacity: number, withLr: boolean): RunBuilder;
  /** Resolved values kept from call to call while their source is unchanged (a sweep's points); none without. */
  readonly values?: ValueMemo;
}

/**
 * Values resolved once and reused while their source is unchanged: a sweep point re-resolves only
 * what its swept paths change (a scheduler's run, an expression's per-step values, a table's checks
 * are made once when the sweep does not touch them). One slot per value (its key path): an entry
 * is reused when every part of its key is the same (Object.is: the value's text or JSON, a table's
 * array, the step count and partition it was resolved for), replaced otherwise, so memory holds one
 * resolved value per path however many points are swept.
 *
 * Entries are read, never written, by whoever takes them: one memo may serve several arenas (a
 * sweep's check pass and its formatting) of the same config.
 */
export class ValueMemo {
  private readonly slots = new Map<string, { key: readonly unknown[]; value: unknown }>();

  /** The entry of `slot` made for `key`, or `make()`'s (kept unless undefined: a failed value is made again, with its issues). */
  get<T>(slot: string, key: readonly unknown[], make: () => T | undefined): T | undefined {
    const held = this.slots.get(slot);
    if (held && held.key.length === key.length && held.key.every((k, i) => Object.is(k, key[i]))) return held.value as T;
    const value = make();
    if (value === undefined) this.slots.delete(slot);
    else this.slots.set(slot, { key, value });
    return value;
  }
}

/**
 * Stages as runs of equal coefficients, built in step order: a run that follows its predecessor
 * without a hard boundary between them (`first` false) and has bitwise the same u, v and lr (NaN ≡ NaN)
 * extends it. Arrays grow by doubling; `table` is valid until the next add.
 */
export interface RunBuilder {
  readonly table: StageTable;
  /** The learning rate per run, when built withLr. */
  readonly lr: Float64Array | undefined;
  add(start: number, end: number, first: boolean, u: number, v: number, lr: number): void;
}

function runBuilder(capacity: number, withLr: boolean, allocate: (count: number) => StageTable): RunBuilder {
  let cap = Math.max(1, capacity);
  let table = allocate(cap);
  let lr: Float64Array<ArrayBuffer> | undefined = withLr ? new Float64Array(cap) : undefined;
  let count = 0;
  const grow = () => {
    const old = table;
    cap *= 2;
    table = allocate(cap);
    for (const key of ['startStep', 'endStep', 'u', 'v'] as const) table[key].set(old[key].subarray(0, count));
    if (lr) lr = resized(lr, cap);
  };
  const builder = {
    get table() {
      return { count, startStep: table.startStep.subarray(0, count), endStep: table.endStep.subarray(0, count), u: table.u.subarray(0, count), v: table.v.subarray(0, count) };
    },
    get lr() {
      return lr?.subarray(0, count);
    },
    add(start: number, end: number, first: boolean, u: number, v: number, rate: number) {
      const last = count - 1;
      if (!first && last >= 0 && Object.is(table.u[last], u) && Object.is(table.v[last], v) && (!lr || Object.is(lr[last], rate))) {
        table.endStep[last] = end;
        return;
      }
      if (count === cap || count >= table.u.length) grow();
      table.startStep[count] = start;
      table.endStep[count] = end;
      table.u[count] = u;
      table.v[count] = v;
      if (lr) lr[count] = rate;
      count++;
    },
  };
  return builder;
}

/** `a` copied into a new array of `length` values (cut, or padded with zeros): how the run arrays grow. */
export function resized(a: Float64Array, length: number): Float64Array<ArrayBuffer> {
  const b = new Float64Array(length);
  b.set(a.subarray(0, Math.min(a.length, length)));
  return b;
}

/** Without an arena: fresh arrays, no caches. */
export const NO_ARENA: ResolveArena = {
  table: (count) => NO_ARENA_TABLE(count),
  partition: (steps, stages, stageLength) => (stageLength !== undefined ? fixedLengthPartition(steps, stageLength) : balancedPartition(steps, stages ?? 1)),
  expression: compileExpression,
  runs: (capacity, withLr) => runBuilder(capacity, withLr, NO_ARENA_TABLE),
};

function NO_ARENA_TABLE(count: number): StageTable {
  return { count, startStep: new Float64Array(count), endStep: new Float64Array(count), u: new Float64Array(count), v: new Float64Array(count) };
}

const MEMOS = new WeakMap<object, ValueMemo>();

/**
 * The memo of one config object's resolved values, made at the first call: the parse that keeps
 * them (`keepValues`) and the evaluators of its sweep or tune share it. Its entries are keyed by
 * their sources, so a resolve of a patched copy of the object may use it too.
 */
export function valuesOf(config: object): ValueMemo {
  let memo = MEMOS.get(config);
  if (!memo) MEMOS.set(config, (memo = new ValueMemo()));
  return memo;
}

/** An arena for resolves of one config at many points; `values`: the memo of resolved values (shared by several arenas), else a new one. */
export function resolveArena(values: ValueMemo = new ValueMemo()): ResolveArena {
  let table = NO_ARENA.table(0);
  let partitionKey = '';
  let partition: Partition | undefined;
  const expressions = new Map<string, CompiledExpression>();
  const grown = (count: number): StageTable => {
    if (count > table.u.length) table = NO_ARENA.table(Math.max(count, 2 * table.u.length));
    table.count = count;
    return table;
  };
  return {
    values,
    table: grown,
    partition(steps, stages, stageLength) {
      const key = `${steps}/${stages}/${stageLength}`;
      if (key !== partitionKey || !partition) {
        partition = NO_ARENA.partition(steps, stages, stageLength);
        partitionKey = key;
      }
      return partition;
    },
    runs: (capacity, withLr) => runBuilder(capacity, withLr, grown),
    expression(source, variables) {
      const key = `${[...variables].join(',')}\n${source}`;
      let compiled = expressions.get(key);
      if (!compiled) {
        compiled = compileExpression(source, variables);
        expressions.set(key, compiled);
      }
      return compiled;
    },
  };
}

/**
 * Runs of equal values of `width` columns, built in step order (the scheduled parameters of a preset
 * and its learning rate): a run that follows its predecessor without a hard boundary between them and
 * has bitwise the same values (NaN ≡ NaN) extends it. Arrays grow by doubling; one array per column,
 * so a column is handed over without a copy when every slot is used (a run per step).
 */
export class ColumnRuns {
  count = 0;
  startStep: Float64Array<ArrayBuffer>;
  endStep: Float64Array<ArrayBuffer>;
  /** Column j's value per run, at index r (valid below count). */
  columns: Float64Array<ArrayBuffer>[];

  constructor(
    readonly width: number,
    capacity: number,
  ) {
    const cap = Math.max(1, capacity);
    this.startStep = new Float64Array(cap);
    this.endStep = new Float64Array(cap);
    this.columns = Array.from({ length: width }, () => new Float64Array(cap));
  }

  add(start: number, end: number, first: boolean, row: Float64Array): void {
    const { width, count, columns } = this;
    if (!first && count > 0) {
      let same = true;
      for (let j = 0; j < width && same; j++) same = Object.is(columns[j][count - 1], row[j]);
      if (same) {
        this.endStep[count - 1] = end;
        return;
      }
    }
    if (count === this.startStep.length) {
      this.startStep = resized(this.startStep, 2 * count);
      this.endStep = resized(this.endStep, 2 * count);
      for (let j = 0; j < width; j++) columns[j] = resized(columns[j], 2 * count);
    }
    this.startStep[count] = start;
    this.endStep[count] = end;
    for (let j = 0; j < width; j++) columns[j][count] = row[j];
    this.count++;
  }

  /** Column j, one value per run (the array itself when it holds exactly the runs). */
  column(j: number): Float64Array<ArrayBuffer> {
    const c = this.columns[j];
    return c.length === this.count ? c : c.slice(0, this.count);
  }
}
