import { spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, cli, ROOT, shell } from '../support/cli.js';
import { kindOf, readFifo, specialDir, tempFilesIn, traceCsv } from '../support/special-files.js';

const FSGDM = join(ROOT, 'configs', 'fsgdm-cifar100.yaml');

describe('output targets that are not regular files (spawning the real binary)', () => {
  it('-o a character device (mknod c 1 3) writes into it without a "wrote" notice; the node stays a device', () => {
    const dir = specialDir();
    const r = cli(['schema', '-o', 'null'], { cwd: dir });
    expect([r.code, r.stderr]).toEqual([0, '']);
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

  it('-o a FIFO delivers the output to its reader without a "wrote" notice; the FIFO stays a FIFO', async () => {
    const dir = specialDir();
    const expected = cli(['analyze', FSGDM, '--stages', 'first,last', '--format', 'json']).stdout;
    const read = readFifo(join(dir, 'fifo'));
    const r = spawnSync(process.execPath, [BIN, 'analyze', FSGDM, '--stages', 'first,last', '--format', 'json', '-o', 'fifo'], { cwd: dir, encoding: 'utf8' });
    expect([r.status, r.stderr]).toEqual([0, '']);
    expect((await read).toString()).toBe(expected);
    expect(kindOf(join(dir, 'fifo'))).toBe('fifo');
  });
  it('-o >(cmd) (a /dev/fd/N pipe) is written through; a reader that quits early is a broken pipe, exit 1', () => {
    const expected = cli(['schema']).stdout;
    const out = join(specialDir(), 'received.json');
    // `wait $!` waits for the process substitution (bash ≥ 4.4), so its file is complete.
    const r = shell(`mfr schema -o >(cat > ${out}); status=$?; wait $!; exit $status`);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
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
});

// The unprivileged user must be able to run this Node.js and read the binary: CI's Node 22/24 live in
// a mode-0700 temp dir, where spawning as uid 65534 fails with EACCES before the CLI runs at all.
const nobodyCanRun = process.getuid?.() === 0
  && spawnSync(process.execPath, [BIN, '--version'], { encoding: 'utf8', uid: 65534, gid: 65534, env: { PATH: process.env.PATH ?? '' } }).status === 0;

describe('paths that cannot be used are exit 2 with one line naming them (spawning the real binary as another user)', () => {
  it.skipIf(!nobodyCanRun)('as an unprivileged user: an unwritable --out-dir or directory and an unreadable config are EACCES', () => {
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

describe('an output that is an input is refused before anything is written (exit 2)', () => {
  it('-o the file that stdin is redirected from (only a real process has a stdin that is a file)', () => {
    const dir = specialDir();
    copyFileSync(FSGDM, join(dir, 'c.yaml'));
    const piped = shell(`cd ${dir} && mfr analyze - --format json -o c.yaml < c.yaml`);
    expect([piped.pipestatus[0], piped.stderr]).toEqual([2, 'momentum-fr: cannot write c.yaml: it is the input <stdin>; choose another output file\n']);
    expect(readFileSync(join(dir, 'c.yaml'), 'utf8')).toBe(readFileSync(FSGDM, 'utf8'));
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
