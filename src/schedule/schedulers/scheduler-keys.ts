import { z } from 'zod';

/**
 * Keys every scheduler value has that are not torch kwargs (torch has no place for them), and the
 * torch kwargs that cannot be given, each with its reason.
 */

/** `scheduler.step()` is called once every `every` optimizer steps (391 = once per epoch of 391 batches). */
export const every = z.int().min(1).default(1).describe('optimizer steps per scheduler step (scheduler.step() every N optimizer steps)');

/** The optimizer's configured value the scheduler scales (torch: `param_group["initial_lr"]`, `base_lrs[0]`). */
export const base = z.number().describe("the optimizer's configured value the scheduler scales (torch: initial_lr, base_lrs)");

/** A kwarg torch has but the model cannot take: present at all is an issue with `reason`. */
export function rejected(reason: string) {
  return z
    .unknown()
    .refine((v) => v === undefined, { error: reason })
    .optional()
    .describe(`not accepted: ${reason}`);
}

export const RESUME_REASON = 'resuming is not modelled: the run starts at step 1';
export const CALLABLE_REASON = 'a Python callable cannot be given: use mode or a named schedule';

/** What a run with a schedule no value can express gives instead: its values, one per step. */
export const TABLE_WORKAROUND = "log the run's value at every step and give them as { table: lr.csv } (docs/schedulers.md)";

/** torch schedulers that cannot be modelled, each with why (the table is the way round). */
export const UNMODELLED_SCHEDULERS: Readonly<Record<string, string>> = {
  LambdaLR: 'its lr_lambda is a Python callable, which a config cannot hold',
  MultiplicativeLR: 'its lr_lambda is a Python callable, which a config cannot hold',
  ChainedScheduler: 'it applies several schedulers to the same value at once, each scaling what the others wrote',
  ReduceLROnPlateau: 'it follows a metric of the run (a validation loss), not the step',
};

/** torch kwargs of every scheduler that are refused or ignored. */
export const torchOnlyKeys = {
  last_epoch: rejected(RESUME_REASON),
  verbose: z.boolean().optional().describe('ignored (torch prints each update)'),
};

/** Kwargs torch also accepts as a list (one value per parameter group); the model has one group. */
export const PER_GROUP_KWARGS: readonly string[] = ['max_lr', 'base_lr', 'base_momentum', 'max_momentum'];
