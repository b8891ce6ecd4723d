/**
 * How core messages name the knobs a user turns. The core never spells a CLI flag: a message that
 * gives advice ("use --allow-unstable to analyse it anyway") asks a vocabulary for the words, so the
 * library says `allowUnstable: true` and the CLI says `--allow-unstable` (src/cli/messages.ts).
 * Same pattern as the budget knobs of schedule/budgets.ts (`budgetText(issue, name)`).
 */
export interface Vocabulary {
  /** Analyse unstable stages anyway. */
  readonly allowUnstable: string;
  /** The stage selection (`all|first|last|K|a..b|every:N|step:S`). */
  readonly stages: string;
  /** Steps to report the exact response at. */
  readonly atSteps: string;
  /** A search interval for a solve, `lo:hi`. */
  readonly range: string;
  /** A swept parameter, `path=SPEC`. */
  readonly grid: string;
  /** Lift the output and time budgets. */
  readonly force: string;
  /** Where the preset names are listed. */
  readonly presets: string;
  /** Draw the exact (time-variant) responses over the frozen ones. */
  readonly exact: string;
}

/** The library's words: option names of analyze(), parseSchedules() and friends. */
export const LIBRARY_VOCABULARY: Vocabulary = {
  allowUnstable: 'allowUnstable: true',
  stages: 'stages',
  atSteps: 'atSteps',
  range: 'range: [lo, hi]',
  grid: 'grid',
  force: 'force: true',
  presets: 'PRESETS',
  exact: 'exact: true',
};
