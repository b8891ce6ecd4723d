import type { ConfigIssue } from '../issues.js';
import { ConstantLR } from './constant-lr.js';
import { CosineAnnealingLR } from './cosine-annealing-lr.js';
import { CosineAnnealingWarmRestarts } from './cosine-annealing-warm-restarts.js';
import { CyclicLR } from './cyclic-lr.js';
import { ExponentialLR } from './exponential-lr.js';
import { huggingFaceLambda } from './hugging-face-schedules.js';
import { interp } from './interp.js';
import { LambdaLR } from './lambda-lr.js';
import { LinearLR } from './linear-lr.js';
import { MultiStepLR } from './multi-step-lr.js';
import { OneCycleLR } from './one-cycle-lr.js';
import { PolynomialLR } from './polynomial-lr.js';
import { type LrScheduler, type ParamGroup, paramGroup } from './scheduler.js';
import type { SchedulerSpec, SequentialChildSpec } from './scheduler-value.js';
import { SequentialLR } from './sequential-lr.js';
import { StepLR } from './step-lr.js';

type Path = readonly (string | number)[];

/** A scheduler ready to run: `step()` is torch's `scheduler.step()`; `group` holds what the next optimizer step applies. */
export interface BuiltScheduler {
  group: ParamGroup;
  step(): void;
  /** True when no later step changes `group` or raises (interp past its last knot): the run then ends with these values. */
  settled?(): boolean;
}

/**
 * The run's scheduler, constructed as torch constructs it (the initial step included: `group`
 * holds epoch 0's values). `epochs` is the number of scheduler steps whose values the run uses,
 * ⌈steps/every⌉: OneCycleLR's default total_steps. Arguments torch refuses with a ValueError (and
 * the ones it would only trip over later) come back as issues located below `path`.
 * May throw PythonError from the constructor's initial step; the caller locates it.
 */
export function buildScheduler(spec: SchedulerSpec, epochs: number, path: Path): BuiltScheduler | { issues: ConfigIssue[] } {
  const issues = argumentIssues(spec, path);
  if (issues.length > 0) return { issues };
  if (spec.scheduler === 'interp') return interpScheduler(spec.xp, spec.fp);
  const group = paramGroup('base' in spec ? spec.base : undefined);
  if (spec.scheduler === 'SequentialLR') {
    const children = spec.schedulers.map((c) => construct(c, group, epochs));
    const sequential = new SequentialLR(group, children, spec.milestones);
    return { group, step: () => sequential.step() };
  }
  const scheduler = construct(spec, group, epochs);
  return { group, step: () => scheduler.step() };
}

function construct(spec: SequentialChildSpec, group: ParamGroup, epochs: number): LrScheduler {
  switch (spec.scheduler) {
    case 'OneCycleLR':
      return new OneCycleLR(group, spec, oneCycleTotalSteps(spec, epochs));
    case 'CyclicLR':
      return new CyclicLR(group, spec);
    case 'CosineAnnealingLR':
      return new CosineAnnealingLR(group, spec);
    case 'CosineAnnealingWarmRestarts':
      return new CosineAnnealingWarmRestarts(group, spec);
    case 'StepLR':
      return new StepLR(group, spec);
    case 'MultiStepLR':
      return new MultiStepLR(group, spec);
    case 'ExponentialLR':
      return new ExponentialLR(group, spec);
    case 'LinearLR':
      return new LinearLR(group, spec);
    case 'ConstantLR':
      return new ConstantLR(group, spec);
    case 'PolynomialLR':
      return new PolynomialLR(group, spec);
    case 'get_linear_schedule_with_warmup':
    case 'get_cosine_schedule_with_warmup':
    case 'get_inverse_sqrt_schedule':
      return new LambdaLR(group, huggingFaceLambda(spec));
  }
}

/** OneCycleLR's cycle length: total_steps, else epochs·steps_per_epoch, else the run's scheduler steps. */
export function oneCycleTotalSteps(spec: { total_steps?: number; epochs?: number; steps_per_epoch?: number }, epochs: number): number {
  if (spec.total_steps !== undefined) return spec.total_steps;
  if (spec.epochs !== undefined && spec.steps_per_epoch !== undefined) return spec.epochs * spec.steps_per_epoch;
  return epochs;
}

/** numpy.interp of the epoch: not a torch scheduler, so a plain counter. */
function interpScheduler(xp: readonly number[], fp: readonly number[]): BuiltScheduler {
  let epoch = 0;
  const group = paramGroup(interp(0, xp, fp));
  return {
    group,
    step: () => {
      epoch += 1;
      group.lr = interp(epoch, xp, fp);
    },
    // From xp[−1] on, interp gives fp[−1] whatever the epoch.
    settled: () => epoch >= xp[xp.length - 1],
  };
}

/** torch's constructor ValueErrors, and the arguments it accepts but cannot run. */
function argumentIssues(spec: SchedulerSpec, path: Path): ConfigIssue[] {
  const out: ConfigIssue[] = [];
  const issue = (key: (string | number)[], message: string, received?: unknown) =>
    out.push({ code: 'scheduler_arg', path: [...path, ...key], message, ...(received !== undefined ? { received } : {}) });
  // OneCycleLR's epochs·steps_per_epoch needs both (torch multiplies None otherwise).
  const check = (s: SchedulerSpec | SequentialChildSpec, at: (string | number)[]) => {
    if (s.scheduler !== 'OneCycleLR' || s.total_steps !== undefined || (s.epochs === undefined) === (s.steps_per_epoch === undefined)) return;
    issue([...at, s.epochs === undefined ? 'epochs' : 'steps_per_epoch'], 'OneCycleLR needs total_steps, or both epochs and steps_per_epoch');
  };
  if (spec.scheduler === 'interp') {
    if (spec.xp.length !== spec.fp.length) issue(['fp'], `must have as many values as xp (${spec.xp.length}); numpy raises "fp and xp are not of the same length"`, spec.fp);
    for (let i = 1; i < spec.xp.length; i++) {
      if (!(spec.xp[i] > spec.xp[i - 1])) {
        issue(['xp', i], `xp must be increasing (numpy.interp does not check and interpolates nonsense): ${spec.xp[i - 1]} then`, spec.xp[i]);
        break;
      }
    }
    return out;
  }
  if (spec.scheduler === 'SequentialLR') {
    const { schedulers, milestones } = spec;
    if (milestones.length !== schedulers.length - 1) {
      issue(
        ['milestones'],
        `SequentialLR needs one milestone fewer than schedulers (${count(schedulers.length, 'scheduler')}, so ${count(schedulers.length - 1, 'milestone')}); torch raises ValueError`,
        milestones,
      );
    }
    for (let i = 1; i < milestones.length; i++) {
      if (milestones[i] < milestones[i - 1]) {
        issue(['milestones', i], `milestones must not decrease (torch's bisect_right needs them sorted): ${milestones[i - 1]} then`, milestones[i]);
        break;
      }
    }
    schedulers.forEach((c, i) => check(c, ['schedulers', i]));
    // torch's base_lrs come from the optimizer lr unless the first child sets initial_lr itself.
    const first = schedulers[0]?.scheduler;
    if (spec.base === undefined && first !== 'OneCycleLR' && first !== 'CyclicLR') {
      out.push({ code: 'missing_key', path: [...path, 'base'], message: `is required: ${first} scales the optimizer's value (a number)` });
    }
    return out;
  }
  check(spec, []);
  return out;
}

/** `1 scheduler`, `0 milestones`: a count and its noun, plural unless the count is 1. */
function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}
