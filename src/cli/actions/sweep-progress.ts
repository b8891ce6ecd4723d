import type { Writable } from 'node:stream';

/**
 * A one-line progress bar on stderr: `checking|sweeping [#####-----] 42% 42000/100000 points
 * 12.3k points/s ETA 5s`. Only on a TTY, and only once the sweep has run for `delayMs` (short
 * sweeps stay silent); redrawn at most every 100 ms; erased at the end.
 */
export function progressBar(stream: Writable & { isTTY?: boolean; columns?: number }, options: { enabled: boolean; delayMs?: number; now?: () => number }) {
  const now = options.now ?? (() => performance.now());
  const t0 = now();
  let phaseStart = t0;
  let phase = '';
  let lastDraw = 0;
  let drawn = false;
  const delay = options.delayMs ?? 1000;
  return {
    update(name: 'check' | 'format', done: number, total: number): void {
      if (!options.enabled) return;
      const t = now();
      if (name !== phase) {
        phase = name;
        phaseStart = t;
      }
      if (t - t0 < delay || (t - lastDraw < 100 && done < total)) return;
      lastDraw = t;
      const fraction = total > 0 ? done / total : 1;
      const width = 24;
      const filled = Math.round(fraction * width);
      const rate = done / Math.max(1e-3, (t - phaseStart) / 1000);
      const eta = rate > 0 ? (total - done) / rate : Infinity;
      const line = `${name === 'check' ? 'checking' : 'sweeping'} [${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${Math.floor(fraction * 100)}% ${done}/${total} points ${compact(rate)} points/s ETA ${duration(eta)}`;
      stream.write(`\r${line.slice(0, Math.max(20, (stream.columns ?? 100) - 1))}\x1b[K`);
      drawn = true;
    },
    done(): void {
      if (drawn) stream.write('\r\x1b[K');
      drawn = false;
    },
  };
}

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
