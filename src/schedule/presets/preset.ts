import type { z } from 'zod';
import type { BankTable, RationalTable, StageTable } from '../../types.js';
import type { Partition } from '../stages.js';
import type { StageContext } from '../stage-context.js';
import { scheduledBounds } from '../value-schema.js';

export type { StageContext };

/** u and v of one stage. */
export type Coefficients = (ctx: StageContext) => { u: number; v: number };

/** What every preset has, whatever its kind. */
interface PresetCommon<S extends z.ZodObject> {
  name: string;
  /** One line for `momentum-fr presets`. */
  summary: string;
  /** The formula, as in docs/config.md. */
  formula: string;
  /** Where the formula comes from. */
  source: string;
  /** A strict zod object with defaults: the preset's own keys, beside `preset:` in the YAML. */
  params: S;
  /** steps/stages used by `--preset NAME` and `init` when the user gives none. */
  defaults: { steps: number; stages: number };
  /** Whether the optimizer's first step copies the gradient into the buffer (m_1 = g_1). */
  firstStepCopy: boolean;
  /**
   * Bytes each stage holds beyond the stage table's 32 (u, v, first and last step): a bank's c0 and
   * per-branch c, u, v, a rational stage's b and a. Default: one branch (32) for bank presets, else 0.
   */
  stageBytes?(params: z.output<S>): number;
  /**
   * True when the coefficients depend on the step (paper-*-increasing: u = t/(t + μ)): without
   * `stages`/`stageLength` they are then evaluated at every step rather than once.
   */
  stepDependent?(params: z.output<S>): boolean;
  /**
   * The parameter torch's schedulers cycle with cycle_momentum (OneCycleLR, CyclicLR): SGD's
   * `momentum`, Adam's `betas[0]`. Absent: the optimizer has none (torch raises ValueError).
   */
  momentumParam?: string;
  /**
   * Keys a PyTorch user may write here that the preset does not take, each with what to write instead
   * (adam-m's `betas`: torch's betas[0] is `beta1`), said in place of a bare "unknown key".
   */
  torchSpellings?: Readonly<Record<string, string>>;
  /**
   * PyTorch kwargs written at the value that means this very preset (pytorch-sgd's `nesterov: false`,
   * torch's default: plain momentum): accepted and dropped, as torch takes them.
   */
  torchDefaults?: Readonly<Record<string, unknown>>;
}

/** First-order momentum over the schedule's partition: u and v per stage. */
export interface FirstOrderPreset<S extends z.ZodObject = z.ZodObject> extends PresetCommon<S> {
  kind: 'first-order';
  coefficients(params: z.output<S>): Coefficients;
  /**
   * The one parameter that makes u (a stability message points at it), if there is one; when not
   * given, the preset's momentumParam (the optimizer's momentum is u in a first-order preset).
   */
  uKey?: string;
}

/** First-order momentum with its own step → stage rule (FSGDM's official δ = ⌊Σ/N⌋). */
export interface OwnPartitionPreset<S extends z.ZodObject = z.ZodObject> extends PresetCommon<S> {
  kind: 'own-partition';
  /**
   * The stage table from the schedule's steps and stages, or a message for an impossible
   * combination. `allocate` supplies the table to fill (a sweep reuses one from point to point); by
   * default a fresh one. Every row up to `count` is written.
   */
  table(params: z.output<S>, steps: number, stages: number, allocate?: (count: number) => StageTable): StageTable | string;
  /** How many stages the rule gives, computed without allocating them, so that budgets are checked first. */
  stageCount(params: z.output<S>, steps: number, stages: number): number;
  /**
   * A note when the rule gives a stage count the user may not expect from `stages` (FSGDM's floor
   * δ = ⌊Σ/N⌋), else undefined. `count` is the table's stage count.
   */
  stageNote?(params: z.output<S>, steps: number, stages: number, count: number): string | undefined;
  /**
   * True exactly when every stage of `table(params, steps, stages)` has a finite u with |u| < 1,
   * decided without building the table (a sweep skips its check pass over such points).
   */
  stableWhen?(params: z.output<S>, steps: number, stages: number): boolean;
}

/** A filter bank per stage (nesterov, qhm, aggmo, adam-m, ademamix, lion). */
export interface BankPreset<S extends z.ZodObject = z.ZodObject> extends PresetCommon<S> {
  kind: 'bank';
  /** Only for presets that need a partition other than the schedule's (adam-m: one stage per step). */
  partition?(steps: number, stages: number, params: z.output<S>): Partition;
  /** With `partition`: how many stages it gives, computed without allocating them. */
  stageCount?(params: z.output<S>, steps: number, stages: number): number;
  /** The key path (under `momentum`) of the parameter that makes branch i's u, if there is one. */
  branchKey?(branch: number): (string | number)[] | undefined;
  /** The bank's coefficients per stage of the partition, or a message for an impossible combination. */
  bank(params: z.output<S>, partition: Partition, steps: number): BankTable | string;
}

/** A rational transfer function per stage (`rational`). */
export interface RationalPreset<S extends z.ZodObject = z.ZodObject> extends PresetCommon<S> {
  kind: 'rational';
  /** Per-stage polynomials b, a over the partition, or a message. */
  rational(params: z.output<S>, partition: Partition): RationalTable | string;
}

/**
 * A scheduled parameter's value in stage k: parameters declared with `scheduled()` reach a preset as
 * a number (plain, or the current value: first-order presets are asked per run) or, for a bank, as
 * one value per stage of the partition it is given.
 */
export function stageValue(value: unknown, k: number): number {
  return typeof value === 'number' ? value : (value as Float64Array)[k];
}

/**
 * A named momentum method, by the kind of filter it makes: `params` is a strict zod object with
 * defaults (the preset's own keys, beside `preset:` in the YAML).
 */
export type Preset<S extends z.ZodObject = z.ZodObject> = FirstOrderPreset<S> | OwnPartitionPreset<S> | BankPreset<S> | RationalPreset<S>;

export function definePreset<S extends z.ZodObject>(preset: Preset<S>): Preset<S> {
  return preset;
}

/** The preset's parameters declared with scheduled() and given as a schedule rather than a number. */
export function scheduledKeys(preset: Preset, params: Record<string, unknown>): string[] {
  const shape = preset.params.shape as Record<string, z.ZodType>;
  return Object.keys(shape).filter((key) => scheduledBounds(shape[key]) !== undefined && typeof params[key] !== 'number');
}

/** How many stages a preset's own stage rule gives (fsgdm, adam-m, ademamix), or undefined when it uses the schedule's partition. */
export function ownStageCount(preset: Preset, params: never, steps: number, stages: number): number | undefined {
  return preset.kind === 'own-partition' || preset.kind === 'bank' ? preset.stageCount?.(params, steps, stages) : undefined;
}

/** Bytes each stage of the preset's filter holds beyond the stage table's 32 (stageBytes; one bank branch by default). */
export function extraStageBytes(preset: Preset, params: never): number {
  return preset.stageBytes ? preset.stageBytes(params) : preset.kind === 'bank' ? 32 : 0;
}
