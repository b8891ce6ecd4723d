import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { walkRuns, type Cursor, type StageContext } from '../../src/schedule/stage-context.js';
import { balancedPartition, fixedLengthPartition } from '../../src/schedule/stages.js';

/** Visits each stage of a partition once, as the resolver does for values evaluated per stage. */
function forEachStage(partition: Parameters<typeof walkRuns>[0], steps: number, fn: (ctx: StageContext, i: number) => void): void {
  walkRuns(partition, steps, false, [], (c: Cursor) => fn(c.ctx, c.stage));
}

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

describe('walkRuns cuts the steps into runs where a value changes', () => {
  it('per step: runs tile 1 … steps, end at the first change of any stream or stage, and carry the step\'s variables (brute force)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 200 }),
        fc.integer({ min: 1, max: 20 }),
        fc.array(fc.uniqueArray(fc.integer({ min: 2, max: 200 }), { maxLength: 6 }), { maxLength: 3 }),
        (steps, n, changes) => {
          fc.pre(n <= steps);
          const partition = balancedPartition(steps, n);
          // A stream that changes value at the given steps: it stays the same through the step before the next change.
          const streams = changes.map((at) => ({ through: (c: Cursor) => Math.min(Infinity, ...at.filter((s) => s > c.step).map((s) => s - 1)) }));
          // Brute force: a run ends at step t when t is the last step, a stage's last step, or the step before a change.
          const ends = new Set([steps, ...partition.endStep, ...changes.flat().map((s) => s - 1)]);
          const starts = new Set([...partition.startStep]);
          let expected = 1;
          walkRuns(partition, steps, true, streams, (c, end, first) => {
            expect(c.step).toBe(expected);
            let last = c.step;
            while (!ends.has(last)) last++;
            expect(end).toBe(last);
            expect(first).toBe(starts.has(c.step));
            expect(c.ctx).toEqual({ k: c.step - 1, N: steps, t: c.step, T: steps, p: c.step / steps, delta: 1 });
            expected = end + 1;
          });
          expect(expected).toBe(steps + 1);
        },
      ),
      { numRuns: 100 },
    );
  });
});
