import { basename, extname, resolve } from 'node:path';
import { asPathError } from '../io/path-error.js';
import { InputTooLargeError, openInput, readInputBytes, readStreamBytes } from '../io/read-input.js';
import { decodeConfigText } from '../io/config-text.js';
import { formatIssue } from '../schedule/issues.js';
import { parseKeyPath } from '../schedule/key-path.js';
import { readYamlDocuments } from '../schedule/yaml-source.js';
import { excerpt, quoted } from '../util/excerpt.js';
import { LIMITS } from '../schedule/limits.js';
import { parseSchedules } from '../schedule/parse.js';
import { PRESETS } from '../schedule/presets/index.js';
import { starterYaml } from '../schedule/starter.js';
import type { Schedule } from '../types.js';
import { didYouMean } from '../util/suggest.js';
import type { CliContext } from './context.js';
import { CliError } from './errors.js';
import type { InputOptions } from './options.js';
import { CLI_VOCABULARY } from './messages.js';

export interface LoadedSource {
  /** How to name it in messages: the path as given, `<stdin>`, or `--preset NAME`. */
  label: string;
  /** Base name for output files. */
  stem: string;
  schedules: Schedule[];
}

/**
 * Reads and resolves every input (files, `-` for stdin, `--preset`), applying `--set` overrides.
 * All problems of all inputs are printed, one `file:line:col: path: message` per line, before a
 * single CliError (exit 2) is thrown.
 */
export async function loadSources(inputs: string[], opts: InputOptions, ctx: CliContext): Promise<LoadedSource[]> {
  const overrides = (opts.set ?? []).map(parseOverride);
  const texts: { label: string; stem: string; text: string }[] = [];
  if (opts.preset !== undefined) {
    if (!PRESETS.has(opts.preset)) throw new CliError(`unknown preset ${quoted(opts.preset)}${didYouMean(opts.preset, PRESETS.keys())}; see \`momentum-fr presets\``);
    texts.push({ label: `--preset ${opts.preset}`, stem: opts.preset, text: starterYaml(opts.preset) });
  }
  for (const input of inputs) texts.push({ label: input === '-' ? '<stdin>' : input, stem: stemOf(input), text: await readConfigText(input, ctx) });
  if (texts.length === 0) throw new CliError('no config given: pass a file, - for stdin, or --preset NAME');

  const loaded: LoadedSource[] = [];
  let problems = 0;
  for (const { label, stem, text } of texts) {
    const parsed = parseSchedules(text, { allowUnstable: opts.allowUnstable, overrides, defaultName: stem, vocabulary: CLI_VOCABULARY });
    for (const issue of [...parsed.warnings, ...parsed.issues]) ctx.stderr.write(`${formatIssue(label, issue)}\n`);
    problems += parsed.issues.length;
    loaded.push({ label, stem, schedules: parsed.schedules });
  }
  if (problems > 0) throw new CliError(`${problems} problem(s)`, 2, true);
  return loaded;
}

export async function loadSchedules(inputs: string[], opts: InputOptions, ctx: CliContext): Promise<Schedule[]> {
  return (await loadSources(inputs, opts, ctx)).flatMap((s) => s.schedules);
}

function stemOf(input: string): string {
  if (input === '-') return 'stdin';
  return basename(input, extname(input));
}

/**
 * `momentum.beta=0.99` → { path: ['momentum', 'beta'], value: 0.99 }: the value read as YAML, or
 * kept as text when it is not valid YAML (so `--set momentum.u=t: 1` reaches validation as written).
 */
export function parseOverride(text: string): { path: string[]; value: unknown } {
  const eq = text.indexOf('=');
  if (eq <= 0) throw new CliError(`--set ${excerpt(text)}: expected key.path=value`);
  const key = parseKeyPath(text.slice(0, eq));
  if ('error' in key) throw new CliError(`--set: ${key.error}`);
  const raw = text.slice(eq + 1);
  const { documents, issues } = readYamlDocuments(raw);
  const value = issues.length > 0 || documents.length > 1 ? raw : (documents[0]?.value ?? null);
  return { path: key.path, value };
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
