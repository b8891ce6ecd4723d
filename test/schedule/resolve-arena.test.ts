import { describe, expect, it } from 'vitest';
import { NO_ARENA, resolveArena } from '../../src/schedule/resolve-arena.js';
import { balancedPartition, fixedLengthPartition } from '../../src/schedule/stages.js';

describe('resolveArena reuses memory from one resolve to the next', () => {
  it('tables grow as needed and keep their arrays when they shrink', () => {
    const arena = resolveArena();
    const big = arena.table(300);
    expect(big.count).toBe(300);
    const small = arena.table(7);
    expect(small.count).toBe(7);
    expect(small.u).toBe(big.u);
    const bigger = arena.table(1000);
    expect(bigger.u.length).toBeGreaterThanOrEqual(1000);
  });

  it('the partition is the fresh one, cached while steps, stages and stageLength stay', () => {
    const arena = resolveArena();
    const p = arena.partition(1000, 7, undefined);
    expect(p).toEqual(balancedPartition(1000, 7));
    expect(arena.partition(1000, 7, undefined)).toBe(p);
    expect(arena.partition(1000, undefined, 30)).toEqual(fixedLengthPartition(1000, 30));
    expect(NO_ARENA.partition(1000, undefined, undefined)).toEqual(balancedPartition(1000, 1));
  });

  it('an expression is compiled once per source and set of variables', () => {
    const arena = resolveArena();
    const vars = new Set(['t', 'T']);
    const f = arena.expression('t / T', vars);
    expect(arena.expression('t / T', new Set(['t', 'T']))).toBe(f);
    expect(arena.expression('t / T', new Set(['t', 'T', 'p']))).not.toBe(f);
    expect(f.evaluate(new Map([['t', 1], ['T', 4]]))).toBe(0.25);
  });
});
