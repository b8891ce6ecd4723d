import { describe, expect, it } from 'vitest';
import { NO_ARENA, resolveArena, ValueMemo } from '../../src/schedule/resolve-arena.js';
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

describe('ValueMemo: one resolved value per slot, kept while its key is the same', () => {
  it('gives the kept value for an equal key (Object.is per part), makes and keeps a new one for another key, and keeps nothing made undefined', () => {
    const memo = new ValueMemo();
    let made = 0;
    const make = () => ({ n: ++made });
    const table = new Float64Array(3);
    const first = memo.get('lr', ['0.1 * t', 100, table], make);
    expect(memo.get('lr', ['0.1 * t', 100, table], make)).toBe(first);
    expect(memo.get('lr', ['0.1 * t', 100, new Float64Array(3)], make)).not.toBe(first);
    expect(memo.get('lr', ['0.1 * t', 101, table], make)).toEqual({ n: 3 });
    expect(memo.get('momentum', ['0.1 * t', 101, table], make)).toEqual({ n: 4 });
    expect(memo.get('lr', [Number.NaN], () => undefined)).toBeUndefined();
    expect(memo.get('lr', [Number.NaN], make)).toEqual({ n: 5 });
    expect(memo.get('lr', [Number.NaN], make)).toEqual({ n: 5 });
    expect(memo.get('lr', [0], make)).toEqual({ n: 6 });
    expect(memo.get('lr', [-0], make)).toEqual({ n: 7 });
  });
});
