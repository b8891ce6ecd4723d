import { describe, expect, it } from 'vitest';
import { linearStepTicks, stepAxis, stepStart } from '../../../src/plot/specs/step-axis.js';

/** vega's own ticks of a linear scale over [0, end] (d3-scale's ticks), the reference for linearStepTicks. */
async function vegaTicks(end: number, count: number): Promise<number[]> {
  const { scale } = await import('vega');
  const linear = (scale('linear') as () => { domain(d: number[]): { ticks(n: number): number[] } })();
  return linear.domain([0, end]).ticks(count);
}

describe('stepAxis', () => {
  it('steps count from 1: the axis runs from step 1 to Σ + 1 (step s spans [s, s + 1)), its first tick is 1, never 0', () => {
    const axis = stepAxis(117000);
    expect(axis.scale).toMatchObject({ type: 'linear', domain: [1, 117001], nice: false, zero: false });
    expect(axis.axis.values?.[0]).toBe(1);
    expect(axis.axis.values).not.toContain(0);
    expect(axis.title).toBe('Training step');
    expect(stepStart(0)).toBe(1);
    expect(stepAxis(554700, 'log')).toMatchObject({ title: 'Training step (log scale)', scale: { type: 'log', domain: [1, 554701] } });
    expect(stepAxis(10, 'linear', false).title).toBeNull();
  });

  it('linear ticks are the ones vega would draw over [0, Σ + 1], the 0 moved to step 1 and none past the last step', async () => {
    for (const steps of [1, 5, 10, 99, 100, 1000, 4000, 20000, 117000, 200000, 554700, 1_000_000]) {
      const want = (await vegaTicks(steps + 1, 8)).map((t) => (t === 0 ? 1 : t)).filter((t) => t <= steps && Number.isInteger(t));
      expect(linearStepTicks(steps), `Σ = ${steps}`).toEqual([...new Set(want)]);
    }
  });
});
