import { basename, extname, resolve } from 'node:path';
import { asPathError } from '../io/path-error.js';
import { InputTooLargeError, openInput, readInputBytes, readStreamBytes } from '../io/read-input.js';
import { decodeConfigText } from '../io/config-text.js';
import { tableReader } from '../io/read-table.js';
import { formatIssue } from '../schedule/issues.js';
import { parseKeyPath } from '../schedule/key-path.js';
import { readYamlDocuments } from '../schedule/yaml-source.js';
import { excerpt } from '../util/excerpt.js';
import { LIMITS } from '../schedule/limits.js';
import { parseConfig, parseSchedules, type Override, type ParseOptions } from '../schedule/parse.js';
import { PRESETS } from '../schedule/presets/index.js';
import { presetDocument, type PresetDocument } from '../schedule/preset-document.js';
import type { ScheduleConfig } from '../schedule/schema.js';
import type { Schedule } from '../types.js';
import type { CliContext } from './context.js';
import { CliError } from './errors.js';
import { CLI_VOCABULARY, unknownPresetMessage } from './messages.js';
import type { InputOptions } from './options.js';

export interface LoadedSource {
  /** How to name it in messages: the path as given, `<stdin>`, or `--preset NAME`. */
  label: string;
  /** Base name for output files. */
  stem: string;
  schedules: Schedule[];
  /** The validated configs, one per schedule. */
  configs: ScheduleConfig[];
  /** `label:line:col` of a key path in the input's first document (the label alone without one). */
  where(path: readonly (string | number)[]): string;
}

/**
 * Reads and resolves every input (files, `-` for stdin, `--preset`), applying `--set` overrides:
 * the one config loader of the CLI. Each input is parsed once (`--preset NAME` is presetDocument(NAME),
 * a value, never YAML text); `where()` locates keys from that parse. All problems of all inputs are
 * printed, one `file:line:col: path: message` per line, before a single CliError (exit 2) is thrown.
 */
export async function loadSources(inputs: string[], opts: InputOptions, ctx: CliContext, keep: Pick<ParseOptions, 'keepValues'> = {}): Promise<LoadedSource[]> {
  const overrides = (opts.set ?? []).map(parseOverride);
  const sources: { label: string; stem: string; content: string | PresetDocument; path?: string }[] = [];
  if (opts.preset !== undefined) {
    if (!PRESETS.has(opts.preset)) throw new CliError(unknownPresetMessage(opts.preset));
    sources.push({ label: `--preset ${opts.preset}`, stem: opts.preset, content: presetDocument(opts.preset) });
  }
  if (inputs.filter((input) => input === '-').length > 1) throw new CliError('- (stdin) is given more than once: stdin can be read once; give it once, or save it to a file');
  for (const input of inputs) {
    sources.push({ label: input === '-' ? '<stdin>' : input, stem: stemOf(input), content: await readConfigText(input, ctx), path: input === '-' ? undefined : input });
  }
  if (sources.length === 0) throw new CliError('no config given: pass a file, - for stdin, or --preset NAME');

  const loaded: LoadedSource[] = [];
  let problems = 0;
  for (const { label, stem, content, path } of sources) {
    // `{ table: file }` values are read relative to the config file (stdin, --preset: the working directory).
    const readTable = tableReader(path, ctx.cwd);
    const options = { allowUnstable: opts.allowUnstable, overrides, defaultName: stem, vocabulary: CLI_VOCABULARY, readTable, ...keep };
    const parsed = typeof content === 'string' ? parseSchedules(content, options) : parseConfig(content, options);
    for (const issue of [...parsed.warnings, ...parsed.issues]) ctx.stderr.write(`${formatIssue(label, issue)}\n`);
    problems += parsed.issues.length;
    const doc = parsed.documents[0];
    const where = (path: readonly (string | number)[]) => {
      const at = doc?.locate(path, true);
      return at ? `${label}:${at.line}:${at.column}` : label;
    };
    loaded.push({ label, stem, schedules: parsed.schedules, configs: parsed.configs, where });
  }
  if (problems > 0) throw new CliError(`${problems} problem(s)`, 2, true);
  return loaded;
}

export async function loadSchedules(inputs: string[], opts: InputOptions, ctx: CliContext): Promise<Schedule[]> {
  return (await loadSources(inputs, opts, ctx)).flatMap((s) => s.schedules);
}

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
 * loadSources for a command that takes exactly one schedule (a config file or a preset). Config
 * problems are printed one per line (`file:line:col: path: message`) and end in a CliError (exit 2).
 */
export async function loadSweepInput(input: string | undefined, opts: InputOptions, ctx: CliContext, command: string): Promise<SweepInput> {
  if (opts.preset !== undefined && input !== undefined) throw new CliError(`${command} takes one schedule: give a config file or --preset, not both`);
  // The sweep's and tune's points resolve this config again: its resolved values are kept for them.
  const [source] = await loadSources(input === undefined ? [] : [input], opts, ctx, { keepValues: true });
  if (source.configs.length !== 1) throw new CliError(`${source.label}: ${command} takes one schedule, the file has ${source.configs.length}; split it or use --preset`);
  return { label: source.label, config: source.configs[0], schedule: source.schedules[0], where: source.where };
}

function stemOf(input: string): string {
  if (input === '-') return 'stdin';
  return basename(input, extname(input));
}

/**
 * `momentum.beta=0.99` → { path: ['momentum', 'beta'], value: 0.99, origin: '--set momentum.beta=0.99' }:
 * the value read as YAML, or kept as text when it is not valid YAML (so `--set momentum.u=t: 1`
 * reaches validation as written). A one-key path is a bare name (`beta`), resolved per schedule.
 */
export function parseOverride(text: string): Override {
  const eq = text.indexOf('=');
  if (eq <= 0) throw new CliError(`--set ${excerpt(text)}: expected key.path=value`);
  const key = parseKeyPath(text.slice(0, eq));
  if ('error' in key) throw new CliError(`--set: ${key.error}`);
  const raw = text.slice(eq + 1);
  const { documents, issues } = readYamlDocuments(raw);
  const value = issues.length > 0 || documents.length > 1 ? raw : (documents[0]?.value ?? null);
  return { path: key.path, value, origin: `--set ${excerpt(text)}` };
}

/**
 * The text of a config file, or of stdin for `-`, within LIMITS.maxConfigBytes: a file by its size,
 * anything else (stdin, a pipe, a FIFO, `<(cmd)`, /dev/zero) by what it delivers, reading no
 * further than the limit. Path problems (ENOENT, ENOTDIR, ELOOP, ENAMETOOLONG, EACCES, EISDIR)
 * are PathErrors naming the input as given (exit 2).
 */
export async function readConfigText(input: string, ctx: CliContext): Promise<string> {
  const label = input === '-' ? '<stdin>' : input;
  let bytes: Uint8Array;
  try {
    if (input === '-') bytes = await readStreamBytes(ctx.stdin, LIMITS.maxConfigBytes);
    else {
      const file = openInput(resolve(ctx.cwd, input));
      try {
        bytes = readInputBytes(file, LIMITS.maxConfigBytes);
      } finally {
        file.close();
      }
    }
  } catch (err) {
    if (err instanceof InputTooLargeError) throw new CliError(`${label}: config is larger than ${err.limit} bytes`);
    throw asPathError(err, 'read', label);
  }
  return decoded(label, bytes, ctx);
}

/** The text of a config's bytes; an encoding problem is printed as `file:line:col: message` (exit 2). */
function decoded(label: string, bytes: Uint8Array, ctx: CliContext): string {
  const result = decodeConfigText(bytes);
  if ('text' in result) return result.text;
  ctx.stderr.write(`${formatIssue(label, result.issue)}\n`);
  throw new CliError('1 problem', 2, true);
}
