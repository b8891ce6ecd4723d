import { basename, extname } from 'node:path';
import { formatIssue } from '../../schedule/issues.js';
import { parseSchedules } from '../../schedule/parse.js';
import { PRESETS } from '../../schedule/presets/index.js';
import type { ScheduleConfig } from '../../schedule/schema.js';
import { starterYaml } from '../../schedule/starter.js';
import { readYamlDocuments } from '../../schedule/yaml-source.js';
import type { Schedule } from '../../types.js';
import { quoted } from '../../util/excerpt.js';
import { didYouMean } from '../../util/suggest.js';
import type { CliContext } from '../context.js';
import { CliError } from '../errors.js';
import { parseOverride, readConfigText } from '../load-schedules.js';
import type { InputOptions } from '../options.js';
import { CLI_VOCABULARY } from '../messages.js';

/** The one schedule a sweep or tune works on, parsed once, with `--set` applied. */
export interface SweepInput {
  /** The file as given, `<stdin>` or `--preset NAME`: the prefix of messages. */
  label: string;
  config: ScheduleConfig;
  schedule: Schedule;
  /** `label:line:col` of a key path in the text, for errors about the `sweep:` block. */
  where(path: readonly (string | number)[]): string;
}

/**
 * Reads a config (or a preset's starter config) holding exactly one schedule. Config problems are
 * printed one per line (`file:line:col: path: message`) and end in a CliError (exit 2).
 */
export async function loadSweepInput(input: string | undefined, opts: InputOptions, ctx: CliContext, command: string): Promise<SweepInput> {
  if (opts.preset !== undefined && input !== undefined) throw new CliError(`${command} takes one schedule: give a config file or --preset, not both`);
  let label: string;
  let text: string;
  if (opts.preset !== undefined) {
    if (!PRESETS.has(opts.preset)) throw new CliError(`unknown preset ${quoted(opts.preset)}${didYouMean(opts.preset, PRESETS.keys())}; see \`momentum-fr presets\``);
    label = `--preset ${opts.preset}`;
    text = starterYaml(opts.preset);
  } else if (input !== undefined) {
    label = input === '-' ? '<stdin>' : input;
    text = await readConfigText(input, ctx);
  } else {
    throw new CliError(`no config given: pass a file, - for stdin, or --preset NAME`);
  }
  const overrides = (opts.set ?? []).map(parseOverride);
  const stem = input === undefined || input === '-' ? (opts.preset ?? 'stdin') : basename(input, extname(input));
  const parsed = parseSchedules(text, { allowUnstable: opts.allowUnstable, overrides, defaultName: stem, vocabulary: CLI_VOCABULARY });
  for (const warning of parsed.warnings) ctx.stderr.write(`${formatIssue(label, warning)}\n`);
  if (parsed.issues.length > 0) {
    for (const issue of parsed.issues) ctx.stderr.write(`${formatIssue(label, issue)}\n`);
    throw new CliError(`${parsed.issues.length} problem(s)`, 2, true);
  }
  if (parsed.configs.length !== 1) throw new CliError(`${label}: ${command} takes one schedule, the file has ${parsed.configs.length}; split it or use --preset`);
  const doc = readYamlDocuments(text).documents[0];
  return {
    label,
    config: parsed.configs[0],
    schedule: parsed.schedules[0],
    where: (path) => {
      const at = doc?.locate(path, true);
      return at ? `${label}:${at.line}:${at.column}` : label;
    },
  };
}

