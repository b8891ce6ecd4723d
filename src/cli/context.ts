import type { Readable, Writable } from 'node:stream';

/** Everything a command may touch of the outside world, so tests can run the CLI in-process. */
export interface CliContext {
  stdout: Writable & { isTTY?: boolean; columns?: number };
  stderr: Writable & { isTTY?: boolean };
  stdin: Readable;
  /** The descriptor behind `stdin` when it is the process's own (0); absent when a caller hands in a stream (tests, embedders). */
  stdinFd?: number;
  env: Record<string, string | undefined>;
  cwd: string;
  /** Colour on stdout: a TTY, no NO_COLOR, TERM not "dumb" (FORCE_COLOR forces it). */
  color: boolean;
  /** Colour on stderr, same rules. */
  colorErr: boolean;
  debug: boolean;
  /**
   * Stdout is a terminal (isTTY), `columns` characters wide: tables are then fitted and summarised.
   * Absent for a pipe or a file, which get every row, byte for byte as always. The one owner of
   * TTY detection for output: commands ask terminalOf (output.ts), never the stream.
   */
  terminal?: { columns: number };
}

/** clig.dev / no-color.org: colour only on a TTY, never with NO_COLOR (any value), FORCE_COLOR wins. */
export function useColor(stream: { isTTY?: boolean }, env: Record<string, string | undefined>): boolean {
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  if (env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== '0' && env.FORCE_COLOR !== 'false') return true;
  if (env.TERM === 'dumb') return false;
  return stream.isTTY === true;
}

/**
 * The terminal stdout is, if it is one: its width from the stream (the tty's size), else $COLUMNS,
 * else 80 (a terminal that does not say).
 */
export function terminalOf(stream: { isTTY?: boolean; columns?: number }, env: Record<string, string | undefined>): { columns: number } | undefined {
  if (stream.isTTY !== true) return undefined;
  const fromEnv = Number(env.COLUMNS);
  const columns = stream.columns !== undefined && stream.columns > 0 ? stream.columns : Number.isInteger(fromEnv) && fromEnv > 0 ? fromEnv : 80;
  return { columns };
}
