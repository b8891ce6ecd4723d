import { PRESETS } from './presets/index.js';
import { quoted } from '../util/excerpt.js';
import { didYouMean } from '../util/suggest.js';
import { LIBRARY_VOCABULARY, type Vocabulary } from '../vocabulary.js';

/** A preset's config as the YAML would give it: what `--preset NAME` analyses and `init NAME` writes. */
export interface PresetDocument {
  name: string;
  steps: number;
  stages: number;
  momentum: { preset: string } & Record<string, unknown>;
}

/**
 * The raw mapping of a preset's config: `{ name, steps, stages, momentum: { preset, …defaults } }`,
 * with the preset's steps and stages and every parameter at its default. The one source of a
 * preset's defaults: `--preset NAME` parses it as a value (no YAML text, so an issue names a key,
 * or the `--set` that changed it, never a line of a file the user did not write), `init NAME`
 * writes it as commented YAML, `presets` lists it. A fresh object at every call (callers may patch it).
 * Throws a RangeError for an unknown name (check `PRESETS.has(name)` first).
 */
export function presetDocument(name: string): PresetDocument {
  const preset = PRESETS.get(name);
  if (!preset) throw new RangeError(`unknown preset ${name}`);
  const defaults = preset.params.parse({}) as Record<string, unknown>;
  return { name: preset.name, steps: preset.defaults.steps, stages: preset.defaults.stages, momentum: { preset: preset.name, ...structuredClone(defaults) } };
}

/**
 * The one text for a name that is no preset, with a did-you-mean and where the names are listed
 * (`vocabulary.presets`). `named`: the name is part of the sentence (a CLI option); otherwise the
 * issue shows it as `(got …)`.
 */
export function unknownPresetText(name: string, vocabulary: Vocabulary = LIBRARY_VOCABULARY, named = false): string {
  return `unknown preset${named ? ` ${quoted(name)}` : ''}${didYouMean(name, PRESETS.keys())}; see ${vocabulary.presets}`;
}
