import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../support/run-cli.js';
import { decodePng } from '../plot/support.js';

const dir = mkdtempSync(join(tmpdir(), 'momentum-fr-write-figure-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const SVG_HEAD = /^<svg [^>]*><title>([^<]+)<\/title><desc>([^<]+)<\/desc>/;

describe('the --plot of sweep, spectrum and simulate go through the render pipeline of plot', () => {
  it('sweep --plot: every format its extension names, the SVG with the figure\'s <title> and <desc>', async () => {
    const sweep = ['sweep', '--preset', 'fsgdm', '--grid', 'c=0.01:0.1:4', '--stages', 'last', '--format', 'csv'];
    for (const ext of ['svg', 'png', 'html', 'vl.json']) {
      const file = join(dir, `sweep.${ext}`);
      const r = await runCli([...sweep, '--plot', file]);
      expect(r.code, r.stderr).toBe(0);
      expect(r.stderr).toBe(`wrote ${file}\n`);
    }
    const spec = JSON.parse(readFileSync(join(dir, 'sweep.vl.json'), 'utf8'));
    const svg = readFileSync(join(dir, 'sweep.svg'), 'utf8');
    expect(SVG_HEAD.exec(svg)?.slice(1)).toEqual([spec.title.text, spec.description]);
    expect(svg).not.toContain('line mark'); // the static spec: no per-mark ARIA, no tooltips
    const png = decodePng(readFileSync(join(dir, 'sweep.png')));
    expect(png.width).toBe(2 * Number(/width="(\d+)"/.exec(svg)![1]));
    expect(readFileSync(join(dir, 'sweep.html'), 'utf8')).toContain(`<title>${spec.title.text}</title>`);
  });

  it('spectrum --plot and simulate --plot: SVGs with <title> and <desc>, as plot draws them', async () => {
    const psd = join(dir, 'psd.svg');
    const stages = join(dir, 'stages.svg');
    const fig1 = join(dir, 'figure1.svg');
    const trace = 'test/fixtures/spectral/grad-trace.csv';
    expect((await runCli(['spectrum', trace, '--column', 'w1', '--plot', psd])).code).toBe(0);
    expect((await runCli(['spectrum', trace, '--column', 'w1', '--preset', 'ema-sgdm', '--set', 'steps=3000', '--plot', stages])).code).toBe(0);
    expect((await runCli(['simulate', '--preset', 'ema-sgdm', '--steps', '500', '--plot', fig1])).code).toBe(0);
    expect(SVG_HEAD.exec(readFileSync(psd, 'utf8'))?.[1]).toBe('Power spectral density (Welch)');
    expect(SVG_HEAD.exec(readFileSync(stages, 'utf8'))?.[1]).toBe('Power spectra per stage');
    const white = join(dir, 'white.svg');
    expect((await runCli(['simulate', '--preset', 'ema-sgdm', '--steps', '500', '--signal', 'white', '--plot', white])).code).toBe(0);
    expect(SVG_HEAD.exec(readFileSync(white, 'utf8'))?.[1]).toBe('Momentum on white noise');
    expect(SVG_HEAD.exec(readFileSync(fig1, 'utf8'))?.slice(1)).toEqual(['Momentum on a noisy sinusoid', 'Time series of the test input and the filtered output for 1 schedule(s): ema-sgdm, with the measured and frozen gain of each stage.']);
  });
});
