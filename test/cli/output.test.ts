import { execFileSync } from 'node:child_process';
import { linkSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../support/run-cli.js';
import { kindOf, readFifo, specialDir } from '../support/special-files.js';

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
    expect([svg.code, svg.stderr]).toEqual([0, '']);
    expect(svg.bytes.startsWith('<svg')).toBe(true);
    const png = await throughFifo((f) => ['plot', '--preset', 'ema-sgdm', '--kind', 'magnitude', '-o', f, '--format', 'png']);
    expect(png.code).toBe(0);
    expect(png.bytes.slice(0, 8)).toBe('\x89PNG\r\n\x1a\n');
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

  it('without the option, an extension the tool does not know is a usage error naming the option that decides', async () => {
    const cases: [string[], string][] = [
      [['plot', '--preset', 'ema-sgdm', '--kind', 'magnitude', '-o', 'fig.pdf'], '-o fig.pdf: cannot tell the format from the extension .pdf; add --format svg|png|html|vl.json|vg.json'],
      [['analyze', '--preset', 'ema-sgdm', '-o', 'a.yaml'], '-o a.yaml: cannot tell the format from the extension .yaml; add --format table|json|ndjson|csv'],
      [['sweep', '--preset', 'ema-sgdm', '--grid', 'momentum.beta=0.5,0.9', '-o', 'rows.out'], '-o rows.out: cannot tell the format from the extension .out; add --format csv|ndjson|json'],
      [['simulate', '--preset', 'ema-sgdm', '--series', 'out.mat'], '--series out.mat: cannot tell the format from the extension .mat; add --series-format csv|ndjson|json|npy'],
      [['sweep', '--preset', 'ema-sgdm', '--grid', 'momentum.beta=0.5,0.9', '--plot', 'x.pdf'], '--plot x.pdf: cannot tell the format from the extension .pdf; add --plot-format svg|png|html|vl.json'],
      [['sweep', '--preset', 'ema-sgdm', '--grid', 'momentum.beta=0.5,0.9', '--plot', 'x.vg.json'], '--plot x.vg.json: vg.json is not a format of this output; use .svg, .png, .html, .vl.json or --plot-format svg|png|html|vl.json'],
    ];
    for (const [args, message] of cases) {
      const r = await runCli(args, { cwd: specialDir() });
      expect([r.code, r.stderr], args.join(' ')).toEqual([2, `momentum-fr: ${message}\n`]);
    }
  });
});

describe('an explicit format option that contradicts the extension is a usage error naming both, before any work', () => {
  it('-o with --format, --plot with --plot-format and --series with --series-format, in every command that has them', async () => {
    const dir = specialDir();
    const tr = trace(dir);
    const sweep = ['sweep', '--preset', 'ema-sgdm', '--grid', 'momentum.beta=0.5,0.9'];
    const cases: [string[], string][] = [
      [['analyze', '--preset', 'ema-sgdm', '-o', 'x.json', '--format', 'csv'], '-o x.json: the extension .json names json, but --format asks for csv'],
      [['analyze', '--preset', 'ema-sgdm', '-o', 'x.svg', '--format', 'json'], '-o x.svg: the extension .svg names svg, but --format asks for json'],
      [['coefficients', '--preset', 'ema-sgdm', '-o', 'x.csv', '--format', 'ndjson'], '-o x.csv: the extension .csv names csv, but --format asks for ndjson'],
      [[...sweep, '-o', 'x.json', '--format', 'csv'], '-o x.json: the extension .json names json, but --format asks for csv'],
      [[...sweep, '--plot', 'x.svg', '--plot-format', 'png'], '--plot x.svg: the extension .svg names svg, but --plot-format asks for png'],
      [['spectrum', tr, '-o', 'x.ndjson', '--format', 'json'], '-o x.ndjson: the extension .ndjson names ndjson, but --format asks for json'],
      [['spectrum', tr, '--plot', 'x.svg', '--plot-format', 'png'], '--plot x.svg: the extension .svg names svg, but --plot-format asks for png'],
      [['simulate', '--preset', 'ema-sgdm', '-o', 'x.csv', '--format', 'table'], '-o x.csv: the extension .csv names csv, but --format asks for table'],
      [['simulate', '--preset', 'ema-sgdm', '--plot', 'x.HTML', '--plot-format', 'vl.json'], '--plot x.HTML: the extension .html names html, but --plot-format asks for vl.json'],
      [['simulate', '--preset', 'ema-sgdm', '--series', 'x.npy', '--series-format', 'csv'], '--series x.npy: the extension .npy names npy, but --series-format asks for csv'],
      [['plot', '--preset', 'ema-sgdm', '--kind', 'magnitude', '-o', 'fig.svg', '--format', 'vl.json'], '-o fig.svg: the extension .svg names svg, but --format asks for vl.json'],
    ];
    for (const [args, message] of cases) {
      const r = await runCli(args, { cwd: dir });
      const flag = message.split(' ')[0] === '-o' ? '--format' : `${message.split(' ')[0]}-format`;
      expect([r.code, r.stdout, r.stderr], args.join(' ')).toEqual([2, '', `momentum-fr: ${message}; rename the file or drop ${flag}\n`]);
    }
    expect(readdirSync(dir).sort()).toEqual(['fifo', 'full', 'null', 'tr.csv', 'zero']);
  });

  it('an agreeing option, an unknown extension or plain .txt take the option', async () => {
    const dir = specialDir();
    const agree = await runCli(['analyze', '--preset', 'ema-sgdm', '-o', 'a.JSON', '--format', 'json'], { cwd: dir });
    expect([agree.code, agree.stderr]).toEqual([0, 'wrote a.JSON\n']);
    expect(JSON.parse(readFileSync(join(dir, 'a.JSON'), 'utf8')).schedules[0].name).toBe('ema-sgdm');
    const text = await runCli(['sweep', '--preset', 'ema-sgdm', '--grid', 'momentum.beta=0.5,0.9', '-o', 'rows.txt', '--format', 'ndjson'], { cwd: dir });
    expect(text.code, text.stderr).toBe(0);
    expect(readFileSync(join(dir, 'rows.txt'), 'utf8').trim().split('\n').map((l) => JSON.parse(l).u)).toEqual([0.5, 0.9]);
    const unknown = await runCli(['coefficients', '--preset', 'ema-sgdm', '-o', 'c.out', '--format', 'csv', '--runs'], { cwd: dir });
    expect(unknown.code, unknown.stderr).toBe(0);
    expect(readFileSync(join(dir, 'c.out'), 'utf8').split('\n')[0]).toMatch(/^schedule,/);
  });
});

describe('an output without an extension (a device, a FIFO, -, a plain name) takes the command\'s default format, the one it writes on a pipe', () => {
  it('a FIFO gets exactly what stdout gets when it is a pipe', async () => {
    const tr = (f: string) => trace(f.slice(0, -4));
    const commands: [string, (f: string) => string[]][] = [
      ['analyze', () => ['analyze', '--preset', 'ema-sgdm']],
      ['sweep', () => ['sweep', '--preset', 'ema-sgdm', '--grid', 'momentum.beta=0.5,0.9']],
      ['coefficients', () => ['coefficients', '--preset', 'ema-sgdm', '--runs']],
      ['spectrum', (f) => ['spectrum', join(f.slice(0, -4), tr(f))]],
      ['simulate', () => ['simulate', '--preset', 'ema-sgdm', '--stages', 'last']],
    ];
    for (const [name, args] of commands) {
      const fifo = await throughFifo((f) => [...args(f), '-o', f]);
      const dir = specialDir();
      const piped = await runCli(args(join(dir, 'fifo')), { cwd: dir });
      expect([fifo.code, fifo.stderr], name).toEqual([0, '']);
      expect(piped.code, name).toBe(0);
      expect(fifo.bytes, name).toBe(Buffer.from(piped.stdout).toString('latin1'));
    }
  });

  it('plot, --plot and --series: SVG and CSV into a FIFO, and plot -o - prints SVG', async () => {
    const plot = await throughFifo((f) => ['plot', '--preset', 'ema-sgdm', '--kind', 'magnitude', '-o', f]);
    expect([plot.code, plot.bytes.slice(0, 4)]).toEqual([0, '<svg']);
    const sweepPlot = await throughFifo((f) => ['sweep', '--preset', 'ema-sgdm', '--grid', 'momentum.beta=0.5,0.9', '--plot', f, '-o', `${f}.csv`]);
    expect([sweepPlot.code, sweepPlot.bytes.slice(0, 4)]).toEqual([0, '<svg']);
    const series = await throughFifo((f) => ['simulate', '--preset', 'ema-sgdm', '--stages', 'last', '--series', f, '-o', `${f}.txt`]);
    expect([series.code, series.bytes.split('\n')[0]]).toEqual([0, 'step,input,ema-sgdm']);
    const stdout = await runCli(['plot', '--preset', 'ema-sgdm', '--kind', 'magnitude', '-o', '-'], { cwd: specialDir() });
    expect([stdout.code, stdout.stderr, stdout.stdout.slice(0, 4)]).toEqual([0, '', '<svg']);
  });

  it('plot -o - --format png on a terminal is refused in one line (exit 2, nothing on stdout), as curl refuses binary output; into a pipe it writes the PNG', async () => {
    const args = ['plot', '--preset', 'ema-sgdm', '--kind', 'magnitude', '-o', '-', '--format', 'png'];
    const tty = await runCli(args, { tty: true, cwd: specialDir() });
    expect([tty.code, tty.stdout]).toEqual([2, '']);
    expect(tty.stderr.trim().split('\n')).toHaveLength(1);
    expect(tty.stderr).toMatch(/png is binary and stdout is a terminal/);
    const pipe = await runCli(args, { cwd: specialDir() });
    // The PNG signature: \x89 P N G (the runner decodes stdout as UTF-8, so the first byte is a replacement character).
    expect([pipe.code, pipe.stdout.slice(1, 4)]).toEqual([0, 'PNG']);
  }, 30_000);

  it('a device node (null, made with mknod) takes the default format silently, and a plain file name is announced', async () => {
    const dir = specialDir();
    for (const args of [['analyze', '--preset', 'ema-sgdm'], ['sweep', '--preset', 'ema-sgdm', '--grid', 'momentum.beta=0.5,0.9'], ['simulate', '--preset', 'ema-sgdm', '--stages', 'last', '--series', 'null']]) {
      const r = await runCli([...args, '-o', 'null'], { cwd: dir });
      expect([r.code, r.stdout, r.stderr], args.join(' ')).toEqual([0, '', '']);
    }
    expect(kindOf(join(dir, 'null'))).toBe('char 1,3');
    const plain = await runCli(['analyze', '--preset', 'ema-sgdm', '-o', 'report'], { cwd: dir });
    const piped = await runCli(['analyze', '--preset', 'ema-sgdm'], { cwd: dir });
    expect([plain.code, plain.stderr]).toEqual([0, 'wrote report\n']);
    expect(readFileSync(join(dir, 'report'), 'utf8')).toBe(piped.stdout);
  });
});

describe('two outputs of one command that are one file are refused before any work (exit 2, naming both)', () => {
  it('the same path, another spelling, a symlink and a hard link', async () => {
    const dir = specialDir();
    const tr = trace(dir);
    writeFileSync(join(dir, 's.csv'), 'old\n');
    symlinkSync('s.csv', join(dir, 'link.csv'));
    symlinkSync('s.csv', join(dir, 'link'));
    linkSync(join(dir, 's.csv'), join(dir, 'hard'));
    const cases: [string[], string][] = [
      [['spectrum', tr, '--plot', 'tr', '-o', './tr', '-f', 'csv'], '-o ./tr and --plot tr are the same file'],
      [['simulate', '--preset', 'ema-sgdm', '--series', 'new.csv', '-o', './new.csv'], '-o ./new.csv and --series new.csv are the same file'],
      [['simulate', '--preset', 'ema-sgdm', '--series', 'link.csv', '-o', 's.csv'], '-o s.csv and --series link.csv are the same file'],
      [['simulate', '--preset', 'ema-sgdm', '--plot', 'hard', '--plot-format', 'svg', '-o', 's.csv'], '-o s.csv and --plot hard are the same file'],
      [['sweep', '--preset', 'ema-sgdm', '--grid', 'momentum.beta=0.5,0.9', '--plot', 'link', '--plot-format', 'svg', '-o', 's.csv'], '-o s.csv and --plot link are the same file'],
      [['analyze', '--preset', 'ema-sgdm', '-o', 'out/ema-sgdm.json', '--out-dir', 'out'], '-o out/ema-sgdm.json and --out-dir file out/ema-sgdm.json are the same file'],
    ];
    (await import('node:fs')).mkdirSync(join(dir, 'out'));
    for (const [args, message] of cases) {
      const r = await runCli(args, { cwd: dir });
      expect([r.code, r.stderr], args.join(' ')).toEqual([2, `momentum-fr: ${message}: the second would replace the first; choose different files\n`]);
    }
    expect(readdirSync(dir).sort()).toEqual(['fifo', 'full', 'hard', 'link', 'link.csv', 'null', 'out', 's.csv', 'tr.csv', 'zero']);
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
