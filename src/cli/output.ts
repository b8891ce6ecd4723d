import { basename, extname, resolve } from 'node:path';
import { formatOfPath } from '../plot/plot-format.js';
import { withOutputFile, writeOutputFile } from '../io/output-file.js';
import { checkOutputDirectory, makeDirectories, outputTarget, writeFailure } from '../io/output-target.js';
import { PathError } from '../io/path-error.js';
import { sameRegularFile } from '../io/same-file.js';
import { StreamWriteError, TextSink } from '../io/sink.js';
import type { CliContext } from './context.js';
import { CliError } from './errors.js';

/** Extensions of the data files the tool writes, and the format each names (plots: plot-format.ts). */
const DATA_EXTENSIONS: Record<string, string> = {
  '.json': 'json',
  '.ndjson': 'ndjson',
  '.jsonl': 'ndjson',
  '.csv': 'csv',
  '.npy': 'npy',
};

/** `.txt` is plain text: a command's table if it has one, else its default format, and any format may go there. */
const PLAIN_TEXT = '.txt';

/**
 * The extension of a file name and the format it names: a plot format (`.vl.json` before `.json`,
 * `.htm` for html), a data format, `text` for `.txt`, null for an extension the tool does not know;
 * `{ extension: '' }` for a name without one (`/dev/null`, `/dev/fd/63`, a FIFO called `out`).
 */
export function extensionFormat(file: string): { extension: string; format: string | null } {
  const plot = formatOfPath(file);
  if (plot !== null) return { extension: plot === 'html' && file.toLowerCase().endsWith('.htm') ? '.htm' : `.${plot}`, format: plot };
  const extension = extname(basename(file)).toLowerCase();
  return { extension, format: extension === PLAIN_TEXT ? 'text' : (DATA_EXTENSIONS[extension] ?? null) };
}

/**
 * The format of one output of a command, the one rule of every command (-o with --format, --plot with
 * --plot-format, --series with --series-format); `formats[0]` is the command's default, the format it
 * writes on a pipe.
 *
 * - No file, `-`, or a name without an extension (a device, a FIFO, `/dev/fd/63`, `-o results`):
 *   the format option, else the default.
 * - A known extension: its format. A format option that names another one contradicts it: a usage
 *   error naming both (a .svg file holds SVG, whatever was asked). `.txt` contradicts no format,
 *   `.json` no JSON format (`--plot spec.json --plot-format vl.json`).
 * - An unknown extension (`.pdf`): the format option, else a usage error asking for one.
 *
 * Errors: CliError (exit 2), one line naming the option and the file.
 */
export function outputFormat<F extends string>(flag: string, file: string | undefined, formatFlag: string, given: F | undefined, formats: readonly F[]): F {
  const fallback = given ?? formats[0];
  if (file === undefined || file === '-') return fallback;
  const { extension, format } = extensionFormat(file);
  if (extension === '') return fallback;
  if (format === 'text') return given ?? (formats.find((f) => f === 'table') ?? formats[0]);
  const listed = formats.join('|');
  if (format === null) {
    if (given !== undefined) return given;
    throw new CliError(`${flag} ${file}: cannot tell the format from the extension ${extension}; add ${formatFlag} ${listed}`);
  }
  // A Vega(-Lite) spec is a JSON document: `.json` holds one as well as the data.
  if (given !== undefined && (given === format || (format === 'json' && given.endsWith('.json')))) return given;
  if (given !== undefined) throw new CliError(`${flag} ${file}: the extension ${extension} names ${format}, but ${formatFlag} asks for ${given}; rename the file or drop ${formatFlag}`);
  if (!(formats as readonly string[]).includes(format)) {
    throw new CliError(`${flag} ${file}: ${format} is not a format of this output; use ${formats.map((f) => `.${f}`).join(', ')} or ${formatFlag} ${listed}`);
  }
  return format as F;
}

/** The format of -o: outputFormat with --format. */
export function chooseFormat<F extends string>(format: F | undefined, output: string | undefined, formats: readonly F[]): F {
  return outputFormat('-o', isStdout(output) ? undefined : output, '--format', format, formats);
}

/** No -o, `-o -` or `-o /dev/stdout`: the output goes to stdout, where a closed pipe is a normal end. */
export function isStdout(output: string | undefined): boolean {
  return output === undefined || output === '-' || output === '/dev/stdout';
}

/** Formats whose bytes are not text: a terminal would show garbage and may be left in a strange state. */
const BINARY_FORMATS: ReadonlySet<string> = new Set(['png', 'npy']);

/**
 * A binary format to stdout when stdout is a terminal is refused (as curl does), in one line; a pipe
 * (`-o - | display`) or a file still gets it. Errors: CliError (exit 2).
 */
export function refuseBinaryOnTerminal(ctx: CliContext, format: string, output: string | undefined): void {
  if (!BINARY_FORMATS.has(format) || !isStdout(output) || ctx.stdout.isTTY !== true) return;
  throw new CliError(`${format} is binary and stdout is a terminal: give -o a file name (-o out.${format}), or pipe it (-o - | …)`);
}

/** Colour for an output: only when it is stdout and stdout may have colour (a file never gets escape codes). */
export function outputColor(ctx: CliContext, output: string | undefined): boolean {
  return isStdout(output) && ctx.color;
}

/** The terminal an output is printed on: stdout when it is one (a file never is). */
export function outputTerminal(ctx: CliContext, output: string | undefined): { columns: number } | undefined {
  return isStdout(output) ? ctx.terminal : undefined;
}

/**
 * Runs `produce` against stdout, or against the -o file as output-file.ts writes it (a regular
 * file atomically, a device or FIFO straight through). Announces written files on stderr.
 * A failing stdout (`> /dev/full`) is `cannot write stdout: …` (exit 1).
 */
export async function writeOutput(ctx: CliContext, output: string | undefined, produce: (sink: TextSink) => Promise<void>): Promise<void> {
  if (isStdout(output)) {
    const sink = new TextSink(ctx.stdout);
    try {
      await produce(sink);
      await sink.flush();
    } catch (error) {
      if (error instanceof StreamWriteError) throw new PathError('write', 'stdout', error.code);
      throw error;
    }
    return;
  }
  await writeFileWith(ctx, output!, (path) => withOutputFile(path, produce));
}

/** Writes one file's text or bytes (a plot) as writeOutput does, and announces it. */
export async function writeFileOutput(ctx: CliContext, file: string, data: string | Uint8Array): Promise<void> {
  await writeFileWith(ctx, file, (path) => writeOutputFile(path, data));
}

/**
 * Runs a writer of the io layer on `file` resolved against the working directory, names the file
 * as the user gave it in any PathError, and announces it on stderr once written: `wrote <file>`
 * when it is a regular file (new or replaced, symlinks followed), the one thing left to find
 * afterwards. A device (`/dev/null`), a FIFO or a descriptor (`/dev/fd/N`) is written through
 * without a notice, as a shell redirection is: its reader already has the data.
 */
export async function writeFileWith(ctx: CliContext, file: string, write: (path: string) => Promise<void>): Promise<void> {
  const path = resolve(ctx.cwd, file);
  // Decided before writing, as output-target.ts decides how to write it; a path it refuses fails in `write`.
  const regular = await outputTarget(path).then((t) => t.kind === 'replace', () => true);
  try {
    await write(path);
  } catch (error) {
    throw await writeFailure(error, file, ctx.cwd);
  }
  if (regular) ctx.stderr.write(`wrote ${file}\n`);
}

/** Output files and directories of a command, and its input files, checked together. */
export interface OutputPlan {
  /**
   * Output file paths as the user gave them, by option (`{ '-o': …, '--plot': … }`) or as a list;
   * undefined and stdout are skipped.
   */
  files?: Readonly<Record<string, string | undefined>> | readonly (string | undefined)[];
  /** Output directories (--out-dir), created later if missing. */
  dirs?: readonly (string | undefined)[];
  /** Files to be written inside those directories (checked as files once their directory exists). */
  dirFiles?: readonly string[];
  /** Input paths (`-` is stdin). */
  inputs?: readonly (string | undefined)[];
}

/**
 * Checks every output before any work is done or anything written: each file can be written
 * (its directory exists and is writable, it is not a directory; ENOTDIR, ELOOP, ENAMETOOLONG,
 * EACCES), each directory is one or can be made, no output is one of the inputs (same file
 * after symlinks: the config would be overwritten), and no two outputs are one file (a path, a
 * symlink to it or a hard link: the second would replace the first). Failures are exit 2.
 */
export async function checkOutputs(ctx: CliContext, plan: OutputPlan): Promise<void> {
  const named = Array.isArray(plan.files) ? plan.files.map((f) => ['', f] as const) : Object.entries(plan.files ?? {});
  // Only -o writes to stdout; a second output given as `-` would otherwise become a file named "-".
  for (const [flag, file] of named) {
    if (file === '-' && flag !== '' && flag !== '-o') throw new CliError(`${flag} -: stdout carries the command's own output; give ${flag} a file name`);
  }
  const files = named.filter((e): e is [string, string] => !isStdout(e[1]));
  // `-` is compared as the file behind stdin (`< config.yaml`), and named as the messages name it.
  // A stdin handed in as a stream (no descriptor) is no file that an output could overwrite.
  const inputs = (plan.inputs ?? [])
    .filter((f): f is string => f !== undefined && (f !== '-' || ctx.stdinFd !== undefined))
    .map((f) => (f === '-' ? { path: `/dev/fd/${ctx.stdinFd}`, shown: '<stdin>' } : { path: resolve(ctx.cwd, f), shown: f }));
  for (const dir of plan.dirs ?? []) {
    if (dir === undefined) continue;
    try {
      await checkOutputDirectory(resolve(ctx.cwd, dir));
    } catch (error) {
      throw await writeFailure(error, dir, ctx.cwd, true);
    }
  }
  const replaced: { shown: string; path: string; file: string }[] = [];
  for (const [flag, file] of [...files, ...(plan.dirFiles ?? []).map((f) => ['--out-dir file', f] as const)]) {
    const path = resolve(ctx.cwd, file);
    try {
      const target = await outputTarget(path);
      if (target.kind === 'replace') replaced.push({ shown: flag === '' ? file : `${flag} ${file}`, path, file: target.file });
    } catch (error) {
      const missingDirectory = (error as NodeJS.ErrnoException).code === 'ENOENT' && plan.dirFiles?.includes(file);
      if (!missingDirectory) throw await writeFailure(error, file, ctx.cwd);
    }
    for (const input of inputs) {
      if (await sameRegularFile(path, input.path)) {
        throw new CliError(`cannot write ${file}: it is the input ${input.shown}; choose another output file`);
      }
    }
  }
  for (const [i, a] of replaced.entries()) {
    for (const b of replaced.slice(0, i)) {
      if (a.file === b.file || (await sameRegularFile(a.path, b.path))) throw new CliError(`${b.shown} and ${a.shown} are the same file: the second would replace the first; choose different files`);
    }
  }
}

/** Creates an output directory (and its parents) if missing; failures name it as given. */
export async function makeOutputDirectory(ctx: CliContext, dir: string): Promise<void> {
  try {
    await makeDirectories(resolve(ctx.cwd, dir));
  } catch (error) {
    throw await writeFailure(error, dir, ctx.cwd, true);
  }
}
