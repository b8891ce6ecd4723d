import { describe, expect, it } from 'vitest';
import { LambdaLR, warmupFactor } from '../../../src/schedule/schedulers/lambda-lr.js';
import { paramGroup } from '../../../src/schedule/schedulers/scheduler.js';

describe('LambdaLR', () => {
  it('writes base·λ(e) for each epoch, λ(0) at construction, and λ(0) again on a restart', () => {
    const group = paramGroup(2);
    const scheduler = new LambdaLR(group, (e) => e + 1);
    expect(group.lr).toBe(2);
    scheduler.step();
    scheduler.step();
    expect(group.lr).toBe(6);
    scheduler.restart();
    expect(group.lr).toBe(2);
  });

  it("warms up as e/max(1, W): 0 at epoch 0, and W = 0 never divides by zero", () => {
    expect(warmupFactor(0, 10)).toBe(0);
    expect(warmupFactor(3, 10)).toBe(0.3);
    expect(warmupFactor(0, 0)).toBe(0);
  });
});
