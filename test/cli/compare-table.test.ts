import { describe, expect, it } from 'vitest';
import { runCli } from '../support/run-cli.js';

const ANSI = /\x1b\[[0-9;]*m/g;
const THREE = ['configs/ema-sgdm.yaml', 'configs/standard-sgdm.yaml', 'configs/fsgdm-cifar100.yaml'];
const dataRows = (text: string) =>
  text
    .replace(ANSI, '')
    .split('\n')
    .filter((l) => /^\S+\s+\d+\s+\d/.test(l))
    .map((l) => l.split(/\s+/));

describe('analyze --compare', () => {
  it('puts EMA, standard SGDM and FSGDM side by side at their first, middle and last stages, DC gains as the closed forms', async () => {
    const r = await runCli(['analyze', ...THREE, '--compare']);
    expect(r.code, r.stderr).toBe(0);
    const rows = dataRows(r.stdout);
    // [schedule, stage] per row: groups first, middle, last; one-stage schedules repeat their stage 0.
    expect(rows.map((row) => `${row[0]} ${row[1]}`)).toEqual([
      'ema-sgdm 0', 'standard-sgdm 0', 'fsgdm-cifar100 0',
      'ema-sgdm 0', 'standard-sgdm 0', 'fsgdm-cifar100 150',
      'ema-sgdm 0', 'standard-sgdm 0', 'fsgdm-cifar100 300',
    ]);
    const header = r.stdout.split('\n').find((l) => l.startsWith('schedule'))!.split(/\s+/);
    const dc = header.indexOf('DC');
    // EMA: v/(1 − u) = 1; standard: 1/(1 − 0.9) = 10; FSGDM's last stage: 1 + 1/c with c = 0.033.
    expect(Number(rows[6][dc])).toBeCloseTo(0, 3);
    expect(Number(rows[7][dc])).toBeCloseTo(20 * Math.log10(10), 3);
    expect(Number(rows[8][dc])).toBeCloseTo(20 * Math.log10(1 + 1 / 0.033), 2);
    // Each schedule in words above the table.
    expect(r.stdout.split('\n')[0]).toBe('ema-sgdm: low-pass throughout; DC gain 0 dB; Nyquist gain −25.6 dB; never amplifies (peak gain ≤ 0 dB).');
  });

  it('every block has a heading saying which stages it compares, the middle with each schedule\'s step ⌈T/2⌉', async () => {
    const r = await runCli(['analyze', 'configs/fsgdm-cifar100.yaml', 'configs/resnet-cifar-onecycle.yaml', '--compare']);
    expect(r.code, r.stderr).toBe(0);
    const lines = r.stdout.replace(ANSI, '').split('\n');
    const headingBefore = (row: string[]) => lines[lines.findIndex((l) => l.split(/\s+/).join(' ') === row.join(' ')) - 1];
    const rows = dataRows(r.stdout);
    // T = 117 000 and 11 730: ⌈T/2⌉ = 58 500 and 5865.
    expect([rows[0], rows[2], rows[4]].map(headingBefore)).toEqual([
      'first stage',
      'middle of training (step 58 500 of fsgdm-cifar100, 5865 of resnet-cifar-onecycle)',
      'last stage',
    ]);
  });

  it('items that pick the same stages in every schedule are one block: two one-stage schedules are shown once, not three times', async () => {
    const r = await runCli(['analyze', 'configs/ema-sgdm.yaml', 'configs/standard-sgdm.yaml', '--compare']);
    expect(r.code, r.stderr).toBe(0);
    expect(dataRows(r.stdout).map((row) => `${row[0]} ${row[1]}`)).toEqual(['ema-sgdm 0', 'standard-sgdm 0']);
    expect(r.stdout).toContain('\nfirst stage, middle of training (step 58 500) and last stage: the same stages\nema-sgdm ');
    const atStep = await runCli(['analyze', 'configs/fsgdm-cifar100.yaml', 'configs/ema-sgdm.yaml', '--compare', '--stages', 'step:50000,last']);
    expect(atStep.stdout).toContain('\nthe stage at step 50 000\nfsgdm-cifar100 ');
    expect(atStep.stdout).toContain('\nlast stage\nfsgdm-cifar100 ');
  });

  it('--stages final,0,-1 heads its blocks "last stage" and "stage 0", not "stages final", "stages 0", "stages -1"', async () => {
    const r = await runCli(['analyze', 'configs/fsgdm-cifar100.yaml', 'configs/ema-sgdm.yaml', '--compare', '--stages', 'final,0,-1']);
    expect(r.code, r.stderr).toBe(0);
    const text = r.stdout.replace(ANSI, '');
    expect(text).not.toMatch(/stages (final|0|-1)\b/);
    expect(text).toContain('\nstage 0');
    expect(text).toMatch(/\nlast stage/);
  });

  it('middle is the stage at the middle of training, step ⌈T/2⌉, for each schedule: resnet (11 730 one-step stages) at step 5865, yolo (a per-step warm-up, then per-epoch stages) at step 277 350', async () => {
    const r = await runCli(['analyze', 'configs/resnet-cifar-onecycle.yaml', 'configs/yolo-nesterov-warmup.yaml', '--compare']);
    expect(r.code, r.stderr).toBe(0);
    const middle = dataRows(r.stdout).slice(2, 4);
    // yolo: after the warm-up a stage is an epoch, lr's floor((t − 1)/1849): step 277 350 = 150 × 1849 is in
    // epoch ⌊277 349/1849⌋ = 149, steps 149 × 1849 + 1 … 150 × 1849.
    expect(middle.map((row) => [row[0], row[2]])).toEqual([
      ['resnet-cifar-onecycle', '5865'],
      ['yolo-nesterov-warmup', `${149 * 1849 + 1}–${150 * 1849}`],
    ]);
  });

  it('step:S compares the stage each schedule is in at step S (a config with a schedules list works as several files)', async () => {
    const r = await runCli(['analyze', 'configs/compare-ema-standard-fsgdm.yaml', '--compare', '--stages', 'step:50000']);
    expect(r.code, r.stderr).toBe(0);
    // FSGDM's stages are 390 steps long: step 50 000 is in stage ⌊49 999/390⌋ = 128.
    expect(dataRows(r.stdout).map((row) => [row[0], row[1], row[2]])).toEqual([
      ['ema-sgdm-0.9', '0', '1–117000'],
      ['standard-sgdm-0.9', '0', '1–117000'],
      ['fsgdm', String(Math.floor(49999 / 390)), '49920–50309'],
    ]);
  });

  for (const columns of [80, 120]) {
    it(`fits a ${columns}-column terminal`, async () => {
      const r = await runCli(['analyze', ...THREE, '--compare'], { tty: true, columns });
      expect(r.code, r.stderr).toBe(0);
      const widths = r.stdout.replace(ANSI, '').split('\n').map((l) => [...l].length);
      expect(Math.max(...widths), r.stdout).toBeLessThanOrEqual(columns);
    });
  }

  it('is a table: with JSON, --at-steps or --mode exact it is a usage error', async () => {
    for (const extra of [['--format', 'json'], ['--at-steps', '1'], ['--mode', 'exact']]) {
      const r = await runCli(['analyze', ...THREE, '--compare', ...extra]);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/^momentum-fr: --compare prints one table of frozen metrics: it cannot be combined with --/);
    }
  });
});
