import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { npyBytes } from '../../src/io/trace-npy-bytes.js';
import { runCli } from '../support/run-cli.js';

const dir = mkdtempSync(join(tmpdir(), 'mfr-spectrum-trace-'));
function file(name: string, content: string | Uint8Array): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}
const psd = (stdout: string) => (JSON.parse(stdout) as { series: { name: string; psd: number[] }[] }).series;

const LIGHTNING = ['epoch,step,train_loss,val_loss', '0,49,0.9,', '0,99,0.8,', '0,99,,0.85', '0,149,0.7,', '0,199,0.6,',
  '0,199,,0.65', '1,249,0.5,', '1,299,0.45,', '1,299,,0.5'].join('\n');

describe('momentum-fr spectrum: trace inputs', () => {
  it("reads Lightning's metrics.csv: each loss at its own steps, skipped rows and the step spacing said on stderr", async () => {
    const metrics = file('metrics.csv', LIGHTNING);
    const r = await runCli(['spectrum', metrics, '--format', 'json']);
    expect(r.code, r.stderr).toBe(0);
    // The same samples written plainly, one file per series, give the same spectra.
    const train = await runCli(['spectrum', file('train.csv', 'train_loss\n0.9\n0.8\n0.7\n0.6\n0.5\n0.45\n'), '--format', 'json']);
    const val = await runCli(['spectrum', file('val.csv', 'val_loss\n0.85\n0.65\n0.5\n'), '--format', 'json']);
    expect(psd(r.stdout)).toEqual([...psd(train.stdout), ...psd(val.stdout)]);
    expect(r.stderr.split('\n').filter((l) => l.includes('note:'))).toEqual([
      `momentum-fr: note: ${metrics}: "train_loss": skipped 3 rows without a value, read 6`,
      `momentum-fr: note: ${metrics}: "train_loss": one sample every 50 "step": frequencies are per sample; --fs 0.02 gives them per "step"`,
      `momentum-fr: note: ${metrics}: "val_loss": skipped 6 rows without a value, read 3`,
      `momentum-fr: note: ${metrics}: "val_loss": one sample every 100 "step": frequencies are per sample; --fs 0.01 gives them per "step"`,
    ]);
    expect((await runCli(['spectrum', metrics, '--fs', '0.02', '--column', 'train_loss'])).stderr).not.toContain('one sample every');
  });

  it('prints one table per set of frequencies when series differ in length', async () => {
    const r = await runCli(['spectrum', file('metrics2.csv', LIGHTNING)]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toBe([
      '   frequency   train_loss', '           0      0.01174', '      0.1667      0.04542', '      0.3333     0.002639', '         0.5     6.944e-5',
      '', '   frequency     val_loss', '           0      0.01681', '      0.3333      0.02528', ''].join('\n'));
  });

  it('refuses unequally spaced steps with exit 2, naming the rows', async () => {
    const missing = file('missing.csv', LIGHTNING.split('\n').filter((l) => !l.startsWith('0,149,')).join('\n'));
    const r = await runCli(['spectrum', missing]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`momentum-fr: ${missing}:5: column "train_loss": samples are not equally spaced in "step": 99 (line 3) to 199 (line 5) is 100, the samples before are 50 apart\n`);
  });

  it('analyses the series beside a step column, not the step column itself', async () => {
    const r = await runCli(['spectrum', file('steps.csv', 'step,g\n1,1\n2,-1\n3,1\n4,-1\n'), '--format', 'json']);
    expect(r.code, r.stderr).toBe(0);
    expect(psd(r.stdout).map((s) => s.name)).toEqual(['g']);
  });

  for (const average of ['mean', 'median']) {
    it(`refuses a NaN sample with its file, line and column (exit 2) whatever the average (${average})`, async () => {
      const nan = file(`nan-${average}.csv`, 'step,g\n1,0.5\n2,nan\n3,1\n');
      const r = await runCli(['spectrum', nan, '--average', average, '--nperseg', '1', '--noverlap', '0']);
      expect(r.code).toBe(2);
      expect(r.stderr).toBe(`momentum-fr: ${nan}:3: column "g": non-finite sample (got nan) (--nonfinite drop leaves such samples out)\n`);
      expect(r.stdout).toBe('');
    });
  }

  it('--nonfinite drop leaves non-finite samples out and says how many', async () => {
    const inf = file('inf.ndjson', '{"step":1,"g":0.5}\n{"step":2,"g":Infinity}\n{"step":3,"g":1}\n{"step":4,"g":-2}\n');
    const r = await runCli(['spectrum', inf, '--nonfinite', 'drop', '--format', 'json']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain(`momentum-fr: warning: ${inf}: "g": dropped 1 non-finite sample (--nonfinite drop)\n`);
    const plain = await runCli(['spectrum', file('plain.csv', 'g\n0.5\n1\n-2\n'), '--format', 'json']);
    expect(psd(r.stdout)).toEqual(psd(plain.stdout));
  });

  it('refuses a NaN in a .npy trace naming its [row, column]', async () => {
    const npy = file('nan.npy', npyBytes([Float64Array.of(1, 2, 3), Float64Array.of(4, NaN, 6)]));
    const r = await runCli(['spectrum', npy]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`momentum-fr: ${npy}: [1, 1]: column "1": non-finite sample (got nan) (--nonfinite drop leaves such samples out)\n`);
  });

  it('refuses a schedule for a trace sampled every N steps', async () => {
    const metrics = file('metrics3.csv', LIGHTNING);
    const r = await runCli(['spectrum', metrics, '--preset', 'ema-sgdm', '--column', 'train_loss']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`momentum-fr: ${metrics}: series "train_loss" has one sample every 50 "step"; a schedule needs one per step`);
  });

  it('says that nperseg was capped before an error that mentions the capped value', async () => {
    const short = file('short.csv', Array.from({ length: 100 }, (_, i) => String(Math.sin(i))).join('\n'));
    const r = await runCli(['spectrum', short, '--noverlap', '128']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('momentum-fr: nperseg = 256 is greater than the signal length 100, using nperseg = 100; noverlap = 128 must be an integer in [0, nperseg = 100)\n');
  });

  it('refuses, naming the step, a momentum buffer that overflows under an unstable schedule (the filtered PSD was null)', async () => {
    const sine = file('sine.csv', ['g', ...Array.from({ length: 3000 }, (_, i) => String(Math.sin(i)))].join('\n'));
    const r = await runCli(['spectrum', sine, '--preset', 'standard-sgdm', '--set', 'steps=3000', '--set', 'momentum.beta=1.5', '--allow-unstable', '--format', 'json']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/: series "g" through schedule 'standard-sgdm': the momentum buffer is -?Infinity from step \d+, so it has no spectrum/);
    expect(r.stdout).toBe('');
  });
});
