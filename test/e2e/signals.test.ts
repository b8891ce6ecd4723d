import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { npyBytes } from '../../src/io/trace-npy-bytes.js';
import { BIN, ROOT } from '../support/cli.js';
import { tempFilesIn } from '../support/special-files.js';

interface Interrupted {
  code: number | null;
  stderr: string;
  /** The temp files seen while the command was writing (so the test did catch it mid-write). */
  seen: string[];
}

/**
 * Spawns the real binary, waits until a temp file appears in `watch` (the command is writing), after
 * `after` if given (a line on stderr), sends `signal`, and collects the exit code and stderr.
 */
async function interruptWhileWriting(args: string[], cwd: string, watch: string, signal: NodeJS.Signals, after?: RegExp): Promise<Interrupted> {
  const child = spawn(process.execPath, [BIN, ...args], { cwd, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => (stderr += d));
  const closed = new Promise<number | null>((resolve) => child.on('close', resolve));
  let seen: string[] = [];
  for (let waited = 0; waited < 60_000 && child.exitCode === null; waited += 10) {
    seen = existsSync(watch) ? tempFilesIn(watch) : [];
    if (seen.length > 0 && (after === undefined || after.test(stderr))) break;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  child.kill(signal);
  // A watchdog, not a timing: an interrupted command exits within its current unit of work; one that
  // ignores the signal runs on for minutes, and is killed here (exit code null).
  const watchdog = setTimeout(() => child.kill('SIGKILL'), 60_000);
  const code = await closed;
  clearTimeout(watchdog);
  return { code, stderr, seen };
}

const tmp = () => mkdtempSync(join(tmpdir(), 'mfr-signal-'));

describe('SIGINT and SIGTERM remove every temp file and exit 130 or 143 (spawning the real binary)', () => {
  it('analyze -o, on SIGINT: exit 130, no temp file, no output file', async () => {
    const dir = tmp();
    const r = await interruptWhileWriting(['analyze', '--preset', 'fsgdm', '--freqs', '10000', '--stages', 'all', '--format', 'json', '-o', 'out.json'], dir, dir, 'SIGINT');
    expect(r.seen).toHaveLength(1);
    expect([r.code, r.stderr]).toEqual([130, 'momentum-fr: interrupted\n']);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('analyze --out-dir, on SIGTERM while the last of three files is written: exit 143, the first two whole, no temp file', async () => {
    const dir = tmp();
    const out = join(dir, 'out');
    const r = await interruptWhileWriting(['analyze', '--preset', 'fsgdm', '--freqs', '10000', '--stages', 'all', '--force', '--out-dir', 'out'], dir, out, 'SIGTERM', /wrote out\/fsgdm\.metrics\.csv\n/);
    expect(r.seen).toEqual([expect.stringMatching(/^\.fsgdm\.response\.csv\..*\.tmp$/)]);
    expect(r.code).toBe(143);
    expect(r.stderr).toBe('wrote out/fsgdm.json\nwrote out/fsgdm.metrics.csv\nmomentum-fr: terminated\n');
    expect(readdirSync(out).sort()).toEqual(['fsgdm.json', 'fsgdm.metrics.csv']);
    expect(JSON.parse(readFileSync(join(out, 'fsgdm.json'), 'utf8')).schedules[0].stages).toHaveLength(301);
  });

  it('coefficients -o, on SIGINT: exit 130, no temp file', async () => {
    const dir = tmp();
    const r = await interruptWhileWriting(['coefficients', '--preset', 'standard-sgdm', '--set', 'steps=5000000', '--force', '-o', 'u.csv'], dir, dir, 'SIGINT');
    expect(r.seen).toHaveLength(1);
    expect([r.code, r.stderr]).toEqual([130, 'momentum-fr: interrupted\n']);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('spectrum -o, on SIGTERM: exit 143, no temp file beside the trace', async () => {
    const dir = tmp();
    const n = 1 << 21;
    writeFileSync(join(dir, 'g.npy'), npyBytes([Float64Array.from({ length: n }, (_, i) => Math.sin(i / 7) + Math.cos(i / 3))]));
    const r = await interruptWhileWriting(['spectrum', 'g.npy', '--spectrogram', '--nperseg', '64', '--noverlap', '48', '--force', '-o', 's.csv'], dir, dir, 'SIGTERM');
    expect(r.seen).toHaveLength(1);
    expect([r.code, r.stderr]).toEqual([143, 'momentum-fr: terminated\n']);
    expect(readdirSync(dir)).toEqual(['g.npy']);
  });

  it('sweep on worker threads, on SIGTERM: exit 143, workers gone with the process, no temp file', async () => {
    const dir = tmp();
    const r = await interruptWhileWriting(['sweep', '--preset', 'fsgdm', '--grid', 'c=0.01:0.1:1000', '--grid', 'v=0.5:2:1000', '--jobs', '2', '--force', '-o', 'big.csv'], dir, dir, 'SIGTERM');
    expect(r.seen).toHaveLength(1);
    expect([r.code, r.stderr]).toEqual([143, 'momentum-fr: terminated\n']);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('a sweep on the calling thread alone (--jobs 1) stops at SIGINT or SIGHUP between its points: exit 130/129, no temp file (it computed all 6000 points first, 76 s, before)', async () => {
    for (const [signal, code] of [['SIGINT', 130], ['SIGHUP', 129]] as const) {
      const dir = tmp();
      const args = ['sweep', join(ROOT, 'configs/resnet-cifar-onecycle.yaml'), '--grid', 'lr.max_lr=0.05:0.2:6000', '--stages', 'last', '--jobs', '1', '-o', 'j1.csv'];
      const r = await interruptWhileWriting(args, dir, dir, signal);
      expect(r.seen, signal).toHaveLength(1);
      expect([r.code, r.stderr], signal).toEqual([code, `momentum-fr: ${signal === 'SIGINT' ? 'interrupted' : 'terminated'}\n`]);
      expect(readdirSync(dir), signal).toEqual([]);
    }
  }, 150_000);

  it('Ctrl-C while the sweep progress bar is drawn: the bar is erased and "interrupted" starts its own line', async () => {
    const script = `
      const { progressBar } = await import(${JSON.stringify(join(ROOT, 'dist/cli/actions/sweep-progress.js'))});
      const { eraseBeforeSignalMessage, holdSignals } = await import(${JSON.stringify(join(ROOT, 'dist/io/interrupt.js'))});
      holdSignals();
      const bar = progressBar(process.stderr, { enabled: true, delayMs: 0 });
      eraseBeforeSignalMessage(() => bar.erasing());
      bar.update('format', 1, 4);
      setInterval(() => {}, 1000);`;
    const child = spawn(process.execPath, ['--input-type=module', '-e', script], { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    const drawn = new Promise<void>((resolve) => child.stderr.on('data', (d: Buffer) => ((stderr += d), stderr.includes('points') && resolve())));
    const closed = new Promise<number | null>((resolve) => child.on('close', resolve));
    await drawn;
    child.kill('SIGINT');
    expect(await closed).toBe(130);
    expect(stderr).toBe('\rsweeping [######------------------] 25% 1/4 points\x1b[K\r\x1b[Kmomentum-fr: interrupted\n');
  });

  it('any writer of the io layer (the one plot and every command use), on SIGINT or SIGTERM mid-file: exit 130/143, no temp file', async () => {
    // A plot is rendered in memory and written in milliseconds: too fast to catch from outside, so
    // this drives the same writer (withOutputFile) from a script that stops mid-file.
    for (const [signal, code] of [['SIGINT', 130], ['SIGTERM', 143]] as const) {
      const dir = tmp();
      const script = `
        const { withOutputFile } = await import(${JSON.stringify(join(ROOT, 'dist/io/output-file.js'))});
        setInterval(() => {}, 1000);
        await withOutputFile('fig.svg', async (sink) => {
          await sink.write('<svg>'.repeat(20000));
          await sink.flush();
          process.stderr.write('writing\\n');
          await new Promise(() => {});
        });`;
      const child = spawn(process.execPath, ['--input-type=module', '-e', script], { cwd: dir, stdio: ['ignore', 'ignore', 'pipe'] });
      let stderr = '';
      const ready = new Promise<void>((resolve) => child.stderr.on('data', (d: Buffer) => ((stderr += d), stderr.includes('writing') && resolve())));
      const closed = new Promise<number | null>((resolve) => child.on('close', resolve));
      await ready;
      expect(tempFilesIn(dir)).toHaveLength(1);
      child.kill(signal);
      expect(await closed).toBe(code);
      expect(readdirSync(dir)).toEqual([]);
    }
  });

  it('Ctrl-C stops the workers, removes the temp file, writes nothing and exits 130', async () => {
    const dir = tmp();
    const out = join(dir, 'big.csv');
    const child = spawn(process.execPath, [BIN, 'sweep', '--preset', 'fsgdm', '--grid', 'c=0.01:0.1:2000', '--grid', 'v=0.5:2:2000', '--jobs', '2', '--force', '-o', out], { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    await new Promise((resolve) => setTimeout(resolve, 1500));
    child.kill('SIGINT');
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(stderr).toBe('momentum-fr: interrupted\n');
    expect(code).toBe(130);
    expect(existsSync(out)).toBe(false);
    expect(readdirSync(dir)).toEqual([]);
  });
});

/**
 * Spawns the real binary with `args` and --debug, closes its stdout once the first bytes arrive (as
 * `| head -1` does), and collects the exit code, stderr and the points the sweep computed (its
 * --debug line: counts, not time).
 */
async function sweepIntoClosedPipe(args: string[], cwd: string) {
  const child = spawn(process.execPath, [BIN, ...args, '--debug'], { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => (stderr += d));
  child.stdout.once('data', () => child.stdout.destroy());
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  const m = /^momentum-fr: sweep: (\d+) threads?; points checked (\d+), computed (\d+) of (\d+)\n$/m.exec(stderr);
  return { code, stderr, threads: Number(m?.[1]), checked: Number(m?.[2]), computed: Number(m?.[3]), total: Number(m?.[4]) };
}

describe('a sweep stops computing when its stdout reader goes away (| head -1): exit 0, quietly, no temp file (spawning the real binary)', () => {
  const fsgdm = ['sweep', 'configs/fsgdm-cifar100.yaml', '--grid', 'momentum.c=0.01:0.1:1000:log', '--grid', 'momentum.v=0.5:2:100'];
  for (const jobs of [1, 2]) {
    it(`FSGDM, 10⁵ points, --jobs ${jobs}: at most the chunks computed ahead of the first write (8 per thread + 2, of 1000 points), not the 100 000`, async () => {
      const dir = tmp();
      const r = await sweepIntoClosedPipe([...fsgdm.map((a) => (a.endsWith('.yaml') ? join(ROOT, a) : a)), '--jobs', String(jobs)], dir);
      expect([r.code, r.threads, r.checked, r.total], r.stderr).toEqual([0, jobs, 100_000, 100_000]);
      expect(r.computed, r.stderr).toBeLessThanOrEqual((8 * jobs + 2) * 1000);
      expect(readdirSync(dir)).toEqual([]);
    }, 60_000);
  }

  it('with --plot, a sweep stopped by the closed pipe says on stderr, in one line, that the plot was not written, and exits 0', async () => {
    const dir = tmp();
    const r = await sweepIntoClosedPipe([...fsgdm.map((a) => (a.endsWith('.yaml') ? join(ROOT, a) : a)), '--jobs', '1', '--plot', 'pp.svg'], dir);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr.split('\n').filter((l) => l.includes('pp.svg'))).toEqual(['momentum-fr: stdout was closed before the sweep ended: --plot pp.svg was not written']);
    expect(readdirSync(dir)).toEqual([]);
  }, 60_000);

  it('the debug line says "1 thread", not "1 thread(s)"', async () => {
    const r = await sweepIntoClosedPipe([...fsgdm.map((a) => (a.endsWith('.yaml') ? join(ROOT, a) : a)), '--jobs', '1'], tmp());
    expect(r.stderr).toMatch(/sweep: 1 thread; points checked/);
  }, 60_000);

  it('YOLO (a point resolves 554 700 steps): a chunk is one point, so a closed pipe stops within the 8 points ahead, not the whole grid', async () => {
    const dir = tmp();
    const r = await sweepIntoClosedPipe(['sweep', join(ROOT, 'configs/yolo-nesterov-warmup.yaml'), '--grid', 'momentum.momentum.fp.1=0.9:0.99:30', '--jobs', '1'], dir);
    expect([r.code, r.threads, r.checked, r.total], r.stderr).toEqual([0, 1, 30, 30]);
    expect(r.computed, r.stderr).toBeLessThanOrEqual(10);
    expect(readdirSync(dir)).toEqual([]);
  }, 60_000);
});
