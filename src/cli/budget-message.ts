import { budgetText, firstOverBudget, type BudgetIssue, type BudgetKnob } from '../schedule/budgets.js';
import { CliError } from './errors.js';

/** Each budget knob as the options a user changes (docs/cli.md, "Limits"). */
const OPTIONS: Record<BudgetKnob, string> = {
  steps: 'fewer steps (steps in the config, or --set steps=N)',
  stageCount: 'fewer stages (stages or stageLength in the config)',
  schedules: 'fewer schedules per run',
  stageSelection: 'fewer stages (--stages, e.g. every:N)',
  displayStages: 'fewer --display-stages',
  frequencies: 'fewer --freqs',
  atSteps: 'fewer --at-steps',
  response: '--no-response',
  runs: '--runs',
  points: 'fewer points (the counts of --grid)',
  atFreqs: 'fewer --at-freqs',
  range: 'a narrower --range',
  nfft: 'a smaller --nfft',
  nperseg: 'a smaller --nperseg',
  noverlap: 'a smaller --noverlap (fewer segments)',
  simulateSteps: 'fewer --steps',
  curves: 'fewer --curves or --stages',
  mapCells: 'fewer --map-columns or --map-rows',
  kinds: 'fewer --kind',
  pngSize: 'a smaller --png-scale, --width or --height',
};

/** The usage error (exit 2) for an exceeded budget: what, the estimate, the budget, the options to change. */
export function budgetError(issue: BudgetIssue): CliError {
  return new CliError(budgetText(issue, (knob) => OPTIONS[knob], '--force'));
}

/** Throws the first exceeded budget that --force (`force`) does not lift; called before any output. */
export function checkBudgets(checks: readonly (BudgetIssue | undefined)[], force: boolean | undefined): void {
  const issue = firstOverBudget(checks, force ?? false);
  if (issue) throw budgetError(issue);
}
