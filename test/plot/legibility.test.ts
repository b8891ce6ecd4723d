import { describe, expect, it } from 'vitest';
import { exactAtStageEnds } from '../../src/plot/exact-overlay.js';
import { plotFigures } from '../../src/plot/plot-figures.js';
import { PLOT_KINDS } from '../../src/plot/plot-kind.js';
import { resolvePlotOptions, type PlotOptions } from '../../src/plot/plot-options.js';
import { compileVega } from '../../src/plot/render/compile-vega.js';
import { renderSvg } from '../../src/plot/render/render-svg.js';
import type { TopLevelSpec } from '../../src/plot/specs/vega-lite-spec.js';
import type { Schedule } from '../../src/types.js';
import { decodePng, gainDbClosedForm, nodes, scheduleOf, schedulesOf } from './support.js';
import { renderPng } from '../../src/plot/render/render-png.js';
import { PLAIN_NUMBER, svgTexts } from './svg-labels.js';
import { sweepHeatmapSpec } from '../../src/plot/specs/sweep-heatmap.js';
import { sweepLineSpec } from '../../src/plot/specs/sweep-line.js';

// What a reader sees, checked on the rendered figures of every kind (issue 15, Plots): tick labels
// that are numbers, not float noise; legends whose symbols tell their curves apart; constant lines
// inside the panel, not on its frame; the start-of-training transient of a per-step schedule on
// screen; no blank margin right of a figure; subtitles without TeX braces.

const SCHEDULES = schedulesOf(
  'schedules:\n' +
    '  - { name: fsgdm, steps: 117000, stages: 300, momentum: { preset: fsgdm, c: 0.033, v: 1 } }\n' +
    '  - { name: ema, steps: 117000, momentum: { preset: ema-sgdm, beta: 0.9 } }\n',
);
/** Adam's first moment with bias correction: one stage per step, DC gain 1/(1 − β1^t). */
const ADAM = scheduleOf('name: adam\nsteps: 20000\nmomentum: { preset: adam-m, beta1: 0.9, biasCorrection: true }\n');
/** A rational filter whose a₁ never changes (one stage). */
const RATIONAL = scheduleOf('name: rational\nsteps: 1000\nstages: 1\nmomentum: { preset: rational, b: [[0.1]], a: [[1, -0.9]] }\n');
const small = resolvePlotOptions({ frequencies: 64, mapBins: 60, mapRows: 24 });

async function svgOf(spec: TopLevelSpec): Promise<string> {
  return renderSvg((await compileVega(spec)).spec);
}

/** A vega View of a spec, run, for its final scales (nice domains, ranges). */
async function viewOf(spec: TopLevelSpec): Promise<{ scale(name: string): { domain(): number[]; range(): number[] } & ((x: number) => number) }> {
  const vega = await import('vega');
  const view = new vega.View(vega.parse((await compileVega(spec)).spec as never), { renderer: 'none' });
  await view.runAsync();
  return view as never;
}

/** Every kind's static figure (as the SVG and PNG writers get it); `exact` overlays the exact responses. */
function figures(schedules: readonly Schedule[], options: Partial<PlotOptions> & { exact?: boolean } = {}): { id: string; spec: TopLevelSpec }[] {
  const { exact, ...rest } = options;
  return plotFigures(schedules, PLOT_KINDS, { ...small, ...rest, interactive: false }, exact ? exactAtStageEnds : undefined);
}

/** Texts of one role (axis-label, legend-label, …) in an SVG. */
function roleTexts(svg: string, role: string): string[] {
  const out: string[] = [];
  const group = new RegExp(`<g class="mark-text role-${role}"[^>]*>(.*?)</g>`, 'g');
  for (const m of svg.matchAll(group)) for (const t of m[1].matchAll(/<text[^>]*>([^<]*)<\/text>/g)) out.push(t[1]);
  return out;
}

/** Significant digits of a tick label such as "−12.5", "0.105458", "110k", "0.00000000003". */
function significantDigits(label: string): number {
  const mantissa = label.replace(/^[−-]/, '').replace(/[kMGµmn]$/, '');
  const digits = mantissa.replace('.', '').replace(/^0+/, '');
  return (mantissa.includes('.') ? digits : digits.replace(/0+$/, '')).length;
}

/** The legend symbols of each legend in an SVG, as "stroke|dasharray|width|opacity|fill|shape" (what tells entries apart). */
function legendSymbols(svg: string): { title: string; symbols: string[]; gradient: boolean }[] {
  return svg
    .split('<g class="mark-group role-legend"')
    .slice(1)
    .map((part) => ({
      title: /role-legend-title[^>]*><text[^>]*>([^<]*)</.exec(part)?.[1] ?? '',
      gradient: part.includes('role-legend-gradient'),
      symbols: [...part.matchAll(/role-legend-symbol"[^>]*><path ([^>]*)\/>/g)].map((m) => {
        const attr = (name: string) => new RegExp(`${name}="([^"]*)"`).exec(m[1])?.[1] ?? '';
        return [attr('stroke'), attr('stroke-dasharray'), attr('stroke-width'), attr('opacity'), attr('fill'), attr('d')].join('|');
      }),
    }));
}

describe('figures a reader can read', () => {
  it('one subscript notation: no title or subtitle of any figure writes a subscript as _k (Hₖ, αₖ, τₖ, φₖ)', () => {
    const lr = scheduleOf('name: lr\nsteps: 1000\nstages: 4\nlr: 0.1\nmomentum: { preset: ema-sgdm, beta: 0.9 }\n');
    for (const [schedules, view] of [[SCHEDULES, 'momentum'], [[lr], 'update']] as const) {
      for (const figure of plotFigures(schedules, PLOT_KINDS, { ...small, view })) {
        const title = figure.spec.title as { text: string; subtitle?: string | string[] };
        expect([title.text, title.subtitle ?? []].flat().join(' '), figure.id).not.toMatch(/_[0-9a-z{]/);
      }
    }
  });

  it('legend labels are not cut while there is room: a compare of fsgdm-cifar100-official shows its whole name', async () => {
    const two = schedulesOf(
      'schedules:\n' +
        '  - { name: fsgdm-cifar100-official, steps: 1000, stages: 3, momentum: { preset: fsgdm, c: 0.033, v: 1 } }\n' +
        '  - { name: ema, steps: 1000, momentum: { preset: ema-sgdm, beta: 0.9 } }\n',
    );
    const [compare] = plotFigures(two, ['compare'], small);
    expect(svgTexts(await svgOf(compare.spec), 'legend-label')).toContain('fsgdm-cifar100-official');
  });

  it('no axis tick label of any kind has more than 4 significant digits or is longer than 7 characters', async () => {
    // warm-up then cosine to ~0: a learning rate over many decades on its log axis
    const cosine = scheduleOf('name: cosine\nsteps: 2000\nlr: { scheduler: get_cosine_schedule_with_warmup, num_warmup_steps: 100, num_training_steps: 2000, base: 6.0e-4 }\nmomentum: { preset: adam-m, beta1: 0.9 }\n');
    const all = [...figures(SCHEDULES), ...figures([ADAM]).filter((f) => /metrics|coefficients/.test(f.id)), ...figures([RATIONAL]), ...figures([cosine]).filter((f) => f.id.endsWith('coefficients'))];
    for (const { id, spec } of all) {
      for (const label of roleTexts(await svgOf(spec), 'axis-label')) {
        expect(significantDigits(label), `${id}: "${label}"`).toBeLessThanOrEqual(4);
        expect(label.length, `${id}: "${label}"`).toBeLessThanOrEqual(7);
      }
    }
  });

  it('legends list discrete curves with symbols as distinct as the curves: stages, schedules, training positions, frozen vs exact', async () => {
    const compare = figures(schedulesOf(
      'schedules:\n' +
        '  - { name: ema, steps: 1000, momentum: { preset: ema-sgdm, beta: 0.9 } }\n' +
        '  - { name: fsgdm, steps: 1000, stages: 10, momentum: { preset: fsgdm, c: 0.033, v: 1 } }\n',
    ), { exact: true }).filter((f) => f.id === 'compare' || f.id === 'fsgdm-magnitude');
    expect(compare.map((f) => f.id)).toEqual(['fsgdm-magnitude', 'compare']);
    for (const { id, spec } of compare) {
      const legends = legendSymbols(await svgOf(spec));
      expect(legends.length, id).toBeGreaterThan(0);
      for (const legend of legends) {
        // eight stages are eight discrete curves: no continuous gradient
        expect(legend.gradient, `${id}: ${legend.title}`).toBe(false);
        expect(new Set(legend.symbols).size, `${id}: ${legend.title}: ${legend.symbols.join(', ')}`).toBe(legend.symbols.length);
      }
    }
    const positions = legendSymbols(await svgOf(compare[1].spec)).find((l) => l.title === 'Training position')!;
    expect(positions.symbols).toHaveLength(4); // 0 %, 50 %, 100 %, all steps
  });

  it('constant quantities sit inside their panel, not on its frame: EMA group delay u/(1 − u) = 9, an all-pass 0 dB, a fixed a₁', async () => {
    const inside = (domain: number[], x: number, what: string) => {
      const [lo, hi] = [Math.min(...domain), Math.max(...domain)];
      expect(x - lo, what).toBeGreaterThanOrEqual(0.05 * (hi - lo));
      expect(hi - x, what).toBeGreaterThanOrEqual(0.05 * (hi - lo));
    };
    const ema = figures([SCHEDULES[1]]);
    const metrics = await viewOf(ema.find((f) => f.id === 'ema-metrics')!.spec);
    inside(metrics.scale('concat_3_y').domain(), 0.9 / (1 - 0.9), 'EMA group delay at DC');
    inside(metrics.scale('concat_0_y').domain(), 0, 'EMA DC gain 0 dB');
    inside(metrics.scale('concat_2_y').domain(), 10 * Math.log10(0.01 / (1 - 0.81)), 'EMA noise gain v²/(1 − u²)');
    // FSGDM's stage 0 has u = 0, v = 1: |H| = 1 at every ω, frozen and exact
    const allPass = figures([SCHEDULES[0]], { stages: '0', exact: true }).find((f) => f.id === 'fsgdm-magnitude')!;
    inside((await viewOf(allPass.spec)).scale('y').domain(), 0, 'all-pass 0 dB');
    const coefficients = figures([RATIONAL]).find((f) => f.id === 'rational-coefficients')!;
    const domain = (await viewOf(coefficients.spec)).scale('y').domain();
    for (const a1 of [-0.9, 0.1]) inside(domain, a1, `rational coefficient ${a1}`);
  });

  it("a per-step schedule keeps its start-of-training transient: adam-m's bias-corrected DC gain 20 dB → 0 dB over the first steps is drawn, ≥ 10 dB over ≥ 10 % of the width", async () => {
    const spec = figures([ADAM]).find((f) => f.id === 'adam-metrics')!.spec;
    const rows = (spec.datasets as Record<string, Record<string, number | null>[]>).metrics;
    const peak = Math.max(...rows.flatMap((r) => [r.dcGainDb ?? -Infinity, r.dcGainDbMax ?? -Infinity]));
    // DC gain of step t: (1 − β)/((1 − β^t)(1 − β)) = 1/(1 − β^t); at t = 1: 1/(1 − 0.9) = 10, 20 dB
    expect(peak).toBeGreaterThanOrEqual(19);
    expect(peak).toBeCloseTo(20, 6);
    const view = await viewOf(spec);
    const x = view.scale('x');
    const [left, right] = x.range();
    // steps with 1/(1 − 0.9^t) ≥ √10 (10 dB): t ≤ 3, so the drawn rows from step 1 to step 4
    const loud = rows.filter((r) => (r.dcGainDb ?? -Infinity) >= 10).map((r) => r.step as number);
    expect(loud.length).toBeGreaterThan(0);
    const next = rows.find((r) => (r.step as number) > Math.max(...loud))!.step as number;
    expect((x(next) - x(Math.min(...loud))) / (right - left)).toBeGreaterThanOrEqual(0.1);
  });

  it("the response map keeps a start-of-training transient too: adam-m's first steps are columns of their own on a log step axis, each gain the closed form", async () => {
    const spec = figures([ADAM]).find((f) => f.id === 'adam-response-map')!.spec;
    const datasets = spec.datasets as Record<string, Record<string, number | number[] | null>[]>;
    const rows = datasets.mapRows.map((r) => r.frequency as number);
    // 60 columns log-spaced over 20 000 steps: each of steps 1…8 is a column of its own
    const first = datasets.mapBins.slice(0, 8);
    expect(first.map((b) => [b.firstStep, b.lastStep])).toEqual(Array.from({ length: 8 }, (_, i) => [i + 1, i + 1]));
    for (const b of first) {
      const t = b.firstStep as number;
      // step t: m̂ = m/(1 − β^t) with m = β·m + (1 − β)·g, so H = (1 − β)/((1 − β^t)(1 − β·e^{−jω}))
      (b.gainDb as number[]).forEach((g, j) => {
        const want = gainDbClosedForm(0.9, 0.1 / (1 - 0.9 ** t), rows[j]);
        expect(Math.abs(g - want), `step ${t} ω=${rows[j]} got=${g} want=${want}`).toBeLessThanOrEqual(1e-4 * Math.max(1, Math.abs(want)));
      });
    }
    // on screen: steps 1…3 (DC gain ≥ 10 dB, −20·log10(1 − 0.9^t)) take ≥ 10 % of the width
    const x = (await viewOf(spec)).scale('x');
    const [left, right] = x.range();
    expect((x(4) - x(1)) / (right - left)).toBeGreaterThanOrEqual(0.1);
    const tip = (spec as { encoding?: { tooltip?: { title: string }[] } }).encoding?.tooltip;
    expect(tip).toBeUndefined(); // static figure: no tooltips
    const page = plotFigures([ADAM], ['response-map'], { ...small, interactive: true })[0].spec as { encoding: { tooltip: { field: string; title: string }[] } };
    expect(page.encoding.tooltip.slice(0, 2)).toEqual([
      { field: 'firstStep', type: 'quantitative', title: 'first step' },
      { field: 'lastStep', type: 'quantitative', title: 'last step' },
    ]);
  });

  it('every step axis starts at step 1, never at a tick "0": response map, coefficients and metrics, linear and log, long and short runs', async () => {
    const short = scheduleOf('name: short\nsteps: 10\nstages: 10\nmomentum: { preset: fsgdm, c: 0.033, v: 1 }\n');
    const all = [...figures(SCHEDULES), ...figures([ADAM]), ...figures([short])].filter((f) => /response-map|coefficients|metrics/.test(f.id));
    expect(all.length).toBe(12);
    for (const { id, spec } of all) {
      const svg = await svgOf(spec);
      const axes = svg.split('<g class="mark-group role-axis"').slice(1).filter((part) => /^[^>]*aria-label="X-axis/.test(part));
      expect(axes.length, id).toBeGreaterThan(0);
      for (const part of axes) {
        expect(/aria-label="X-axis[^"]* from 1 to /.test(part), `${id}: ${/aria-label="([^"]*)"/.exec(part)![1]}`).toBe(true);
        const labels = roleTexts(part.split('role-axis-title')[0] + '</g>', 'axis-label');
        expect(labels[0], id).toBe('1');
        expect(labels, id).not.toContain('0');
      }
    }
    // a 10-step run: step s is drawn from s to s + 1, ticks at every step
    const metrics = all.find((f) => f.id === 'short-metrics')!.spec;
    expect((metrics.datasets as Record<string, { step: number }[]>).metrics.map((r) => r.step)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
  });

  it('no axis or legend label of any figure is in exponent notation above 10⁻⁴ ("1e+1", "2e+4"): periods of 10⁴ steps on log and linear frequency axes, a slow cutoff, sweeps over μ and over steps', async () => {
    const slow = scheduleOf('name: slow\nsteps: 2000\nstages: 4\nmomentum:\n  u: "1 - 1e-5 * (5 - k)"\n  v: "1 - u"\n');
    const kinds = [
      ...figures([...SCHEDULES, slow], { frequencyUnit: 'period', omegaMin: 1e-5 }),
      ...figures([SCHEDULES[1], slow], { frequencyUnit: 'period', frequencyScale: 'linear' }),
    ].filter((f) => !f.id.endsWith('response-map') || f.id.startsWith('slow'));
    const mu = Array.from({ length: 10 }, (_, i) => 0.9 + i * 0.01);
    const steps = [1000, 25750, 50500, 75250, 100000];
    const c = [0.01, 0.04, 0.07, 0.1];
    const sweeps = [
      { id: 'sweep line over μ', spec: sweepLineSpec({ x: { path: 'momentum.momentum', values: mu, log: false }, metric: 'dcGain', stage: 'last', series: [{ name: 'dcGain', values: mu.map((m) => 1 / (1 - m)) }] }) },
      { id: 'sweep line over steps', spec: sweepLineSpec({ x: { path: 'steps', values: steps, log: false }, metric: 'dcGain', stage: 'last', series: [{ name: 'dcGain', values: steps.map((n) => 31 + n * 1e-6) }] }) },
      // DC gain 1/(1 − u) of u = 1 − c: 10 … 100, on a linear colour scale
      { id: 'sweep heatmap', spec: sweepHeatmapSpec({ x: { path: 'steps', values: steps, log: false }, y: { path: 'c', values: c, log: false }, metric: 'dcGain', stage: 'last', z: steps.flatMap(() => c.map((x) => 1 / x)) }) },
      { id: 'sweep heatmap, linear colours', spec: sweepHeatmapSpec({ x: { path: 'steps', values: steps, log: false }, y: { path: 'c', values: c, log: false }, metric: 'dcGain', stage: 'last', z: steps.flatMap(() => c.map((x) => 10 + 900 * x)) }) },
    ];
    let seen = 0;
    for (const { id, spec } of [...kinds, ...sweeps]) {
      const svg = await svgOf(spec);
      for (const label of [...svgTexts(svg, 'axis-label'), ...svgTexts(svg, 'legend-label')]) {
        if (!/^[−-]?[\d.]+(?:e[+−-]?\d+)?[kM]?$/.test(label)) continue; // names: schedules, stages, positions
        seen++;
        expect(label, id).toMatch(PLAIN_NUMBER);
      }
    }
    expect(seen).toBeGreaterThan(200);
  });

  it('a quantity that changes every step is drawn as the ramp it is, not as stairs one merged bin wide: a per-step warm-up of u over 2 % of training, its u and DC gain lines on the closed form', () => {
    // u(t) = 0.8 + 0.137·(t − 1)/1999 up to step 2000, then 0.937; v = 1: DC gain 1/(1 − u)
    const u = (t: number) => (t <= 2000 ? 0.8 + (0.137 * (t - 1)) / 1999 : 0.937);
    const ramp = scheduleOf('name: ramp\nsteps: 100000\nstageLength: 1\nmomentum:\n  u: "t <= 2000 ? 0.8 + 0.137 * (t - 1) / 1999 : 0.937"\n  v: "1"\n');
    const drawn = figures([ramp]).filter((f) => /coefficients|metrics/.test(f.id));
    /** The line's value at axis position x, as its mark draws it between its points (linear or step-after). */
    const lineAt = (spec: TopLevelSpec, field: string, keep: (row: Record<string, unknown>) => boolean) => {
      const line = nodes(spec).find((n) => (n.mark as { type?: string } | undefined)?.type === 'line' && (n.encoding as { y?: { field?: string } })?.y?.field === field)!;
      const name = ((line.data as { name?: string } | undefined)?.name ?? (nodes(spec).find((n) => (n.data as { name?: string } | undefined)?.name && (n.layer as unknown[] | undefined)?.includes(line))?.data as { name: string } | undefined)?.name ?? (spec as { data?: { name: string } }).data?.name)!;
      const rows = (spec.datasets as Record<string, Record<string, number>[]>)[name].filter(keep).map((r) => [r.step, r[field]]);
      const linear = (line.mark as { interpolate: string }).interpolate === 'linear';
      return (x: number): number => {
        let i = rows.findIndex((r) => r[0] > x) - 1;
        if (i < 0) i = rows.length - 1;
        if (!linear || i + 1 >= rows.length) return rows[i][1];
        const [[x0, y0], [x1, y1]] = [rows[i], rows[i + 1]];
        return y0 + ((y1 - y0) * (x - x0)) / (x1 - x0);
      };
    };
    const coefficients = drawn.find((f) => f.id === 'ramp-coefficients')!.spec;
    const metrics = drawn.find((f) => f.id === 'ramp-metrics')!.spec;
    const uLine = lineAt(coefficients, 'value', (r) => (r as unknown as { coefficient: string }).coefficient === 'u');
    const dcLine = lineAt(metrics, 'dcGainDb', () => true);
    let uWorst = 0;
    let dcWorst = 0;
    // position x on the step axis is inside step ⌊x⌋, whose middle is ⌊x⌋ + 0.5; up to a bin before
    // the kink at step 2000 (the bin holding it is drawn as a slope: its mean is off the ramp)
    for (let x = 100.5; x < 1500; x += 7) {
      uWorst = Math.max(uWorst, Math.abs(uLine(x) - u(x - 0.5)));
      dcWorst = Math.max(dcWorst, Math.abs(dcLine(x) - -20 * Math.log10(1 - u(x - 0.5))));
    }
    // a stair one bin wide (60 bins log-spaced over 100 000 steps: ~15 % of the step) misses by ≥ 0.003 in u, ≥ 0.3 dB
    expect(uWorst).toBeLessThanOrEqual(2e-4);
    expect(dcWorst).toBeLessThanOrEqual(0.1);
  });

  it('a single-schedule figure ends at its panel (and legend): no blank band at the right', async () => {
    for (const { id, spec } of figures([SCHEDULES[1]], { exact: false })) {
      const svg = await svgOf(spec);
      const width = Number(/<svg [^>]*width="(\d+)"/.exec(svg)![1]);
      const legends = legendSymbols(svg).length;
      // panel + y axis and its title (≤ 100 px) + padding; a legend adds at most 140 px
      expect(width, id).toBeLessThanOrEqual(small.width + 100 + 140 * Math.min(1, legends));
    }
  });

  it('tooltips write numbers as plain digits too: every tooltip format of every interactive figure gives 10, 100, 20000, 62831.9 (ω = 10⁻⁴ as a period) without an exponent', async () => {
    const d3Format = 'd3-format'; // vega's own number formatter, the reference
    const { format } = (await import(d3Format)) as { format: (specifier: string) => (x: number) => string };
    const formats = new Set<string>();
    for (const figure of plotFigures(SCHEDULES, PLOT_KINDS, { ...small, interactive: true, frequencyUnit: 'period' })) {
      for (const n of nodes(figure.spec)) {
        const tooltip = (n.encoding as { tooltip?: { format?: string }[] } | undefined)?.tooltip;
        for (const t of Array.isArray(tooltip) ? tooltip : []) if (t.format !== undefined) formats.add(t.format);
      }
    }
    expect(formats.size).toBeGreaterThan(2);
    for (const f of formats) for (const x of [10, 100, 20000, 62831.9]) expect(format(f)(x), `${f} of ${x}`).not.toMatch(/e/);
  });

  it('a coefficients figure with a learning rate ends near its legend: the blank band right of it, measured in the PNG drawn with DejaVu, is ≤ 64 px (vega sizes legend text at 0.8 em per character; "learning rate α (right axis)" left 110 px)', async () => {
    const withLr = scheduleOf('name: lr\nsteps: 1000\nstages: 10\nlr: 0.1\nmomentum: { preset: standard-sgdm, beta: 0.9 }\n');
    const spec = figures([withLr]).find((f) => f.id === 'lr-coefficients')!.spec;
    const png = decodePng(await renderPng(await svgOf(spec), { scale: 1 }));
    let ink = 0;
    for (let y = 0; y < png.height; y++) {
      for (let x = png.width - 1; x > ink; x--) {
        const i = 4 * (y * png.width + x);
        if (png.rgba[i] < 240 || png.rgba[i + 1] < 240 || png.rgba[i + 2] < 240) {
          ink = x;
          break;
        }
      }
    }
    expect(png.width - 1 - ink).toBeLessThanOrEqual(64);
  });

  it('titles and subtitles are plain text: no TeX braces such as e^{−jω} or m_{t−1}', () => {
    const aggmo = scheduleOf('name: aggmo\nsteps: 1000\nmomentum: { preset: aggmo, betas: [0, 0.9, 0.99] }\n');
    for (const { id, spec } of [...figures(SCHEDULES), ...figures([RATIONAL]), ...figures([aggmo])]) {
      const title = spec.title as { text: string; subtitle: string | string[] };
      expect([title.text, title.subtitle].flat().join(' '), id).not.toMatch(/[{}]/);
    }
  });

  it('every value axis names its unit', () => {
    const withLr = scheduleOf('name: lr\nsteps: 1000\nstages: 10\nlr: 0.1\nmomentum: { preset: standard-sgdm, beta: 0.9 }\n');
    for (const { id, spec } of [...figures(SCHEDULES), ...figures([RATIONAL]), ...figures([withLr])]) {
      for (const n of nodes(spec)) {
        const y = (n.encoding as Record<string, { title?: unknown }> | undefined)?.y;
        if (!y || y.title === undefined || y.title === null) continue;
        expect([y.title].flat().join(' '), id).toMatch(/\(.+\)/);
      }
    }
  });
});
