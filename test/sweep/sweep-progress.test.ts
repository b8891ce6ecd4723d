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
    // The phase was first seen at t = 500 ms with 1000 points done: 3000 more in 1.5 s, 6000 left.
    expect(chunks.join('')).toBe('\rsweeping [##########--------------] 40% 4000/10000 points 2.0k points/s ETA 3s\x1b[K');
    bar.done();
    await new Promise((r) => setImmediate(r));
    expect(chunks.at(-1)).toBe('\r\x1b[K');
  });

  it('a terminal that reports 0 columns (a pty without a size) takes $COLUMNS as tables do, not a 20-character stub', async () => {
    const { stream, chunks } = capture();
    stream.columns = 0;
    let now = 0;
    const bar = progressBar(stream, { enabled: true, now: () => now, env: { COLUMNS: '120' } });
    now = 2000;
    bar.update('format', 4000, 10000);
    await new Promise((r) => setImmediate(r));
    // The whole line (58 characters; no rate yet, the phase starts here) fits 119 characters: nothing is cut.
    expect(chunks.join('')).toBe('\rsweeping [##########--------------] 40% 4000/10000 points\x1b[K');
  });

  it('shows no rate until a phase has run half a second, and counts only the points of that phase', async () => {
    const { stream, chunks } = capture();
    let now = 0;
    const bar = progressBar(stream, { enabled: true, now: () => now });
    now = 1000;
    bar.update('check', 9000, 10000);
    // Formatting ran ahead during the check pass: 5000 points already done when its phase starts.
    now = 1200;
    bar.update('format', 5000, 10000);
    now = 1400;
    bar.update('format', 5100, 10000);
    now = 2200;
    bar.update('format', 6000, 10000);
    await new Promise((r) => setImmediate(r));
    expect(chunks).toEqual([
      '\rchecking [######################--] 90% 9000/10000 points\x1b[K',
      '\rsweeping [############------------] 50% 5000/10000 points\x1b[K',
      '\rsweeping [############------------] 51% 5100/10000 points\x1b[K',
      // 1000 points of this phase in 1 s; 4000 left.
      '\rsweeping [##############----------] 60% 6000/10000 points 1.0k points/s ETA 4s\x1b[K',
    ]);
  });

  it('a message while the bar is drawn (a skipped point) starts its own line: the bar is erased first, then redrawn by the next update', async () => {
    const { stream, chunks } = capture();
    let now = 0;
    const bar = progressBar(stream, { enabled: true, now: () => now });
    bar.message('before the bar\n');
    now = 1000;
    bar.update('format', 1, 4);
    bar.message('momentum-fr: skipped point 1 (beta=1): unstable\n');
    now = 1200;
    bar.update('format', 2, 4);
    await new Promise((r) => setImmediate(r));
    expect(chunks).toEqual([
      'before the bar\n',
      '\rsweeping [######------------------] 25% 1/4 points\x1b[K',
      '\r\x1b[Kmomentum-fr: skipped point 1 (beta=1): unstable\n',
      '\rsweeping [############------------] 50% 2/4 points\x1b[K',
    ]);
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
