import { unknownPresetText } from '../schedule/preset-document.js';
import type { TuneFailure, TuneFailureCode } from '../tune/tune-parameter.js';
import type { Vocabulary } from '../vocabulary.js';

/** The CLI's words for the knobs core messages name (see src/vocabulary.ts). */
export const CLI_VOCABULARY: Vocabulary = {
  allowUnstable: '--allow-unstable',
  stages: '--stages',
  atSteps: '--at-steps',
  range: '--range lo:hi',
  grid: '--grid',
  force: '--force',
  presets: '`momentum-fr presets`',
  exact: '--exact',
};

/** `--preset NAME` or `init NAME` with a name that is no preset (with a did-you-mean). */
export function unknownPresetMessage(name: string): string {
  return unknownPresetText(name, CLI_VOCABULARY, true);
}

/** Exit code of each way tune can fail: 2 for a bad request (usage), 1 when no solution exists where the search looked. */
export const TUNE_EXIT_CODES: Record<TuneFailureCode, 1 | 2> = {
  invalid_path: 2,
  integer_parameter: 2,
  no_learning_rate: 2,
  no_solution: 1,
  no_effect: 1,
  undefined_at_start: 1,
  jump: 1,
};

/** The CLI's line for a tune failure: a bad request names the option that made it (`--solve`, or `--target` for a metric the schedule cannot give). */
export function tuneFailureText(failure: TuneFailure): string {
  if (failure.code === 'no_learning_rate') return `--target: ${failure.error}`;
  return TUNE_EXIT_CODES[failure.code] === 2 ? `--solve ${failure.error}` : failure.error;
}
