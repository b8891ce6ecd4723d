import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { progressBar } from '../../src/cli/actions/sweep-progress.js';

function capture() {
  const chunks: string[] = [];
  const stream = new Writable({ write: (c, _e, done) => (chunks.push(String(c)), done()) }) as Writable & { isTTY?: boolean; columns?: number };
  stream.isTTY = true;
  stream.columns = 200;
  return { stream, chunks };
}

describe('sweep progress bar', () => {
  it('stays silent for the first second, then shows rate and ETA, and erases itself at the end', async () => {
    const { stream, chunks } = capture();
    let now = 0;
    const bar = progressBar(stream, { enabled: true, now: () => now });
    now = 500;
    bar.update('format', 1000, 10000);
    expect(chunks).toEqual([]);
    now = 2000;
    bar.update('format', 4000, 10000);
    await new Promise((r) => setImmediate(r));
    // The phase started at t = 500 ms: 4000 points in 1.5 s, 6000 left.
    expect(chunks.join('')).toBe('\rsweeping [##########--------------] 40% 4000/10000 points 2.7k points/s ETA 3s\x1b[K');
    bar.done();
    await new Promise((r) => setImmediate(r));
    expect(chunks.at(-1)).toBe('\r\x1b[K');
  });

  it('draws nothing when disabled (stderr not a terminal, or --no-progress)', () => {
    const { stream, chunks } = capture();
    let now = 0;
    const bar = progressBar(stream, { enabled: false, now: () => now });
    now = 5000;
    bar.update('check', 1, 2);
    bar.done();
    expect(chunks).toEqual([]);
  });
});
