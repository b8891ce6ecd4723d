import { z } from 'zod';
import { ConstantLRSpec } from './constant-lr.js';
import { CosineAnnealingLRSpec } from './cosine-annealing-lr.js';
import { CosineAnnealingWarmRestartsSpec } from './cosine-annealing-warm-restarts.js';
import { CyclicLRSpec } from './cyclic-lr.js';
import { ExponentialLRSpec } from './exponential-lr.js';
import { CosineScheduleWithWarmupSpec, InverseSqrtScheduleSpec, LinearScheduleWithWarmupSpec } from './hugging-face-schedules.js';
import { InterpSpec } from './interp.js';
import { LinearLRSpec } from './linear-lr.js';
import { MultiStepLRSpec } from './multi-step-lr.js';
import { OneCycleLRSpec } from './one-cycle-lr.js';
import { PolynomialLRSpec } from './polynomial-lr.js';
import type { Kwargs } from './scheduler.js';
import { base, every, torchOnlyKeys } from './scheduler-keys.js';
import { StepLRSpec } from './step-lr.js';

/** The torch and Hugging Face schedulers a SequentialLR can sequence (`interp` is numpy's, not a torch scheduler). */
const SEQUENCEABLE = [
  OneCycleLRSpec,
  CyclicLRSpec,
  CosineAnnealingLRSpec,
  CosineAnnealingWarmRestartsSpec,
  StepLRSpec,
  MultiStepLRSpec,
  ExponentialLRSpec,
  LinearLRSpec,
  ConstantLRSpec,
  PolynomialLRSpec,
  LinearScheduleWithWarmupSpec,
  CosineScheduleWithWarmupSpec,
  InverseSqrtScheduleSpec,
] as const;

/** A child of SequentialLR: its kwargs without `every` and `base`, which it inherits (torch's children share the optimizer). */
function child<T extends z.ZodObject>(schema: T) {
  const shape = schema.shape as Record<string, unknown>;
  return schema.omit({ every: true, ...('base' in shape ? { base: true } : {}) } as never) as unknown as z.ZodObject;
}

const SequentialChild = z.discriminatedUnion(
  'scheduler',
  SEQUENCEABLE.map((s) => child(s)) as unknown as [z.ZodObject, ...z.ZodObject[]],
);

/** torch.optim.lr_scheduler.SequentialLR: `schedulers` in order, switching at `milestones` (len(schedulers) − 1 of them). */
export const SequentialLRSpec = z.strictObject({
  scheduler: z.literal('SequentialLR'),
  schedulers: z.array(SequentialChild).min(1).describe('the schedulers in order (no every/base: they inherit)'),
  milestones: z.array(z.int().min(0)).describe('scheduler steps at which the next scheduler starts'),
  base: base.optional(),
  every,
  ...torchOnlyKeys,
});

const SCHEDULERS = [...SEQUENCEABLE, SequentialLRSpec, InterpSpec] as const;

type Sequenceable = z.output<(typeof SEQUENCEABLE)[number]>;
/** A SequentialLR child, as parsed: a scheduler without `every` and `base`. */
export type SequentialChildSpec = Kwargs<Sequenceable>;
export type SequentialLRSpec = Omit<z.output<typeof SequentialLRSpec>, 'schedulers'> & { schedulers: SequentialChildSpec[] };
/** A parsed scheduler value (defaults filled in). */
export type SchedulerSpec = Sequenceable | SequentialLRSpec | InterpSpec;

/**
 * Every scheduler a schedule value may name, discriminated by `scheduler`: torch's kwarg names and
 * defaults, plus `every` and, where the scheduler scales the optimizer's value, `base`. (A
 * discriminated union at run time; typed by its output because the SequentialLR children's
 * `every`/`base`-less shapes are built by omission.)
 */
export const SchedulerValue: z.ZodType<SchedulerSpec, unknown> = z.discriminatedUnion('scheduler', [...SCHEDULERS]) as never;

/** The names `scheduler:` accepts, for "did you mean" suggestions. */
export const SCHEDULER_NAMES: readonly string[] = [...SEQUENCEABLE.map((s) => s.shape.scheduler.value as string), 'SequentialLR', 'interp'];

/** Names a SequentialLR child may have. */
export const SEQUENTIAL_CHILD_NAMES: readonly string[] = SEQUENCEABLE.map((s) => s.shape.scheduler.value as string);

/** The keys a scheduler value of `name` accepts (as a SequentialLR child: without every and base). */
/** The kwargs schema of the scheduler called `name` (its zod object), or undefined for an unknown name. */
export function schedulerShape(name: string): z.ZodObject | undefined {
  return SCHEDULERS.find((s) => s.shape.scheduler.value === name) as z.ZodObject | undefined;
}

export function schedulerKeys(name: string, asChild: boolean): string[] {
  const schema = SCHEDULERS.find((s) => s.shape.scheduler.value === name);
  const keys = schema ? Object.keys(schema.shape) : [];
  return asChild ? keys.filter((k) => k !== 'every' && k !== 'base') : keys;
}
