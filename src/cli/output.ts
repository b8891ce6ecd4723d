import { extname, resolve } from 'node:path';
import { withAtomicFile } from '../io/atomic-write.js';
import { TextSink } from '../io/sink.js';
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
  if (output && output !== '-') {
    const byExt = EXTENSION_FORMATS[extname(output).toLowerCase()];
    if (byExt && formats.includes(byExt)) return byExt;
    if (!formats.includes('table')) return formats[0];
    throw new CliError(`-o ${output}: cannot tell the format from the extension; add --format ${formats.filter((f) => f !== 'table').join('|')}`);
  }
  return formats[0];
}

/**
 * Runs `produce` against stdout, or against a temp file renamed over `output` on success
 * (nothing is left behind on failure). Announces written files on stderr.
 */
export async function writeOutput(ctx: CliContext, output: string | undefined, produce: (sink: TextSink) => Promise<void>): Promise<void> {
  if (output === undefined || output === '-') {
    const sink = new TextSink(ctx.stdout);
    await produce(sink);
    await sink.flush();
    return;
  }
  const path = resolve(ctx.cwd, output);
  try {
    await withAtomicFile(path, produce);
  } catch (err) {
    const e = err as NodeJS.ErrnoException;
    if (e.code === 'ENOENT' || e.code === 'EACCES' || e.code === 'EISDIR' || e.code === 'ENOTDIR') {
      throw new CliError(`cannot write ${output}: ${e.code === 'ENOENT' ? 'no such directory' : e.code === 'EACCES' ? 'permission denied' : 'not a regular file path'}`, 1);
    }
    throw err;
  }
  ctx.stderr.write(`wrote ${output}\n`);
}
