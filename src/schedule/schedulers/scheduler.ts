/**
 * What every scheduler shares, mirroring torch.optim.lr_scheduler._LRScheduler (torch 1.13 and
 * upstream main agree for runs from scratch):
 *
 * - `group` is torch's `optimizer.param_groups[0]`: schedulers read and write it, and the children
 *   of a SequentialLR share one, exactly as torch's children share the optimizer.
 * - the constructor ends with the initial `step()` (last_epoch −1 → 0), so epoch 0's values are
 *   written before optimizer step 1; a training loop then calls `optimizer.step(); scheduler.step()`.
 * - `step()` is the chained form (torch's `get_lr()` from the group's current value);
 *   `restart()` is `step(0)`, SequentialLR's restart of a child at its milestone, which uses the
 *   closed form where torch has one (`_get_closed_form_lr`).
 */

/** torch's param group, as far as schedulers see it. */
export interface ParamGroup {
  /** `group['lr']`: the value the next optimizer step applies (lr, or the momentum a scheduler drives). */
  lr: number;
  /** `group['initial_lr']`: set once by the first scheduler constructed (OneCycleLR overwrites it). */
  initialLr: number | undefined;
  /** `group['momentum']` / `betas[0]`, written by OneCycleLR and CyclicLR with cycle_momentum. */
  momentum: number | undefined;
  /** OneCycleLR's `group['max_lr']`, `['min_lr']`, `['max_momentum']`, `['base_momentum']`: group state in torch, so a later OneCycleLR overwrites them. */
  maxLr?: number;
  minLr?: number;
  maxMomentum?: number;
  baseMomentum?: number;
}

/** A new group: `lr` is the optimizer's configured value (the `base` key), NaN when not given. */
export function paramGroup(lr: number | undefined): ParamGroup {
  // Every field present from the start: one object shape for the whole run.
  return { lr: lr ?? Number.NaN, initialLr: undefined, momentum: undefined, maxLr: undefined, minLr: undefined, maxMomentum: undefined, baseMomentum: undefined };
}

/** torch's _LRScheduler stepped without an epoch argument. */
export abstract class LrScheduler {
  /** torch's `last_epoch`: the scheduler epoch whose values the group holds. */
  lastEpoch = -1;
  /** torch's `base_lrs[0]`. */
  baseLr = Number.NaN;

  constructor(protected readonly group: ParamGroup) {}

  /** The tail of _LRScheduler.__init__: `setdefault('initial_lr', lr)`, `base_lrs`, the initial step. Subclasses call it last. */
  protected init(): void {
    if (this.group.initialLr === undefined) this.group.initialLr = this.group.lr;
    this.baseLr = this.group.initialLr;
    this.step();
  }

  /** `scheduler.step()`: the next epoch, chained. */
  step(): void {
    this.lastEpoch += 1;
    this.group.lr = this.getLr();
  }

  /** `scheduler.step(0)`: epoch 0 again, by the closed form where torch has one. */
  restart(): void {
    this.lastEpoch = 0;
    this.group.lr = this.closedFormLr?.() ?? this.getLr();
  }

  /** torch's `get_lr()` for `lastEpoch` (may also write the group's momentum). */
  protected abstract getLr(): number;

  /** torch's `_get_closed_form_lr()`, for the schedulers that have one. */
  protected closedFormLr?(): number;
}

/**
 * A scheduler whose only state is its kwargs (StepLR, ExponentialLR, …): constructed and initially
 * stepped in one go. (A subclass with fields of its own must call init() itself, after them.)
 */
export abstract class KwargsScheduler<S> extends LrScheduler {
  constructor(
    group: ParamGroup,
    protected readonly spec: S,
  ) {
    super(group);
    this.init();
  }
}

/** Step numbering, in one place: optimizer step t (from 1) applies the values of scheduler epoch ⌊(t − 1)/every⌋. */
export function epochOfStep(t: number, every: number): number {
  return Math.floor((t - 1) / every);
}

/** A scheduler's torch kwargs: its spec without the keys every scheduler value has (a SequentialLR child has neither). */
export type Kwargs<T> = T extends unknown ? Omit<T, 'every' | 'base'> : never;
