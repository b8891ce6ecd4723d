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
  /** A stage table over `partition` (its spans shared) with u and v to fill. */
  over(partition: Partition): StageTable;
  /** The partition of `steps` into `stages` balanced stages, or stages of `stageLength` steps. */
  partition(steps: number, stages: number | undefined, stageLength: number | undefined): Partition;
  /** `compileExpression(source, variables)`, compiled once per source and set of variables. */
  expression(source: string, variables: ReadonlySet<string>): CompiledExpression;
}

/** Without an arena: fresh arrays, no caches. */
export const NO_ARENA: ResolveArena = {
  table: (count) => ({ count, startStep: new Float64Array(count), endStep: new Float64Array(count), u: new Float64Array(count), v: new Float64Array(count) }),
  over: (p) => ({ count: p.count, startStep: p.startStep, endStep: p.endStep, u: new Float64Array(p.count), v: new Float64Array(p.count) }),
  partition: (steps, stages, stageLength) => (stageLength !== undefined ? fixedLengthPartition(steps, stageLength) : balancedPartition(steps, stages ?? 1)),
  expression: compileExpression,
};

export function resolveArena(): ResolveArena {
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
    table: grown,
    over: (p) => {
      const { u, v } = grown(p.count);
      return { count: p.count, startStep: p.startStep, endStep: p.endStep, u, v };
    },
    partition(steps, stages, stageLength) {
      const key = `${steps}/${stages}/${stageLength}`;
      if (key !== partitionKey || !partition) {
        partition = NO_ARENA.partition(steps, stages, stageLength);
        partitionKey = key;
      }
      return partition;
    },
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
