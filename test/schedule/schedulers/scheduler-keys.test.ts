import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { base, every, RESUME_REASON, torchOnlyKeys } from '../../../src/schedule/schedulers/scheduler-keys.js';

describe('scheduler-keys', () => {
  const Shape = z.strictObject({ base, every, ...torchOnlyKeys });

  it('defaults every to 1 and accepts verbose (torch only prints)', () => {
    expect(Shape.parse({ base: 0.1, verbose: true })).toEqual({ base: 0.1, every: 1, verbose: true });
  });

  it('refuses last_epoch with the reason, and an every below 1', () => {
    const issues = Shape.safeParse({ base: 0.1, last_epoch: 5, every: 0 }).error?.issues ?? [];
    expect(issues.map((i) => [i.path.join('.'), i.message])).toEqual(
      expect.arrayContaining([
        ['last_epoch', RESUME_REASON],
        ['every', expect.stringContaining('>=1')],
      ]),
    );
  });
});
