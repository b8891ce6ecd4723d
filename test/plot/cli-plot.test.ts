import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../support/cli.js';
import { runCli } from '../support/run-cli.js';
import { decodePng } from './support.js';

const FSGDM = join(ROOT, 'configs/fsgdm-cifar100.yaml');
const tempDir = (): string => mkdtempSync(join(tmpdir(), 'mfr-plot-'));
const lines = (s: string): string[] => s.split('\n').filter((l) => l !== '');

describe('momentum-fr plot', () => {
  it('by default writes every kind as SVG into momentum-fr-out/plots, one "wrote" line each, byte-identical across runs', async () => {
    const cwd = tempDir();
    const first = await runCli(['plot', FSGDM], { cwd });
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout).toBe('');
    const kinds = ['magnitude', 'phase', 'group-delay', 'bode', 'response-map', 'coefficients', 'metrics'];
    const names = kinds.map((k) => `momentum-fr-out/plots/fsgdm-cifar100-${k}.svg`);
    expect(lines(first.stderr)).toEqual(names.map((n) => `wrote ${n}`));
    const bytes = names.map((n) => readFileSync(join(cwd, n)));
    expect(readdirSync(join(cwd, 'momentum-fr-out/plots')).sort()).toEqual(names.map((n) => n.split('/').pop()).sort()); // no temp files left
    const again = await runCli(['plot', FSGDM], { cwd });
    expect(again.code).toBe(0);
    names.forEach((n, i) => expect(readFileSync(join(cwd, n)).equals(bytes[i]), n).toBe(true));
  });

  it('--kind all with one schedule draws no compare, so runs of several configs into one --out-dir keep every file; --kind compare of one schedule is named after it', async () => {
    const cwd = tempDir();
    for (const preset of ['ema-sgdm', 'standard-sgdm']) {
      const r = await runCli(['plot', '--preset', preset, '--kind', 'all', '--out-dir', 'out', '--freqs', '16', '--map-columns', '20', '--map-rows', '8'], { cwd });
      expect(r.code, r.stderr).toBe(0);
      expect(r.stderr).not.toMatch(/compare/);
    }
    const files = readdirSync(join(cwd, 'out'));
    expect(files).toHaveLength(14);
    expect(files.filter((f) => f.startsWith('ema-sgdm-'))).toHaveLength(7);
    const one = await runCli(['plot', '--preset', 'ema-sgdm', '--kind', 'compare', '--out-dir', 'out', '--freqs', '16'], { cwd });
    expect(one.code, one.stderr).toBe(0);
    expect(lines(one.stderr)).toEqual(['wrote out/ema-sgdm-compare.svg']);
  });

  it('an unknown --kind is a usage error: exit 2, one line, a suggestion, nothing written', async () => {
    const cwd = tempDir();
    const r = await runCli(['plot', FSGDM, '--kind', 'magnitude,respone-map'], { cwd });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      'momentum-fr: --kind: unknown plot kind "respone-map" (did you mean "response-map"?); expected magnitude, phase, group-delay, bode, response-map, coefficients, metrics, compare or all\n',
    );
    expect(existsSync(join(cwd, 'momentum-fr-out'))).toBe(false);
  });

  it('usage errors are one line with exit 2', async () => {
    const cwd = tempDir();
    const cases: [string[], RegExp][] = [
      [['-o', 'fig.pdf'], /^momentum-fr: -o fig.pdf: cannot tell the format from the extension .pdf; add --format svg\|png\|html\|vl\.json\|vg\.json\n$/],
      [['-o', 'a.svg', '--out-dir', 'd'], /^momentum-fr: -o and --out-dir cannot be combined/],
      [['--format', 'svg,jpg'], /^momentum-fr: --format: unknown format "jpg"/],
      [['-o', 'a.svg', '--format', 'png,svg'], /^momentum-fr: -o a.svg is one file, but --format asks for png,svg; use --out-dir for several formats\n$/],
      [['--stages', '999'], /^momentum-fr: --stages: stage 999 does not exist: the schedule has stages 0..300 \(schedule fsgdm-cifar100\)\n$/],
      [['--width', '0'], /^momentum-fr: --width: expected an integer from 50 to 4000 \(got "0"\)\n$/],
      [['--png-scale', 'big'], /^momentum-fr: --png-scale: expected a number in \(0, 8\] \(got "big"\)\n$/],
      [['--data-file'], /^momentum-fr: --data-file applies to the .vl.json format only\n$/],
      [['-o', '-'], /^momentum-fr: -o - writes one file, but \d+ were asked for; choose one --kind/],
    ];
    for (const [args, message] of cases) {
      const r = await runCli(['plot', FSGDM, ...args], { cwd });
      expect(r.code, `${args.join(' ')}: ${r.stderr}`).toBe(2);
      expect(lines(r.stderr), args.join(' ')).toHaveLength(1);
      expect(r.stderr, args.join(' ')).toMatch(message);
    }
    expect(readdirSync(cwd)).toEqual([]);
  });

  it('-o picks the format by extension: a PNG of the response map at --png-scale', async () => {
    const cwd = tempDir();
    const args = ['plot', FSGDM, '--kind', 'response-map', '--width', '300', '--height', '150', '--map-rows', '30'];
    const r = await runCli([...args, '-o', 'map.png', '--png-scale', '1.5'], { cwd });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toBe('wrote map.png\n');
    const svg = (await runCli([...args, '-o', '-', '--format', 'svg'], { cwd })).stdout;
    const [width, height] = [/width="(\d+)"/, /height="(\d+)"/].map((re) => Number(re.exec(svg)![1]));
    const png = decodePng(readFileSync(join(cwd, 'map.png')));
    expect([png.width, png.height]).toEqual([Math.round(1.5 * width), Math.round(1.5 * height)]);
  });

  it('-o with several figures is a prefix; --theme dark; a missing directory is a bad path (exit 2)', async () => {
    const cwd = tempDir();
    const r = await runCli(['plot', FSGDM, '--kind', 'coefficients,metrics', '-o', 'fig.svg', '--theme', 'dark'], { cwd });
    expect(r.code, r.stderr).toBe(0);
    expect(lines(r.stderr)).toEqual(['wrote fig-coefficients.svg', 'wrote fig-metrics.svg']);
    expect(readFileSync(join(cwd, 'fig-metrics.svg'), 'utf8')).toContain('fill="#1e1e22"');
    const bad = await runCli(['plot', FSGDM, '--kind', 'coefficients', '-o', 'no/such/dir/fig.svg'], { cwd });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toBe('momentum-fr: cannot write no/such/dir/fig.svg: no such directory no\n');
  });

  it('.vl.json with --data-file writes the spec and its data beside it; -o - prints one spec on stdout', async () => {
    const cwd = tempDir();
    const r = await runCli(['plot', FSGDM, '--kind', 'magnitude', '-o', 'mag.vl.json', '--data-file', '--units', 'period'], { cwd });
    expect(r.code, r.stderr).toBe(0);
    expect(lines(r.stderr)).toEqual(['wrote mag.vl.json', 'wrote mag.data.json']);
    const spec = readFileSync(join(cwd, 'mag.vl.json'), 'utf8');
    expect(spec).not.toContain('"datasets"');
    expect(spec).toContain('"url":"mag.data.json"');
    const data = JSON.parse(readFileSync(join(cwd, 'mag.data.json'), 'utf8'));
    expect(Object.keys(data)).toEqual(['curveStages', 'curves']);
    const out = await runCli(['plot', FSGDM, '--kind', 'coefficients', '-o', '-', '--format', 'vl.json'], { cwd });
    expect(out.code, out.stderr).toBe(0);
    expect(out.stderr).toBe('');
    expect(JSON.parse(out.stdout).title.text).toBe('Coefficients: fsgdm-cifar100');
    const exact = await runCli(['plot', FSGDM, '--kind', 'magnitude', '--exact', '--stages', 'first,last', '-o', '-', '--format', 'vl.json'], { cwd });
    expect(exact.code, exact.stderr).toBe(0);
    const rows = JSON.parse(exact.stdout).datasets.curves as { response: string }[];
    expect(rows.filter((r) => r.response === 'exact')).toHaveLength(rows.length / 2);
  });

  it('compare: a preset and a config in one figure; --out-dir with several formats', async () => {
    const cwd = tempDir();
    mkdirSync(join(cwd, 'existing'));
    const r = await runCli(['plot', '--preset', 'ema-sgdm', FSGDM, '--kind', 'compare', '--out-dir', 'existing/plots', '--format', 'svg,vl.json', '--facet'], { cwd });
    expect(r.code, r.stderr).toBe(0);
    expect(lines(r.stderr)).toEqual(['wrote existing/plots/compare.svg', 'wrote existing/plots/compare.vl.json']);
    const spec = JSON.parse(readFileSync(join(cwd, 'existing/plots/compare.vl.json'), 'utf8'));
    expect(spec.title.text).toBe('Compare: ema-sgdm vs fsgdm-cifar100');
    expect(spec.facet.field).toBe('schedule');
  });

  it('--help leads with examples', async () => {
    const r = await runCli(['plot', '--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Examples:\n {2}\$ momentum-fr plot configs\/fsgdm-cifar100.yaml/);
  });
});
