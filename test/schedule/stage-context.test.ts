import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { walkRuns, type Cursor, type StageContext } from '../../src/schedule/stage-context.js';

/** Visits each stage of a partition once, as the resolver does for values evaluated per stage. */
function forEachStage(partition: Parameters<typeof walkRuns>[0], steps: number, fn: (ctx: StageContext, i: number) => void): void {
  walkRuns(partition, steps, false, [], (c: Cursor) => fn(c.ctx, c.stage));
}
import { balancedPartition, fixedLengthPartition } from '../../src/schedule/stages.js';

describe('walkRuns gives each stage the variables docs/config.md defines', () => {
  it('p = t/T with t the stage\'s first step (from 1), k from 0, N stages, delta its length, for any partition', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 5000 }), fc.integer({ min: 1, max: 300 }), fc.boolean(), (steps, n, byLength) => {
        fc.pre(byLength || n <= steps);
        const partition = byLength ? fixedLengthPartition(steps, n) : balancedPartition(steps, n);
        const seen: StageContext[] = [];
        forEachStage(partition, steps, (ctx, i) => {
          expect(ctx.k).toBe(i);
          seen.push({ ...ctx });
        });
        expect(seen).toHaveLength(partition.count);
        let start = 1;
        for (const ctx of seen) {
          // Stages tile 1 … steps in order, so stage k starts one step after the previous one ends.
          expect(ctx.t).toBe(start);
          expect(ctx.p).toBe(start / steps);
          expect([ctx.N, ctx.T]).toEqual([partition.count, steps]);
          start += ctx.delta;
        }
        expect(start).toBe(steps + 1);
      }),
      { numRuns: 60 },
    );
  });

  it('the last stage of a one-stage schedule has p = 1/T, not 0: progress counts the first step', () => {
    forEachStage(balancedPartition(4, 1), 4, (ctx) => expect(ctx.p).toBe(0.25));
  });
});
