import { describe, expect, it } from 'vitest';
import { runCli } from '../../support/run-cli.js';

const ANSI = /\x1b\[[0-9;]*m/g;
const lines = (text: string) => text.replace(ANSI, '').split('\n').filter((l) => l !== '');
const widest = (text: string) => Math.max(...lines(text).map((l) => [...l].length));

const TRACE = 'test/fixtures/spectral/grad-trace.csv';
const KINDS: [string, string[]][] = [
  ['the Welch PSD', ['spectrum', TRACE]],
  ['the energy split per stage', ['spectrum', TRACE, '--column', 'w1', '--config', 'configs/fsgdm-cifar100.yaml', '--split', '0.01']],
  ['the spectrogram', ['spectrum', TRACE, '--column', 'w1', '--spectrogram']],
];

describe('spectrum on a terminal', () => {
  for (const columns of [80, 120]) {
    it(`fits ${columns} columns for every kind of table, with colour or without`, async () => {
      for (const [what, args] of KINDS) {
        for (const env of [{}, { NO_COLOR: '1' }] as Record<string, string>[]) {
          const r = await runCli(args, { tty: true, columns, env });
          expect(r.code, r.stderr).toBe(0);
          expect(widest(r.stdout), `${what}\n${r.stdout}`).toBeLessThanOrEqual(columns);
        }
      }
    });
  }

  it('a narrow terminal (40 columns): the spectrogram\'s heading wraps at its width too', async () => {
    const r = await runCli(['spectrum', TRACE, '--column', 'w1', '--spectrogram'], { tty: true, columns: 40, env: { NO_COLOR: '1' } });
    expect(r.code, r.stderr).toBe(0);
    expect(widest(r.stdout), r.stdout).toBeLessThanOrEqual(40);
    expect(lines(r.stdout).slice(0, 2).join(' ')).toMatch(/^w1: short-time spectra, \d+ segments of \d+ frequencies$/);
  });

  it('summarises the PSD\'s 129 frequencies: first, last, evenly spaced and each series\' peak, with one line saying so; --all prints every row', async () => {
    const r = await runCli(['spectrum', TRACE], { tty: true, columns: 80, env: { NO_COLOR: '1' } });
    const rows = lines(r.stdout).filter((l) => /^\s*[\d.]+(\s+[\d.e-]+){3}$/.test(l));
    expect(rows.length).toBeLessThan(40);
    expect(rows[0].trim().split(/\s+/)[0]).toBe('0');
    expect(rows.at(-1)!.trim().split(/\s+/)[0]).toBe('0.5');
    expect(rows.map((l) => l.trim().split(/\s+/)[0])).toContain('0.1445'); // w1's peak, 37/256
    expect(lines(r.stdout).join(' ')).toMatch(/… \d+ of 129 frequencies shown \(first, last, evenly spaced, and each series' peak\); --all shows every row/);
    const all = await runCli(['spectrum', TRACE, '--all'], { tty: true, columns: 80, env: { NO_COLOR: '1' } });
    expect(lines(all.stdout).filter((l) => /^\s*[\d.]+(\s+[\d.e-]+){3}$/.test(l))).toHaveLength(129);
  });

  it('says in words where each series peaks, and heads the columns with units and a legend that defines them', async () => {
    const r = await runCli(['spectrum', TRACE], { tty: true, columns: 120, env: { NO_COLOR: '1' } });
    const l = lines(r.stdout);
    const header = l.findIndex((x) => /^\s+f\s+w0/.test(x));
    expect(l.slice(0, header).join(' ')).toBe('w0 peaks at f = 0.007813 cycles/step (6.61 u²/fs); w1 peaks at f = 0.1445 cycles/step (2.786 u²/fs); w2 peaks at f = 0.1719 cycles/step (0.3381 u²/fs).');
    expect(l[header].trim().split(/\s+/)).toEqual(['f', 'w0', 'w1', 'w2']);
    expect(l[header + 1].trim().split(/\s+/)).toEqual(['cyc/step', 'u²/fs', 'u²/fs', 'u²/fs']);
    expect(l.join(' ')).toContain('f: Welch bin centre, cycles/step; one column per series: its power spectral density, u²/fs');
    const energy = await runCli(KINDS[1][1], { tty: true, columns: 120, env: { NO_COLOR: '1' } });
    expect(lines(energy.stdout).find((x) => x.startsWith('stage'))!.trim().split(/\s+/)).toEqual(['stage', 'steps', 'u', 'low', 'g', 'low', 'm', 'high', 'g', 'high', 'm', 'power']);
    expect(lines(energy.stdout)).toContain('every row: v = 1'); // the same on every row: stated once
    expect(lines(energy.stdout).join(' ')).toContain('power: mean square of m over that of g in the stage (> 1: momentum amplifies)');
  });

  it('colours the power ratio by what it means, and only with colour on', async () => {
    const colour = await runCli(KINDS[1][1], { tty: true, columns: 120 });
    expect(colour.stdout).toContain('\x1b[33m'); // FSGDM's stages amplify: yellow
    expect(lines(colour.stdout).join(' ')).toContain('yellow power: momentum amplifies the stage, cyan: attenuates');
    const plain = await runCli(KINDS[1][1], { tty: true, columns: 120, env: { NO_COLOR: '1' } });
    expect(plain.stdout).not.toMatch(ANSI);
  });

  it('a pipe gets the plain table with every row, as before', async () => {
    const r = await runCli(['spectrum', TRACE]);
    expect(r.stdout.split('\n')[0]).toBe('   frequency           w0           w1           w2');
    expect(r.stdout.split('\n').filter((l) => l !== '')).toHaveLength(130);
  });
});
