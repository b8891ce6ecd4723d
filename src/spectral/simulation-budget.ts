import { counted, OUTPUT_BYTES_PER_NUMBER, overBudget, type BudgetIssue } from '../schedule/budgets.js';
import type { Schedule } from '../types.js';

/** What one `simulate` run computes, known before the signal is made. */
export interface SimulationPlan {
  /** Samples of the test signal. */
  steps: number;
  schedules: readonly Schedule[];
  /** Stages compared, per schedule. */
  selected: readonly number[];
  /** Largest Welch segment (per-stage spectra have up to nperseg/2 + 1 bins). */
  nperseg: number;
  /** The input and every output are also written as a series file (a padded copy each). */
  series: boolean;
  /** JSON keeps each stage's spectra. */
  spectra: boolean;
}

/** Bytes a stage comparison holds besides its spectra (a StageComparison object with its agreement). */
const COMPARISON_BYTES = 1024;
/**
 * ns per sample and filter coefficient of the recursion, per sample of the stages' Welch estimates, and
 * per compared stage (10⁶ one-step adam-m stages took 29 s).
 */
const SAMPLE_NS = { recursion: 3, welch: 100, stage: 30_000 };

/**
 * Budgets of a simulation: memory (the signal and every schedule's output, 8 bytes per step each, twice
 * with --series, and the stage comparisons), time (the recursion and each compared stage's Welch
 * estimate, proportional to the samples) and output (a row per compared stage, with --spectra its bins).
 */
export function simulationBudgets(plan: SimulationPlan): { memory?: BudgetIssue; time?: BudgetIssue; output?: BudgetIssue } {
  const { steps, schedules, selected } = plan;
  const signals = 1 + schedules.length * (plan.series ? 2 : 1);
  const stages = selected.reduce((n, s) => n + s, 0);
  const bins = plan.spectra ? Math.floor(plan.nperseg / 2) + 1 : 0;
  const memory = overBudget(
    'workingSetBytes',
    steps * signals * 8 + stages * (COMPARISON_BYTES + bins * 4 * 8),
    `a simulation of ${counted(steps, 'step')} through ${counted(schedules.length, 'schedule')} (${counted(stages, 'stage')} compared)`,
    ['simulateSteps', 'stageSelection', 'schedules'],
  );
  let ns = 0;
  for (const s of schedules) {
    const width = s.rational ? s.rational.nb + s.rational.na : s.bank ? 1 + 3 * s.bank.branches : 2;
    ns += Math.min(steps, s.steps) * (width * SAMPLE_NS.recursion + SAMPLE_NS.welch);
  }
  ns += stages * SAMPLE_NS.stage;
  const time = overBudget('seconds', ns / 1e9, `a simulation of ${counted(steps, 'step')} through ${counted(schedules.length, 'schedule')}`, ['simulateSteps', 'stageSelection', 'schedules']);
  const output = overBudget('outputBytes', stages * (13 + bins * 4) * OUTPUT_BYTES_PER_NUMBER, `the output (${counted(stages, 'stage')}${bins > 0 ? ` × ${bins} bins` : ''})`, ['stageSelection', 'simulateSteps']);
  return { memory, time, output };
}
