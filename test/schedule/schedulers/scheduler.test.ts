import { describe, expect, it } from 'vitest';
import { epochOfStep, LrScheduler, paramGroup } from '../../../src/schedule/schedulers/scheduler.js';

/** Records the epochs torch's get_lr is asked for: lr = epoch. */
class EpochEcho extends LrScheduler {
  constructor(group = paramGroup(0.5)) {
    super(group);
    this.init();
  }
  protected getLr(): number {
    return this.lastEpoch;
  }
}

describe('scheduler', () => {
  it('numbers steps as a training loop does: optimizer step t applies scheduler epoch ⌊(t − 1)/every⌋', () => {
    expect([1, 2, 3].map((t) => epochOfStep(t, 1))).toEqual([0, 1, 2]);
    expect([1, 391, 392, 782, 783].map((t) => epochOfStep(t, 391))).toEqual([0, 0, 1, 1, 2]);
  });

  it('takes the initial step in the constructor (last_epoch −1 → 0) and keeps the base value as base_lrs', () => {
    const s = new EpochEcho();
    expect(s.lastEpoch).toBe(0);
    expect(s.baseLr).toBe(0.5);
    s.step();
    s.step();
    expect(s.lastEpoch).toBe(2);
    s.restart();
    expect(s.lastEpoch).toBe(0);
  });

  it('leaves initial_lr to the first scheduler constructed on a group (torch: setdefault)', () => {
    const group = paramGroup(0.5);
    group.initialLr = 0.25;
    const s = new EpochEcho(group);
    // base_lrs come from the initial_lr already there, not from the group's lr.
    expect(s.baseLr).toBe(0.25);
    expect(group.initialLr).toBe(0.25);
    const fresh = paramGroup(0.5);
    new EpochEcho(fresh);
    expect(fresh.initialLr).toBe(0.5);
  });
});
