import { execFileSync } from 'node:child_process';
import { linkSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../support/run-cli.js';
import { readFifo, specialDir } from '../support/special-files.js';

/** A small trace file (one column, 512 samples of a sine) for spectrum. */
function trace(dir: string): string {
  const rows = Array.from({ length: 512 }, (_, i) => String(Math.sin((2 * Math.PI * i) / 16)));
  writeFileSync(join(dir, 'tr.csv'), `grad\n${rows.join('\n')}\n`);
  return 'tr.csv';
}

/** Runs the command with `fifo` (a FIFO without an extension) as one output; resolves with what its reader got. */
async function throughFifo(args: (fifo: string) => string[]): Promise<{ code: number | null; stderr: string; bytes: string }> {
  const dir = specialDir();
  const fifo = join(dir, 'out');
  execFileSync('mkfifo', [fifo]);
  const read = readFifo(fifo);
  const r = await runCli(args(fifo), { cwd: dir });
  if (r.code !== 0) execFileSync('sh', ['-c', `: > ${fifo}`]); // let the reader finish when nothing opened the FIFO
  return { code: r.code, stderr: r.stderr, bytes: (await read).toString('latin1') };
}

describe('an explicit format option decides the format, whatever the output is called', () => {
  it('plot -o FIFO --format svg writes SVG, and --format png a PNG', async () => {
    const svg = await throughFifo((f) => ['plot', '--preset', 'ema-sgdm', '--kind', 'magnitude', '-o', f, '--format', 'svg']);
    expect([svg.code, svg.stderr]).toEqual([0, `wrote ${svg.stderr.slice(6, -1)}\n`]);
    expect(svg.bytes.startsWith('<svg')).toBe(true);
    const png = await throughFifo((f) => ['plot', '--preset', 'ema-sgdm', '--kind', 'magnitude', '-o', f, '--format', 'png']);
    expect(png.code).toBe(0);
    expect(png.bytes.slice(0, 8)).toBe('\x89PNG\r\n\x1a\n');
  });

  it('one --format overrides the extension: plot -o fig.svg --format vl.json writes a Vega-Lite spec', async () => {
    const dir = specialDir();
    const r = await runCli(['plot', '--preset', 'ema-sgdm', '--kind', 'magnitude', '-o', 'fig.svg', '--format', 'vl.json'], { cwd: dir });
    expect([r.code, r.stderr]).toEqual([0, 'wrote fig.svg\n']);
    expect(JSON.parse((await import('node:fs')).readFileSync(join(dir, 'fig.svg'), 'utf8')).$schema).toMatch(/vega-lite/);
  });

  it('simulate --series FIFO --series-format csv writes the CSV series (header step,input,…)', async () => {
    const r = await throughFifo((f) => ['simulate', '--preset', 'ema-sgdm', '--stages', 'last', '--series', f, '--series-format', 'csv']);
    expect(r.code).toBe(0);
    expect(r.bytes.split('\n')[0]).toBe('step,input,ema-sgdm');
  });

  it('spectrum, simulate and sweep --plot FIFO --plot-format svg write SVG', async () => {
    const spectrum = await throughFifo((f) => {
      const dir = f.slice(0, -4);
      return ['spectrum', trace(dir), '--plot', f, '--plot-format', 'svg', '-o', join(dir, 'psd.csv')];
    });
    expect(spectrum.code).toBe(0);
    expect(spectrum.bytes.startsWith('<svg')).toBe(true);
    const simulate = await throughFifo((f) => ['simulate', '--preset', 'ema-sgdm', '--stages', 'last', '--plot', f, '--plot-format', 'svg', '-o', `${f}.txt`]);
    expect(simulate.code).toBe(0);
    expect(simulate.bytes.startsWith('<svg')).toBe(true);
    const sweep = await throughFifo((f) => ['sweep', '--preset', 'ema-sgdm', '--grid', 'momentum.beta=0.5,0.9', '--stages', 'last', '--plot', f, '--plot-format', 'vl.json', '-o', `${f}.csv`]);
    expect(sweep.code).toBe(0);
    expect(JSON.parse(sweep.bytes).$schema).toMatch(/vega-lite/);
  });

  it('without the option, a name that tells no format is a usage error naming the option that decides', async () => {
    const cases: [string[], string][] = [
      [['plot', '--preset', 'ema-sgdm', '--kind', 'magnitude', '-o', 'fig'], '-o fig: cannot tell the format from the extension; add --format svg|png|html|vl.json|vg.json'],
      [['simulate', '--preset', 'ema-sgdm', '--series', 'out'], '--series out: cannot tell the format from the extension; add --series-format csv|ndjson|json|npy'],
      [['simulate', '--preset', 'ema-sgdm', '--plot', 'out'], '--plot out: cannot tell the format from the extension; add --plot-format svg|png|html|vl.json'],
      [['sweep', '--preset', 'ema-sgdm', '--grid', 'momentum.beta=0.5,0.9', '--plot', 'x.pdf'], '--plot x.pdf: cannot tell the format from the extension; add --plot-format svg|png|html|vl.json'],
      [['sweep', '--preset', 'ema-sgdm', '--grid', 'momentum.beta=0.5,0.9', '--plot', 'x.vg.json'], '--plot x.vg.json: vg.json is not a format of this output; use .svg, .png, .html, .vl.json or --plot-format svg|png|html|vl.json'],
    ];
    for (const [args, message] of cases) {
      const r = await runCli(args, { cwd: specialDir() });
      expect([r.code, r.stderr], args.join(' ')).toEqual([2, `momentum-fr: ${message}\n`]);
    }
  });
});

describe('two outputs of one command that are one file are refused before any work (exit 2, naming both)', () => {
  it('the same path, another spelling, a symlink and a hard link', async () => {
    const dir = specialDir();
    const tr = trace(dir);
    writeFileSync(join(dir, 's.csv'), 'old\n');
    symlinkSync('s.csv', join(dir, 'link.csv'));
    linkSync(join(dir, 's.csv'), join(dir, 'hard.csv'));
    const cases: [string[], string][] = [
      [['spectrum', tr, '--plot', 'tr.svg', '-o', 'tr.svg', '-f', 'csv'], '-o tr.svg and --plot tr.svg are the same file'],
      [['simulate', '--preset', 'ema-sgdm', '--series', 'new.csv', '-o', './new.csv'], '-o ./new.csv and --series new.csv are the same file'],
      [['simulate', '--preset', 'ema-sgdm', '--series', 'link.csv', '-o', 's.csv'], '-o s.csv and --series link.csv are the same file'],
      [['simulate', '--preset', 'ema-sgdm', '--plot', 'hard.csv', '--plot-format', 'svg', '-o', 's.csv'], '-o s.csv and --plot hard.csv are the same file'],
      [['sweep', '--preset', 'ema-sgdm', '--grid', 'momentum.beta=0.5,0.9', '--plot', 's.csv', '--plot-format', 'svg', '-o', 'link.csv'], '-o link.csv and --plot s.csv are the same file'],
      [['analyze', '--preset', 'ema-sgdm', '-o', 'out/ema-sgdm.json', '--out-dir', 'out'], '-o out/ema-sgdm.json and --out-dir file out/ema-sgdm.json are the same file'],
    ];
    (await import('node:fs')).mkdirSync(join(dir, 'out'));
    for (const [args, message] of cases) {
      const r = await runCli(args, { cwd: dir });
      expect([r.code, r.stderr], args.join(' ')).toEqual([2, `momentum-fr: ${message}: the second would replace the first; choose different files\n`]);
    }
    expect(readdirSync(dir).sort()).toEqual(['fifo', 'full', 'hard.csv', 'link.csv', 'null', 'out', 's.csv', 'tr.csv', 'zero']);
    expect(readdirSync(join(dir, 'out'))).toEqual([]);
  });
});

describe('`-` is stdout for -o, and no output ever becomes a file named "-"', () => {
  it('explore -o - prints the page on stdout; --series - and --plot - are refused before any work, naming the option', async () => {
    const dir = specialDir();
    writeFileSync(join(dir, 'a.yaml'), 'steps: 100\nmomentum: { preset: ema-sgdm }\n');
    const page = await runCli(['explore', 'a.yaml', '-o', '-'], { cwd: dir });
    expect(page.code, page.stderr).toBe(0);
    expect(page.stdout).toMatch(/^<!doctype html>/i);
    expect(page.stderr).toBe('');
    const refused = [
      [['simulate', 'a.yaml', '--series', '-', '--series-format', 'csv'], '--series'],
      [['sweep', 'a.yaml', '--grid', 'beta=0.5,0.9', '--plot', '-', '--plot-format', 'svg'], '--plot'],
      [['spectrum', 'trace.csv', '--plot', '-', '--plot-format', 'svg'], '--plot'],
    ] as const;
    writeFileSync(join(dir, 'trace.csv'), `g\n${Array.from({ length: 256 }, (_, i) => Math.sin(i)).join('\n')}\n`);
    for (const [args, flag] of refused) {
      const r = await runCli([...args], { cwd: dir });
      expect([r.code, r.stdout, r.stderr]).toEqual([2, '', `momentum-fr: ${flag} -: stdout carries the command's own output; give ${flag} a file name\n`]);
    }
    expect(readdirSync(dir)).not.toContain('-');
  });
});
