import type { z } from 'zod';
import type { BankTable, RationalTable, StageTable } from '../../types.js';
import type { Partition } from '../stages.js';

/** What a coefficient formula may depend on, per stage (t is the stage's first step, 1-based). */
export interface StageContext {
  /** Stage index, from 0. */
  k: number;
  /** Number of stages. */
  N: number;
  /** First step of the stage, 1-based. */
  t: number;
  /** Total steps Σ. */
  T: number;
  /** Progress at the stage start, p = t/T ∈ (0, 1] (t counts steps from 1). */
  p: number;
  /** Length of this stage in steps. */
  delta: number;
}

/** u and v of one stage. */
export type Coefficients = (ctx: StageContext) => { u: number; v: number };

/**
 * A named momentum method. `params` is a strict zod object with defaults (the preset's own keys,
 * beside `preset:` in the YAML). Most presets give per-stage coefficients over the schedule's
 * partition; FSGDM brings its own partition (the official step → stage rule).
 */
export interface Preset<S extends z.ZodObject = z.ZodObject> {
  name: string;
  /** One line for `momentum-fr presets`. */
  summary: string;
  /** The formula, as in docs/config.md. */
  formula: string;
  /** Where the formula comes from. */
  source: string;
  params: S;
  /** steps/stages used by `--preset NAME` and `init` when the user gives none. */
  defaults: { steps: number; stages: number };
  /** Whether the optimizer's first step copies the gradient into the buffer (m_1 = g_1). */
  firstStepCopy: boolean;
  coefficients(params: z.output<S>): Coefficients;
  /**
   * Only for presets with their own step → stage rule; gets the schedule's steps and stages.
   * `allocate` supplies the table to fill (a sweep reuses one from point to point); by default a
   * fresh one. Every row up to `count` is written.
   */
  table?(params: z.output<S>, steps: number, stages: number, allocate?: (count: number) => StageTable): StageTable | string;
  /**
   * With `table`: a note when the preset's own rule gives a stage count the user may not expect from
   * `stages` (FSGDM's floor δ = ⌊Σ/N⌋), else undefined. `count` is the table's stage count.
   */
  stageNote?(steps: number, stages: number, count: number): string | undefined;
  /** Only for presets that need a partition other than the schedule's (adam-m: one stage per step). */
  partition?(steps: number, stages: number, params: z.output<S>): Partition;
  /**
   * Only for presets with their own step → stage rule (`table` or `partition`): how many stages it gives,
   * computed without allocating them, so that budgets are checked first.
   */
  stageCount?(params: z.output<S>, steps: number, stages: number): number;
  /**
   * Bytes each stage holds beyond the stage table's 32 (u, v, first and last step): a bank's c0 and
   * per-branch c, u, v, a rational stage's b and a. Default: one branch (32) for bank presets, else 0.
   */
  stageBytes?(params: z.output<S>): number;
  /**
   * Only for filter-bank presets (nesterov, qhm, aggmo, adam-m, ademamix, lion): the bank's coefficients per
   * stage of the partition, or a message for an impossible combination. `coefficients` then gives branch 0.
   */
  bank?(params: z.output<S>, partition: Partition, steps: number): BankTable | string;
  /** Only for `rational`: per-stage polynomials b, a over the partition, or a message. */
  rational?(params: z.output<S>, partition: Partition): RationalTable | string;
}

export function definePreset<S extends z.ZodObject>(preset: Preset<S>): Preset<S> {
  return preset;
}
