import { unlinkSync, writeSync } from 'node:fs';
import { TOOL } from '../tool.js';

/** Exit code per caught signal: 128 + its number, as a shell reports a process it ended. */
const EXIT_CODES = { SIGHUP: 129, SIGINT: 130, SIGTERM: 143 } as const;
type CaughtSignal = keyof typeof EXIT_CODES;

/** Every temp file this process is writing, by any writer: what a signal must remove. */
const tempFiles = new Set<string>();
let holds = 0;

/**
 * SIGINT (Ctrl-C), SIGTERM and SIGHUP while something is held: remove every temp file, then end
 * the process as the signal asked, exit code 128 + signal number (130, 143, 129), with one line on
 * stderr. Worker threads end with the process. When the program has listeners of its own for the
 * signal (a library user), only the temp files are removed and the decision is theirs.
 */
function onSignal(signal: CaughtSignal): void {
  for (const path of tempFiles) {
    try {
      unlinkSync(path);
    } catch {
      // already renamed into place, or never created
    }
  }
  tempFiles.clear();
  if (process.listenerCount(signal) > 1) return;
  try {
    // A line drawn on stderr (a progress bar) is erased first, so the message starts its own line.
    const erase = [...erasers].map((e) => e()).join('');
    writeSync(2, `${erase}${TOOL.name}: ${signal === 'SIGINT' ? 'interrupted' : 'terminated'}\n`);
  } catch {
    // stderr is gone too (the terminal closed): the exit code still tells
  }
  process.exit(EXIT_CODES[signal]);
}

/** What erases a line drawn on stderr (the text to write, '' when nothing is drawn), by its drawer. */
const erasers = new Set<() => string>();

/** Registers what erases a line drawn on stderr before a signal's message; the returned function unregisters it. */
export function eraseBeforeSignalMessage(erase: () => string): () => void {
  erasers.add(erase);
  return () => erasers.delete(erase);
}

/**
 * Catches the signals until the returned release is called (once; later calls do nothing).
 *
 * Notes
 * -----
 * Signals are caught only while something is held, never for a whole run: a JavaScript handler
 * runs between event-loop turns, so during a long synchronous computation (or synchronous writes to
 * a pipe) a caught Ctrl-C would wait, where the default action ends the process at once. Holders
 * (temp files, worker pools) yield to the event loop often, on every chunk written or received.
 */
export function holdSignals(): () => void {
  if (holds++ === 0) for (const signal of Object.keys(EXIT_CODES)) process.on(signal, onSignal);
  let released = false;
  return () => {
    if (released) return;
    released = true;
    if (--holds === 0) for (const signal of Object.keys(EXIT_CODES)) process.off(signal, onSignal);
  };
}

/**
 * Registers a temp file that a signal must remove, and holds the signals while it lives. Call the
 * returned release once the file is renamed into place or removed.
 */
export function trackTempFile(path: string): () => void {
  tempFiles.add(path);
  const release = holdSignals();
  return () => {
    tempFiles.delete(path);
    release();
  };
}
