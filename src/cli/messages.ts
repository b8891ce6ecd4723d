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
};
