import type { Writable } from 'node:stream';
import { terminalOf } from '../context.js';

/**
 * A one-line progress bar on stderr: `checking|sweeping [#####-----] 42% 42000/100000 points
 * 12.3k points/s ETA 5s` (rate and ETA once the phase has run half a second). Only on a TTY, and only once the sweep has run for `delayMs` (short
 * sweeps stay silent); redrawn at most every 100 ms; erased at the end.
 */
export function progressBar(stream: Writable & { isTTY?: boolean; columns?: number }, options: { enabled: boolean; delayMs?: number; now?: () => number; env?: Record<string, string | undefined> }) {
  const now = options.now ?? (() => performance.now());
  const t0 = now();
  let phaseStart = t0;
  let phase = '';
  // Points already done when the phase was first seen (formatting runs ahead during the check pass).
  let phaseDone = 0;
  // -∞, not 0: performance.now() counts from the process start, so a bar asked for in the first 100 ms would skip its first draw.
  let lastDraw = -Infinity;
  let drawn = false;
  const delay = options.delayMs ?? 1000;
  return {
    update(name: 'check' | 'format', done: number, total: number): void {
      if (!options.enabled) return;
      const t = now();
      if (name !== phase) {
        phase = name;
        phaseStart = t;
        phaseDone = done;
      }
      if (t - t0 < delay || (t - lastDraw < 100 && done < total)) return;
      lastDraw = t;
      const fraction = total > 0 ? done / total : 1;
      const width = 24;
      const filled = Math.round(fraction * width);
      // The rate counts only the points of this phase, and shows once the phase has run long enough
      // to measure it (a first update just after the phase starts would divide by almost nothing).
      const seconds = (t - phaseStart) / 1000;
      const rate = seconds >= MEASURED_SECONDS && done > phaseDone ? (done - phaseDone) / seconds : undefined;
      const speed = rate === undefined ? '' : ` ${compact(rate)} points/s ETA ${duration((total - done) / rate)}`;
      const line = `${name === 'check' ? 'checking' : 'sweeping'} [${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${Math.floor(fraction * 100)}% ${done}/${total} points${speed}`;
      // The terminal's width as tables take it: the stream's size, else $COLUMNS (a pty without a size says 0), else 80.
      const columns = terminalOf({ isTTY: true, columns: stream.columns }, options.env ?? {})!.columns;
      stream.write(`\r${line.slice(0, Math.max(20, columns - 1))}\x1b[K`);
      drawn = true;
    },
    /** The text that erases the bar (a signal's message then starts its own line), '' when none is drawn. */
    erasing(): string {
      return drawn ? '\r\x1b[K' : '';
    },
    /** Writes a message line on stderr on a line of its own: the bar, if drawn, is erased first (the next update redraws it). */
    message(text: string): void {
      stream.write(`${drawn ? '\r\x1b[K' : ''}${text}`);
      drawn = false;
    },
    done(): void {
      if (drawn) stream.write('\r\x1b[K');
      drawn = false;
    },
  };
}

/** Time a phase runs before its rate is shown. */
const MEASURED_SECONDS = 0.5;

function compact(x: number): string {
  if (x >= 1e6) return `${(x / 1e6).toFixed(1)}M`;
  if (x >= 1e3) return `${(x / 1e3).toFixed(1)}k`;
  return x.toFixed(0);
}

function duration(s: number): string {
  if (!Number.isFinite(s)) return '?';
  if (s < 60) return `${Math.ceil(s)}s`;
  const m = Math.floor(s / 60);
  return m < 60 ? `${m}m${String(Math.ceil(s % 60)).padStart(2, '0')}s` : `${Math.floor(m / 60)}h${String(m % 60).padStart(2, '0')}m`;
}
