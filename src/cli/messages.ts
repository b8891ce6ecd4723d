import { unknownPresetText } from '../schedule/preset-document.js';
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

/** `--preset NAME` or `init NAME` with a name that is no preset (with a did-you-mean). */
export function unknownPresetMessage(name: string): string {
  return unknownPresetText(name, CLI_VOCABULARY, true);
}
