import { extname, resolve } from 'node:path';
import { withOutputFile, writeOutputFile } from '../io/output-file.js';
import { checkOutputDirectory, makeDirectories, outputTarget, writeFailure } from '../io/output-target.js';
import { PathError } from '../io/path-error.js';
import { sameRegularFile } from '../io/same-file.js';
import { StreamWriteError, TextSink } from '../io/sink.js';
import type { CliContext } from './context.js';
import { CliError } from './errors.js';

const EXTENSION_FORMATS: Record<string, string> = {
  '.json': 'json',
  '.ndjson': 'ndjson',
  '.jsonl': 'ndjson',
  '.csv': 'csv',
  '.txt': 'table',
};

/** --format if given, else the -o file's extension, else the first (default) format. */
export function chooseFormat(format: string | undefined, output: string | undefined, formats: string[]): string {
  if (format) return format;
  if (!isStdout(output)) {
    const byExt = EXTENSION_FORMATS[extname(output!).toLowerCase()];
    if (byExt && formats.includes(byExt)) return byExt;
    if (!formats.includes('table')) return formats[0];
    throw new CliError(`-o ${output}: cannot tell the format from the extension; add --format ${formats.filter((f) => f !== 'table').join('|')}`);
  }
  return formats[0];
}

/**
 * The format of one output file of a command: the format option when given, whatever the file is
 * called (`-o /dev/stdout`, `>(cmd)`, a device), else the format its extension names (`byExtension`,
 * null when it names none); else a usage error that names the option deciding it.
 */
export function fileFormat<F extends string>(flag: string, file: string, formatFlag: string, given: F | undefined, byExtension: F | null, formats: readonly F[]): F {
  if (given !== undefined) return given;
  if (byExtension !== null && formats.includes(byExtension)) return byExtension;
  const listed = formats.join('|');
  if (byExtension !== null) throw new CliError(`${flag} ${file}: ${byExtension} is not a format of this output; use ${formats.map((f) => `.${f}`).join(', ')} or ${formatFlag} ${listed}`);
  throw new CliError(`${flag} ${file}: cannot tell the format from the extension; add ${formatFlag} ${listed}`);
}

/** No -o, `-o -` or `-o /dev/stdout`: the output goes to stdout, where a closed pipe is a normal end. */
export function isStdout(output: string | undefined): boolean {
  return output === undefined || output === '-' || output === '/dev/stdout';
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
 * as the user gave it in any PathError, and announces it on stderr once written.
 */
export async function writeFileWith(ctx: CliContext, file: string, write: (path: string) => Promise<void>): Promise<void> {
  try {
    await write(resolve(ctx.cwd, file));
  } catch (error) {
    throw await writeFailure(error, file, ctx.cwd);
  }
  ctx.stderr.write(`wrote ${file}\n`);
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
