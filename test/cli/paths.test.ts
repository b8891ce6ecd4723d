import { spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, mkdirSync, readdirSync, readFileSync, readlinkSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, cli, ROOT, shell } from '../support/cli.js';
import { kindOf, readFifo, specialDir, tempFilesIn } from '../support/special-files.js';

const FSGDM = join(ROOT, 'configs', 'fsgdm-cifar100.yaml');

/** A small trace: one named column, a sine of period 16 plus a slower one. */
function traceCsv(dir: string): string {
  const file = join(dir, 'trace.csv');
  const rows = Array.from({ length: 2048 }, (_, i) => `${Math.sin((2 * Math.PI * i) / 16) + 0.25 * Math.sin((2 * Math.PI * i) / 300)}`);
  writeFileSync(file, `grad\n${rows.join('\n')}\n`);
  return file;
}

/** The directory's listing with each entry's kind, to show nothing was created, replaced or removed. */
function listing(dir: string): string[] {
  return readdirSync(dir).sort().map((f) => `${f}:${kindOf(join(dir, f))}`);
}

describe('output targets that are not regular files (spawning the real binary)', () => {
  it('-o a character device (mknod c 1 3) writes into it; the node stays a device', () => {
    const dir = specialDir();
    const r = cli(['schema', '-o', 'null'], { cwd: dir });
    expect([r.code, r.stderr]).toEqual([0, 'wrote null\n']);
    expect(kindOf(join(dir, 'null'))).toBe('char 1,3');
    expect(tempFilesIn(dir)).toEqual([]);
  });

  it('-o a full device (mknod c 1 7) fails with one line and exit 1, and the node stays a device', () => {
    const dir = specialDir();
    for (const args of [['schema', '-o', 'full'], ['analyze', FSGDM, '--format', 'csv', '-o', 'full'], ['coefficients', FSGDM, '-o', 'full']]) {
      const r = cli(args, { cwd: dir });
      expect([r.code, r.stderr, r.stdout], args.join(' ')).toEqual([1, 'momentum-fr: cannot write full: no space left on device\n', '']);
      expect(kindOf(join(dir, 'full'))).toBe('char 1,7');
    }
    expect(tempFilesIn(dir)).toEqual([]);
  });

  it('-o a FIFO delivers the output to its reader; the FIFO stays a FIFO', async () => {
    const dir = specialDir();
    const expected = cli(['analyze', FSGDM, '--stages', 'first,last', '--format', 'json']).stdout;
    const read = readFifo(join(dir, 'fifo'));
    const r = spawnSync(process.execPath, [BIN, 'analyze', FSGDM, '--stages', 'first,last', '--format', 'json', '-o', 'fifo'], { cwd: dir, encoding: 'utf8' });
    expect([r.status, r.stderr]).toEqual([0, 'wrote fifo\n']);
    expect((await read).toString()).toBe(expected);
    expect(kindOf(join(dir, 'fifo'))).toBe('fifo');
  });

  it('-o a symlink (and a chain of them) writes the final target; every link stays a link', () => {
    const dir = specialDir();
    writeFileSync(join(dir, 'real.yaml'), 'old\n');
    symlinkSync('real.yaml', join(dir, 'link.yaml'));
    symlinkSync('link.yaml', join(dir, 'chain.yaml'));
    const starter = cli(['init', 'ema-sgdm']).stdout;
    for (const link of ['link.yaml', 'chain.yaml']) {
      writeFileSync(join(dir, 'real.yaml'), 'old\n');
      expect(cli(['init', 'ema-sgdm', '-o', link], { cwd: dir }).code).toBe(0);
      expect(readFileSync(join(dir, 'real.yaml'), 'utf8')).toBe(starter);
    }
    expect([readlinkSync(join(dir, 'link.yaml')), readlinkSync(join(dir, 'chain.yaml'))]).toEqual(['real.yaml', 'link.yaml']);
    expect(listing(dir)).toEqual(['chain.yaml:link', 'fifo:fifo', 'full:char 1,7', 'link.yaml:link', 'null:char 1,3', 'real.yaml:file', 'zero:char 1,5']);
  });

  it('-o >(cmd) (a /dev/fd/N pipe) is written through; a reader that quits early is a broken pipe, exit 1', () => {
    const expected = cli(['schema']).stdout;
    const out = join(specialDir(), 'received.json');
    // `wait $!` waits for the process substitution (bash ≥ 4.4), so its file is complete.
    const r = shell(`mfr schema -o >(cat > ${out}); status=$?; wait $!; exit $status`);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/^wrote \/dev\/fd\/\d+\n$/);
    expect(readFileSync(out, 'utf8')).toBe(expected);
    const early = shell(`mfr analyze ${FSGDM} --format csv -o >(head -c 10 > /dev/null)`);
    expect(early.pipestatus[0]).toBe(1);
    expect(early.stderr).toMatch(/^momentum-fr: cannot write \/dev\/fd\/\d+: broken pipe\n$/);
  });

  it('a failing stdout is one line and exit 1 for every command; a closed pipe stays a quiet exit 0', () => {
    const dir = specialDir();
    const full = join(dir, 'full');
    for (const command of ['presets', 'presets --format json', 'schema', `analyze ${FSGDM}`, `coefficients ${FSGDM}`, '--help', 'analyze --help', 'tune --preset standard-sgdm --solve momentum.beta --target first.cutoffFrequency=0.1', 'plot --preset ema-sgdm --kind magnitude -o - --format svg']) {
      const r = shell(`mfr ${command} > ${full}`);
      expect([r.pipestatus[0], r.stderr], command).toEqual([1, 'momentum-fr: cannot write stdout: no space left on device\n']);
    }
    const closed = shell('mfr presets | head -1');
    expect([closed.pipestatus[0], closed.stderr]).toEqual([0, '']);
    const closedOut = shell(`mfr analyze ${FSGDM} --format csv -o /dev/stdout | head -1`);
    expect([closedOut.pipestatus[0], closedOut.stderr, closedOut.stdout]).toEqual([0, '', `${cli(['analyze', FSGDM, '--format', 'csv']).stdout.split('\n')[0]}\n`]);
  });

  it('a failing stderr neither crashes nor changes the exit code (0 written, 2 bad input)', () => {
    const dir = specialDir();
    const written = shell(`cd ${dir} && mfr analyze ${FSGDM} --stages last -o out.json 2> full`);
    expect([written.pipestatus[0], JSON.parse(readFileSync(join(dir, 'out.json'), 'utf8')).schedules[0].stages.length]).toEqual([0, 1]);
    expect(shell(`cd ${dir} && mfr analyze missing.yaml 2> full`).pipestatus[0]).toBe(2);
    expect(shell(`cd ${dir} && mfr analyze --bogus 2> full`).pipestatus[0]).toBe(2);
  });

  it('a 250-character name with its extension (255 bytes) is written, the temp name shortened to fit', () => {
    const dir = specialDir();
    const name = `${'r'.repeat(250)}.json`;
    const r = cli(['analyze', FSGDM, '--stages', 'last', '-o', name], { cwd: dir });
    expect([r.code, r.stderr]).toEqual([0, `wrote ${name}\n`]);
    expect(JSON.parse(readFileSync(join(dir, name), 'utf8')).schedules[0].stages).toHaveLength(1);
    expect(tempFilesIn(dir)).toEqual([]);
  });
});

describe('an output that is an input is refused before anything is written (exit 2)', () => {
  it('-o the config itself, or a link to it, for every command that reads one', () => {
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
      const r = cli(args, { cwd: dir });
      expect([r.code, r.stderr, r.stdout], args.join(' ')).toEqual([2, `momentum-fr: ${message}\n`, '']);
    }
    const piped = shell(`cd ${dir} && mfr analyze - --format json -o c.yaml < c.yaml`);
    expect([piped.pipestatus[0], piped.stderr]).toEqual([2, 'momentum-fr: cannot write c.yaml: it is the input <stdin>; choose another output file\n']);
    expect(readFileSync(join(dir, 'c.yaml'), 'utf8')).toBe(readFileSync(FSGDM, 'utf8'));
    expect(readFileSync(trace, 'utf8').startsWith('grad\n')).toBe(true);
    expect(listing(dir)).toEqual(before);
  });

  it('a file --out-dir would write is an input: refused before the table is printed', () => {
    const dir = specialDir();
    copyFileSync(FSGDM, join(dir, 'c.json')); // YAML is read whatever the extension; --out-dir writes c.json
    const r = cli(['analyze', 'c.json', '--out-dir', '.'], { cwd: dir });
    expect([r.code, r.stderr, r.stdout]).toEqual([2, 'momentum-fr: cannot write c.json: it is the input c.json; choose another output file\n', '']);
    expect(readFileSync(join(dir, 'c.json'), 'utf8')).toBe(readFileSync(FSGDM, 'utf8'));
    const plots = join(dir, 'plots');
    mkdirSync(plots);
    copyFileSync(FSGDM, join(plots, 'fsgdm-cifar100-magnitude.svg'));
    const p = cli(['plot', 'plots/fsgdm-cifar100-magnitude.svg', '--kind', 'magnitude,phase', '--out-dir', 'plots'], { cwd: dir });
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

  // One test per path, so that no test blocks its worker for long (each spawns the binary a few times).
  const inputCases: [string, string][] = [
    ['file/c.yaml', 'not a directory'],
    ['loop-a', 'too many levels of symbolic links'],
    [long, 'file name too long'],
    ['missing.yaml', 'no such file or directory'],
    ['sub', 'is a directory'],
  ];
  for (const [path, reason] of inputCases) {
    it(`inputs (${reason}): configs of analyze, sweep, tune, validate, spectrum --config, and traces`, () => {
      for (const args of [['analyze', path], ['sweep', path, '--grid', 'c=1,2'], ['tune', path, '--solve', 'c', '--target', 'final.dcGain=3'], ['validate', path], ['spectrum', 'trace.csv', '--config', path]]) {
        const r = cli(args, { cwd: dir });
        expect([r.code, r.stderr], args.join(' ')).toEqual([2, `momentum-fr: ${path}: ${reason}\n`]);
      }
      const t = cli(['spectrum', path], { cwd: dir });
      expect([t.code, t.stderr], `spectrum ${path}`).toEqual([2, `momentum-fr: ${path}: cannot read: ${reason}\n`]);
    });
  }

  const outputCases: [string, string][] = [
    ['file/out.csv', 'not a directory'],
    ['loop-a', 'too many levels of symbolic links'],
    [`${'n'.repeat(256)}.csv`, 'file name too long'],
    ['missing/out.csv', 'no such directory missing'],
    ['sub', 'is a directory'],
  ];
  for (const [path, reason] of outputCases) {
    it(`outputs (${reason}): -o of analyze, coefficients, schema, sweep and simulate --series, before any work or output`, () => {
      const commands = [
        ['analyze', FSGDM, '--format', 'csv', '-o', path],
        ['coefficients', FSGDM, '--format', 'csv', '-o', path],
        ['schema', '-o', path],
        ['sweep', '--preset', 'fsgdm', '--grid', 'c=0.02,0.04', '--format', 'csv', '-o', path],
      ];
      if (path.endsWith('.csv')) commands.push(['simulate', '--preset', 'ema-sgdm', '--series', path]); // --series needs an extension
      for (const args of commands) {
        const r = cli(args, { cwd: dir });
        expect([r.code, r.stderr, r.stdout], args.join(' ')).toEqual([2, `momentum-fr: cannot write ${path}: ${reason}\n`, '']);
      }
      expect(tempFilesIn(dir)).toEqual([]);
    });
  }

  it('outputs: --plot and --out-dir (a file where a directory should be), before any work or output', () => {
    const svg = cli(['spectrum', 'trace.csv', '--plot', 'missing/p.svg'], { cwd: dir });
    expect([svg.code, svg.stderr, svg.stdout]).toEqual([2, 'momentum-fr: cannot write missing/p.svg: no such directory missing\n', '']);
    for (const args of [['analyze', FSGDM, '--out-dir', 'file'], ['analyze', FSGDM, '--out-dir', 'file/deeper'], ['plot', FSGDM, '--out-dir', 'file']]) {
      const r = cli(args, { cwd: dir });
      const shown = args[args.length - 1];
      expect([r.code, r.stderr, r.stdout], args.join(' ')).toEqual([2, `momentum-fr: cannot write ${shown}: not a directory\n`, '']);
    }
  });

  it.skipIf(process.getuid?.() !== 0)('as an unprivileged user: an unwritable --out-dir or directory and an unreadable config are EACCES', () => {
    const base = specialDir();
    chmodSync(base, 0o755);
    mkdirSync(join(base, 'ro'), 0o555);
    chmodSync(join(base, 'ro'), 0o555);
    writeFileSync(join(base, 'secret.yaml'), 'x: 1\n', { mode: 0o600 });
    const asNobody = (args: string[]) => {
      const r = spawnSync(process.execPath, [BIN, ...args], { cwd: base, encoding: 'utf8', uid: 65534, gid: 65534, env: { PATH: process.env.PATH ?? '' } });
      return [r.status, r.stderr, r.stdout];
    };
    expect(asNobody(['analyze', FSGDM, '--out-dir', 'ro'])).toEqual([2, 'momentum-fr: cannot write ro: permission denied\n', '']);
    expect(asNobody(['analyze', FSGDM, '--out-dir', 'ro/new'])).toEqual([2, 'momentum-fr: cannot write ro/new: permission denied\n', '']);
    expect(asNobody(['analyze', FSGDM, '-o', 'ro/out.json'])).toEqual([2, 'momentum-fr: cannot write ro/out.json: permission denied\n', '']);
    expect(asNobody(['analyze', 'secret.yaml'])).toEqual([2, 'momentum-fr: secret.yaml: permission denied\n', '']);
    expect(readdirSync(join(base, 'ro'))).toEqual([]);
  });
});

describe('inputs that are not regular files are read as streams, within the same limits', () => {
  it('spectrum <(cat trace.csv) and a slow pipe on stdin read the same samples as the file', () => {
    const dir = specialDir();
    const trace = traceCsv(dir);
    const expected = cli(['spectrum', trace, '--format', 'csv']).stdout;
    expect(expected.split('\n').length).toBeGreaterThan(100);
    const substituted = shell(`mfr spectrum <(cat ${trace}) --format csv`);
    expect([substituted.pipestatus[0], substituted.stderr, substituted.stdout]).toEqual([0, '', expected]);
    // A writer slower than the reader: stdin answers EAGAIN until data arrives.
    const slow = shell(`(sleep 0.3; cat ${trace}) | mfr spectrum - --format csv`);
    expect([slow.pipestatus[1], slow.stderr, slow.stdout]).toEqual([0, '', expected]);
    const config = shell(`mfr analyze <(cat ${FSGDM}) --stages last --format csv`);
    expect([config.pipestatus[0], config.stdout]).toEqual([0, cli(['analyze', FSGDM, '--stages', 'last', '--format', 'csv']).stdout]);
  });

  it('an endless device (mknod c 1 5) stops at the limit: config, trace as text, as JSON, on stdin', () => {
    const dir = specialDir();
    const cases: [string, string][] = [
      ['mfr analyze zero', 'momentum-fr: zero: config is larger than 10485760 bytes\n'],
      ['mfr analyze - < zero', 'momentum-fr: <stdin>: config is larger than 10485760 bytes\n'],
      ['mfr spectrum zero', 'momentum-fr: zero:1: line longer than 16777216 characters (not a text trace?)\n'],
      ['mfr spectrum - < zero', 'momentum-fr: <stdin>:1: line longer than 16777216 characters (not a text trace?)\n'],
      ['mfr spectrum - --trace-format json < zero', 'momentum-fr: <stdin>: JSON trace is larger than 536870888 bytes, the most one string can hold; use .npy or CSV\n'],
      ['mfr spectrum zero --trace-format npy', 'momentum-fr: zero: byte 0: not a NumPy .npy file (bad magic string; expected \\x93NUMPY)\n'],
    ];
    for (const [command, message] of cases) {
      const r = shell(`cd ${dir} && ${command}`);
      expect([r.pipestatus[0], r.stderr], command).toEqual([2, message]);
    }
  });
});
