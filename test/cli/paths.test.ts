import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, readlinkSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../support/cli.js';
import { runCli } from '../support/run-cli.js';
import { kindOf, specialDir, tempFilesIn, traceCsv } from '../support/special-files.js';

const FSGDM = join(ROOT, 'configs', 'fsgdm-cifar100.yaml');

/** The directory's listing with each entry's kind, to show nothing was created, replaced or removed. */
function listing(dir: string): string[] {
  return readdirSync(dir).sort().map((f) => `${f}:${kindOf(join(dir, f))}`);
}

describe('output targets reached through symlinks or long names', () => {
  it('-o a symlink (and a chain of them) writes the final target; every link stays a link', async () => {
    const dir = specialDir();
    writeFileSync(join(dir, 'real.yaml'), 'old\n');
    symlinkSync('real.yaml', join(dir, 'link.yaml'));
    symlinkSync('link.yaml', join(dir, 'chain.yaml'));
    const starter = (await runCli(['init', 'ema-sgdm'])).stdout;
    for (const link of ['link.yaml', 'chain.yaml']) {
      writeFileSync(join(dir, 'real.yaml'), 'old\n');
      expect((await runCli(['init', 'ema-sgdm', '-o', link], { cwd: dir })).code).toBe(0);
      expect(readFileSync(join(dir, 'real.yaml'), 'utf8')).toBe(starter);
    }
    expect([readlinkSync(join(dir, 'link.yaml')), readlinkSync(join(dir, 'chain.yaml'))]).toEqual(['real.yaml', 'link.yaml']);
    expect(listing(dir)).toEqual(['chain.yaml:link', 'fifo:fifo', 'full:char 1,7', 'link.yaml:link', 'null:char 1,3', 'real.yaml:file', 'zero:char 1,5']);
  });
  it('a 250-character name with its extension (255 bytes) is written, the temp name shortened to fit', async () => {
    const dir = specialDir();
    const name = `${'r'.repeat(250)}.json`;
    const r = await runCli(['analyze', FSGDM, '--stages', 'last', '-o', name], { cwd: dir });
    expect([r.code, r.stderr]).toEqual([0, `wrote ${name}\n`]);
    expect(JSON.parse(readFileSync(join(dir, name), 'utf8')).schedules[0].stages).toHaveLength(1);
    expect(tempFilesIn(dir)).toEqual([]);
  });
});

describe('an output that is an input is refused before anything is written (exit 2)', () => {
  it('-o the config itself, or a link to it, for every command that reads one', async () => {
    const dir = specialDir();
    copyFileSync(FSGDM, join(dir, 'c.yaml'));
    symlinkSync('c.yaml', join(dir, 'alias.yaml'));
    copyFileSync(FSGDM, join(dir, 'c.json')); // YAML is read whatever the extension
    copyFileSync(FSGDM, join(dir, 'c.svg'));
    const trace = traceCsv(dir);
    const before = listing(dir);
    const cases: [string[], string][] = [
      [['analyze', 'c.yaml', '--format', 'json', '-o', 'c.yaml'], 'cannot write c.yaml: it is the input c.yaml; choose another output file'],
      [['analyze', 'c.yaml', '--format', 'json', '-o', 'alias.yaml'], 'cannot write alias.yaml: it is the input c.yaml; choose another output file'],
      [['coefficients', 'alias.yaml', '-o', 'c.yaml', '--format', 'csv'], 'cannot write c.yaml: it is the input alias.yaml; choose another output file'],
      [['sweep', 'c.yaml', '--grid', 'momentum.c=0.02,0.04', '-o', 'c.yaml', '--format', 'csv'], 'cannot write c.yaml: it is the input c.yaml; choose another output file'],
      [['simulate', 'c.json', '--series', 'c.json'], 'cannot write c.json: it is the input c.json; choose another output file'],
      [['spectrum', 'trace.csv', '-o', 'trace.csv', '--format', 'csv'], 'cannot write trace.csv: it is the input trace.csv; choose another output file'],
      [['spectrum', 'trace.csv', '--config', 'c.svg', '--plot', 'c.svg'], 'cannot write c.svg: it is the input c.svg; choose another output file'],
    ];
    for (const [args, message] of cases) {
      const r = await runCli(args, { cwd: dir });
      expect([r.code, r.stderr, r.stdout], args.join(' ')).toEqual([2, `momentum-fr: ${message}\n`, '']);
    }
    expect(readFileSync(join(dir, 'c.yaml'), 'utf8')).toBe(readFileSync(FSGDM, 'utf8'));
    expect(readFileSync(trace, 'utf8').startsWith('grad\n')).toBe(true);
    expect(listing(dir)).toEqual(before);
  });

  it('a file --out-dir would write is an input: refused before the table is printed', async () => {
    const dir = specialDir();
    copyFileSync(FSGDM, join(dir, 'c.json')); // YAML is read whatever the extension; --out-dir writes c.json
    const r = await runCli(['analyze', 'c.json', '--out-dir', '.'], { cwd: dir });
    expect([r.code, r.stderr, r.stdout]).toEqual([2, 'momentum-fr: cannot write c.json: it is the input c.json; choose another output file\n', '']);
    expect(readFileSync(join(dir, 'c.json'), 'utf8')).toBe(readFileSync(FSGDM, 'utf8'));
    const plots = join(dir, 'plots');
    mkdirSync(plots);
    copyFileSync(FSGDM, join(plots, 'fsgdm-cifar100-magnitude.svg'));
    const p = await runCli(['plot', 'plots/fsgdm-cifar100-magnitude.svg', '--kind', 'magnitude,phase', '--out-dir', 'plots'], { cwd: dir });
    expect([p.code, p.stderr]).toEqual([2, 'momentum-fr: cannot write plots/fsgdm-cifar100-magnitude.svg: it is the input plots/fsgdm-cifar100-magnitude.svg; choose another output file\n']);
    expect(readdirSync(plots)).toEqual(['fsgdm-cifar100-magnitude.svg']); // not even the phase plot
  });
});

describe('paths that cannot be used are exit 2 with one line naming them', () => {
  const dir = specialDir();
  writeFileSync(join(dir, 'file'), '');
  symlinkSync('loop-b', join(dir, 'loop-a'));
  symlinkSync('loop-a', join(dir, 'loop-b'));
  mkdirSync(join(dir, 'sub'));
  const long = `${'n'.repeat(256)}.yaml`;
  traceCsv(dir);

  const inputCases: [string, string][] = [
    ['file/c.yaml', 'not a directory'],
    ['loop-a', 'too many levels of symbolic links'],
    [long, 'file name too long'],
    ['missing.yaml', 'no such file or directory'],
    ['sub', 'is a directory'],
  ];
  for (const [path, reason] of inputCases) {
    it(`inputs (${reason}): configs of analyze, sweep, tune, validate, spectrum --config, and traces`, async () => {
      for (const args of [['analyze', path], ['sweep', path, '--grid', 'c=1,2'], ['tune', path, '--solve', 'c', '--target', 'final.dcGain=3'], ['validate', path], ['spectrum', 'trace.csv', '--config', path]]) {
        const r = await runCli(args, { cwd: dir });
        expect([r.code, r.stderr], args.join(' ')).toEqual([2, `momentum-fr: ${path}: ${reason}\n`]);
      }
      const t = await runCli(['spectrum', path], { cwd: dir });
      expect([t.code, t.stderr], `spectrum ${path}`).toEqual([2, `momentum-fr: ${path}: cannot read: ${reason}\n`]);
    });
  }

  const outputCases: [string, string][] = [
    ['file/out.csv', 'file is not a directory'],
    ['loop-a', 'too many levels of symbolic links'],
    [`${'n'.repeat(256)}.csv`, 'file name too long'],
    ['missing/out.csv', 'no such directory missing'],
    ['sub', 'is a directory'],
  ];
  for (const [path, reason] of outputCases) {
    it(`outputs (${reason}): -o of analyze, coefficients, schema, sweep and simulate --series, before any work or output`, async () => {
      const commands = [
        ['analyze', FSGDM, '--format', 'csv', '-o', path],
        ['coefficients', FSGDM, '--format', 'csv', '-o', path],
        ['schema', '-o', path],
        ['sweep', '--preset', 'fsgdm', '--grid', 'c=0.02,0.04', '--format', 'csv', '-o', path],
      ];
      if (path.endsWith('.csv')) commands.push(['simulate', '--preset', 'ema-sgdm', '--series', path]); // --series needs an extension
      for (const args of commands) {
        const r = await runCli(args, { cwd: dir });
        expect([r.code, r.stderr, r.stdout], args.join(' ')).toEqual([2, `momentum-fr: cannot write ${path}: ${reason}\n`, '']);
      }
      expect(tempFilesIn(dir)).toEqual([]);
    });
  }

  it('outputs: --plot and --out-dir (a file where a directory should be), before any work or output', async () => {
    const svg = await runCli(['spectrum', 'trace.csv', '--plot', 'missing/p.svg'], { cwd: dir });
    expect([svg.code, svg.stderr, svg.stdout]).toEqual([2, 'momentum-fr: cannot write missing/p.svg: no such directory missing\n', '']);
    for (const args of [['analyze', FSGDM, '--out-dir', 'file'], ['plot', FSGDM, '--out-dir', 'file']]) {
      const r = await runCli(args, { cwd: dir });
      expect([r.code, r.stderr, r.stdout], args.join(' ')).toEqual([2, 'momentum-fr: cannot write file: not a directory\n', '']);
    }
    const deeper = await runCli(['analyze', FSGDM, '--out-dir', 'file/deeper'], { cwd: dir });
    expect([deeper.code, deeper.stderr, deeper.stdout]).toEqual([2, 'momentum-fr: cannot write file/deeper: file is not a directory\n', '']);
  });
});

describe('output paths that cannot be made name the part of the path at fault, in one line (exit 2), and never hang', () => {
  const dir = specialDir();
  writeFileSync(join(dir, 'file'), 'x\n');
  symlinkSync(join(dir, 'gone'), join(dir, 'dl'));
  const cases: [string[], string][] = [
    [['--out-dir', 'dl'], 'cannot write dl: dl is a dangling symbolic link to ' + join(dir, 'gone')],
    [['--out-dir', 'dl/out'], 'cannot write dl/out: dl is a dangling symbolic link to ' + join(dir, 'gone')],
    [['--out-dir', 'file/a/b'], 'cannot write file/a/b: file is not a directory'],
    [['-o', 'dl/x.csv'], 'cannot write dl/x.csv: dl is a dangling symbolic link to ' + join(dir, 'gone')],
    [['-o', 'file/x.csv'], 'cannot write file/x.csv: file is not a directory'],
    [['-o', 'no/such/x.csv'], 'cannot write no/such/x.csv: no such directory no'],
  ];
  for (const [args, message] of cases) {
    it(`analyze and plot ${args.join(' ')}: "${message}"`, async () => {
      for (const command of [['analyze', FSGDM, '--stages', 'last'], ['plot', FSGDM, '--kind', 'magnitude']]) {
        if (command[0] === 'plot' && args[0] === '-o') continue;
        const r = await runCli([...command, ...args], { cwd: dir });
        expect([r.code, r.stderr], [...command, ...args].join(' ')).toEqual([2, `momentum-fr: ${message}\n`]);
      }
      expect(listing(dir)).toEqual(['dl:link', 'fifo:fifo', 'file:file', 'full:char 1,7', 'null:char 1,3', 'zero:char 1,5']);
    });
  }
  // /proc exists on Linux and takes no new entries: mkdir(2) and open(O_CREAT) there fail with ENOENT.
  it.runIf(existsSync('/proc/self'))('--out-dir /proc/nope and -o /proc/nope.csv: "/proc takes no new …" (mkdir -p once retried ENOENT forever)', async () => {
    const out = await runCli(['plot', FSGDM, '--kind', 'magnitude', '--out-dir', '/proc/nope']);
    expect([out.code, out.stderr]).toEqual([2, 'momentum-fr: cannot write /proc/nope: /proc takes no new directories (no such file or directory)\n']);
    const analyze = await runCli(['analyze', FSGDM, '--stages', 'last', '--out-dir', '/proc/nope']);
    expect([analyze.code, analyze.stderr]).toEqual([2, 'momentum-fr: cannot write /proc/nope: /proc takes no new directories (no such file or directory)\n']);
    const file = await runCli(['analyze', FSGDM, '--stages', 'last', '-o', '/proc/nope.csv']);
    expect([file.code, file.stderr]).toEqual([2, 'momentum-fr: cannot write /proc/nope.csv: /proc takes no new files (no such file or directory)\n']);
  }, 20000);
});
