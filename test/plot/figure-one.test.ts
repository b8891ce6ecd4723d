import { describe, expect, it } from 'vitest';
import { compileVega } from '../../src/plot/render/compile-vega.js';
import { renderSvg } from '../../src/plot/render/render-svg.js';
import { DOT_LABELS, figureOneSpec } from '../../src/plot/specs/figure-one.js';
import { seriesBands } from '../../src/spectral/series-bands.js';
import { FIGURE_ONE_SIGNAL } from '../../src/spectral/figure-one.js';
import { testSignal } from '../../src/spectral/signals.js';
import { simulateSchedule } from '../../src/spectral/simulation.js';
import { stageGainRecords } from '../../src/spectral/stage-gain-records.js';
import { nodes, scheduleOf } from './support.js';
import { axisLabels, PLAIN_NUMBER, significantDigits, svgOf, svgTexts } from './svg-labels.js';
import { MEMORY_BIAS } from '../../src/spectral/stage-agreement.js';

describe('figureOneSpec', () => {
  it('from hand-made records: one panel per schedule in the given order, compiled without warnings, rendered the same twice', async () => {
    const records = ['b', 'a'].flatMap((schedule) => [1, 2, 3].flatMap((step) => [
      { schedule, step, series: 'input', value: Math.sin(step) },
      { schedule, step, series: 'momentum', value: 0.5 * Math.sin(step) },
    ]));
    const spec = figureOneSpec(records, ['b', 'a']);
    expect((spec.datasets as Record<string, { low: number; high: number }[]>).series).toEqual(records.map((r) => ({ schedule: r.schedule, series: r.series, step: r.step, low: r.value, high: r.value })));
    expect((spec as { vconcat: { title: { text: string } }[] }).vconcat.map((p) => p.title.text)).toEqual(['b', 'a']);
    expect(spec.description).toBe('Time series of the test input and the filtered output for 2 schedule(s): b, a.');
    const { spec: vg, warnings } = await compileVega(spec);
    expect(warnings).toEqual([]);
    const svg = await renderSvg(vg);
    expect(svg).toMatch(/^<svg/);
    expect(await renderSvg(vg)).toBe(svg);
  });

  // FSGDM's 117 000 steps (300 stages of 390): the run the issue found a solid block without labels.
  const schedule = scheduleOf('name: fsgdm\nsteps: 117000\nstages: 300\nmomentum:\n  preset: fsgdm\n');
  const input = testSignal(FIGURE_ONE_SIGNAL, schedule.steps);
  const sim = simulateSchedule(schedule, input, Array.from({ length: schedule.stages.count }, (_, i) => i));
  const bands = seriesBands([{ name: 'input', values: input }, { name: 'momentum', values: sim.output }], 1000).map((r) => ({ ...r, schedule: 'fsgdm' }));
  const gains = stageGainRecords(sim, [{ label: 'f ≈ 0.01 (the sine)', frequency: 0.01 }, { label: 'f = 0.5 (Nyquist)', frequency: 0.5 }], 0.99, schedule.steps).map((r) => ({ ...r, schedule: 'fsgdm' }));

  it('117 000 steps are min/max bands of 117 steps, not a line through every 59th sample; a y title with units; step ticks without "0.2k"', async () => {
    const spec = figureOneSpec(bands, ['fsgdm'], gains);
    expect(spec.title).toMatchObject({ subtitle: expect.stringContaining('min–max band per 117 steps') });
    expect(nodes(spec).filter((n) => (n.mark as { type?: string } | undefined)?.type === 'area')).toHaveLength(2);
    const svg = await svgOf(spec);
    const titles = svgTexts(svg, 'axis-title');
    expect(titles).toContain('Value (input units)');
    expect(titles).toContain('Gain (dB)');
    expect(titles).toContain('Training step');
    for (const l of svgTexts(svg, 'axis-label')) {
      expect(significantDigits(l), l).toBeLessThanOrEqual(3);
      expect(l).not.toMatch(/^0\.\d+k$/);
    }
  });

  it('the figure is no wider than its panels and legend: the gain caption (2 lines) does not stretch it (it left ~800 px blank at 2488 px)', async () => {
    const svg = await svgOf(figureOneSpec(bands, ['fsgdm'], gains));
    const width = Number(/^<svg[^>]*width="([\d.]+)"/.exec(svg)![1]);
    // panel 560 + axis titles (~80) + legend (~200 at labelLimit 260) + padding: under 900, where one caption line made it 1364.
    expect(width).toBeLessThan(900);
  });

  it('draws the per-stage gains it promises: frozen |H_k| per stage and the measured gain where coherent, both in the legend', async () => {
    const spec = figureOneSpec(bands, ['fsgdm'], gains);
    const rows = (spec.datasets as { gains: { theoryDb: number | null; measuredDb: number | null }[] }).gains;
    // 301 stages: the last is step 117 000 alone, too short for a spectrum, so it has no gain to draw.
    expect(schedule.stages.count).toBe(301);
    expect(rows).toHaveLength(2 * 300);
    expect(rows.filter((r) => r.measuredDb !== null).length).toBeGreaterThan(schedule.stages.count / 2);
    const svg = await svgOf(spec);
    const judged = gains.some((g) => g.measuredDb !== null && g.memoryLimited) ? [DOT_LABELS.judged, DOT_LABELS.notJudged] : [DOT_LABELS.judged];
    expect(svgTexts(svg, 'legend-label')).toEqual(['input', 'momentum', 'f ≈ 0.01 (the sine)', 'f = 0.5 (Nyquist)', ...judged]);
  });

  it('a display stage shades the range of its frozen |H_k| behind its line: one rect per display stage from theoryLowDb to theoryHighDb, none for a real stage', async () => {
    const row = (stage: number, low?: number, high?: number) => ({
      stage, stages: String(stage), startStep: 100 * stage + 1, endStep: 100 * stage + 100, reference: 'f = 0.5 (Nyquist)', frequency: 0.5, measuredDb: -6, theoryDb: -6, memoryLimited: false, schedule: 's',
      ...(low === undefined ? {} : { theoryLowDb: low, theoryHighDb: high }),
    });
    const records = [1, 400].flatMap((step) => [{ schedule: 's', step, series: 'input', value: 1 }, { schedule: 's', step, series: 'momentum', value: 0.5 }]);
    // A rect mark group and its items (one path per display stage).
    const rects = (svg: string) => (svg.match(/class="mark-rect role-mark[^"]*"[^>]*>(.*?)<\/g>/)?.[1].match(/<path/g) ?? []).length;
    const { spec: banded, warnings } = await compileVega(figureOneSpec(records, ['s'], [row(0, -7, -5), row(1, -6.5, -5.5)]));
    expect(warnings).toEqual([]);
    const svg = await renderSvg(banded);
    expect(rects(svg)).toBe(2);
    // Real stages (no range): no rect layer at all.
    expect(await svgOf(figureOneSpec(records, ['s'], [row(0), row(1)]))).not.toMatch(/class="mark-rect role-mark/);
  });

  it('the measured dots have a legend entry, and the faint not-judged ones their own, faint, in the compiled spec and the rendered SVG; kinds not drawn get none', async () => {
    const row = (stage: number, measuredDb: number | null, memoryLimited: boolean) => ({
      stage, stages: String(stage), startStep: 100 * stage + 1, endStep: 100 * stage + 100, reference: 'f = 0.5 (Nyquist)', frequency: 0.5, measuredDb, theoryDb: -6, memoryLimited, schedule: 's',
    });
    const records = [1, 400].flatMap((step) => [{ schedule: 's', step, series: 'input', value: 1 }, { schedule: 's', step, series: 'momentum', value: 0.5 }]);
    const both = figureOneSpec(records, ['s'], [row(0, -6, false), row(1, -6.1, true), row(2, null, false)]);
    const { spec: vg, warnings } = await compileVega(both);
    expect(warnings).toEqual([]);
    // The compiled Vega spec: a legend over the dots' opacity, whose scale maps judged → 1, not judged → 0.3.
    const legends = JSON.stringify((vg as { legends?: unknown[] }).legends);
    expect(legends).toContain('"opacity"');
    const opacity = (vg as { scales: { name: string; domain: unknown; range: unknown }[] }).scales.find((sc) => sc.name === 'opacity')!;
    expect(opacity.domain).toEqual([DOT_LABELS.judged, DOT_LABELS.notJudged]);
    expect(opacity.range).toEqual([1, 0.3]);
    const svg = await renderSvg(vg);
    expect(svgTexts(svg, 'legend-label')).toEqual(['input', 'momentum', 'f = 0.5 (Nyquist)', DOT_LABELS.judged, DOT_LABELS.notJudged]);
    // Its symbols are circles (the dots' shape), the second faint.
    const circles = [...svg.matchAll(/role-legend-symbol"[^>]*><path ([^>]*)d="M[0-9.]+,0A/g)];
    expect(circles).toHaveLength(2);
    // Only judged dots drawn: one entry; no measured dot: no dot legend.
    expect(svgTexts(await svgOf(figureOneSpec(records, ['s'], [row(0, -6, false)])), 'legend-label')).toEqual(['input', 'momentum', 'f = 0.5 (Nyquist)', DOT_LABELS.judged]);
    expect(svgTexts(await svgOf(figureOneSpec(records, ['s'], [row(0, null, false)])), 'legend-label')).toEqual(['input', 'momentum', 'f = 0.5 (Nyquist)']);
  });

  it('names the input it was given in the title: white noise is not "a noisy sinusoid"', () => {
    expect(figureOneSpec([], ['a']).title).toMatchObject({ text: 'Momentum on a noisy sinusoid' });
    expect(figureOneSpec([], ['a'], [], 'white noise').title).toMatchObject({ text: 'Momentum on white noise' });
  });

  it('the narrower of the input and momentum bands is drawn on top, so neither hides the other: SGD (v = 1, 10× the input) under the grey input, EMA over it', async () => {
    const input = testSignal({ kind: 'white', seed: 2 }, 20000);
    const drawn = async (yaml: string) => {
      const sim = simulateSchedule(scheduleOf(yaml), input, []);
      const bands = seriesBands([{ name: 'input', values: input }, { name: 'momentum', values: sim.output }], 1000).map((r) => ({ ...r, schedule: 's' }));
      const svg = await svgOf(figureOneSpec(bands, ['s']));
      // Fill colours of the area marks in drawing order (later is on top).
      return [...svg.matchAll(/role-mark[^"]*"[^>]*>(?:<path [^>]*fill="(#[0-9a-f]{6})")/g)].map((m) => m[1]).filter((c) => c === '#b0b0b0' || c === '#1f77b4');
    };
    expect(await drawn('name: s\nsteps: 20000\nstages: 1\nmomentum: { preset: pytorch-sgd, momentum: 0.9 }\n')).toEqual(['#1f77b4', '#b0b0b0']);
    expect(await drawn('name: s\nsteps: 20000\nstages: 1\nmomentum: { preset: ema-sgdm, beta: 0.9 }\n')).toEqual(['#b0b0b0', '#1f77b4']);
  });

  it('legend symbols are drawn as their marks: squares for the input and momentum bands, strokes for the gain lines, a circle for the measured dots', async () => {
    const input = testSignal({ ...FIGURE_ONE_SIGNAL, seed: 0 }, 20000);
    const sim = simulateSchedule(scheduleOf('name: s\nsteps: 20000\nstages: 2\nmomentum: { preset: ema-sgdm, beta: 0.9 }\n'), input, [0, 1]);
    const bands = seriesBands([{ name: 'input', values: input }, { name: 'momentum', values: sim.output }], 1000).map((r) => ({ ...r, schedule: 's' }));
    const gains = stageGainRecords(sim, [{ label: 'f = 0.5 (Nyquist)', frequency: 0.5 }], 0.99, 20000).map((r) => ({ ...r, schedule: 's' }));
    const svg = await svgOf(figureOneSpec(bands, ['s'], gains));
    const symbols = [...svg.matchAll(/role-legend-symbol"[^>]*><path [^>]*d="([^"]*)"/g)].map((m) => m[1]);
    expect(symbols.slice(0, 3)).toEqual(['M-5,-5h10v10h-10Z', 'M-5,-5h10v10h-10Z', 'M-5,0L5,0']);
    expect(symbols.slice(3)).toEqual([expect.stringMatching(/^M[0-9.]+,0A/)]);
  });
});

describe('figureOneSpec: step axes, numbers and caption as the rules are', () => {
  const schedule = scheduleOf('name: fsgdm\nsteps: 3000\nstages: 10\nmomentum:\n  preset: fsgdm\n');
  const input = testSignal(FIGURE_ONE_SIGNAL, schedule.steps);
  const sim = simulateSchedule(schedule, input, Array.from({ length: schedule.stages.count }, (_, i) => i));
  const bands = seriesBands([{ name: 'input', values: input }, { name: 'momentum', values: sim.output }], 1000).map((r) => ({ ...r, schedule: 'fsgdm' }));
  const gains = stageGainRecords(sim, [{ label: 'f ≈ 0.01 (the sine)', frequency: 0.01 }], 0.99, schedule.steps).map((r) => ({ ...r, schedule: 'fsgdm' }));

  it('every step axis starts at step 1 and its first tick reads "1": steps count from 1', async () => {
    const svg = await svgOf(figureOneSpec(bands, ['fsgdm'], gains));
    const x = axisLabels(svg, 'X');
    // Two panels (series, gains), each labelled 1, 500, 1k, …, 3k.
    expect(x.filter((l) => l === '1')).toHaveLength(2);
    expect(x).not.toContain('0');
    for (const l of [...x, ...axisLabels(svg, 'Y')]) expect(l).toMatch(PLAIN_NUMBER);
  });

  it('a stage of steps a…b spans [a, b + 1) on the step axis, so consecutive stages\' gain lines meet', async () => {
    // 96 steps in 3 stages of 32: a step is about 6 px wide, so a gap of one step would show.
    const short = scheduleOf('name: fsgdm\nsteps: 96\nstages: 3\nmomentum:\n  preset: fsgdm\n');
    const x = testSignal(FIGURE_ONE_SIGNAL, short.steps);
    const run = simulateSchedule(short, x, [0, 1, 2]);
    const series = seriesBands([{ name: 'input', values: x }, { name: 'momentum', values: run.output }], 1000).map((r) => ({ ...r, schedule: 'fsgdm' }));
    const stageGains = stageGainRecords(run, [{ label: 'f = 0.25', frequency: 0.25 }], 0.99, short.steps).map((r) => ({ ...r, schedule: 'fsgdm' }));
    const svg = await svgOf(figureOneSpec(series, ['fsgdm'], stageGains));
    // The frozen-|Hₖ| rules of the one reference frequency, as drawn: <line transform="translate(x,y)" x2="dx">.
    const group = /<g class="mark-rule role-mark[^>]*>(.*?)<\/g>/.exec(svg)![1];
    const spans = [...group.matchAll(/translate\(([-\d.]+),[-\d.]+\)" x2="([-\d.]+)"/g)].map((m) => [Number(m[1]), Number(m[1]) + Number(m[2])]).sort((a, b) => a[0] - b[0]);
    expect(spans).toHaveLength(3);
    expect(spans[0][0]).toBeCloseTo(0, 0); // stage 1 starts at step 1, the axis' start
    for (let i = 0; i + 1 < spans.length; i++) expect(Math.abs(spans[i][1] - spans[i + 1][0])).toBeLessThan(1);
  });

  it('the gain panel\'s caption states the rule: a faint dot is measured, not judged, beyond the measured bias (MEMORY_BIAS), not "shorter than the filter\'s memory"', async () => {
    expect(MEMORY_BIAS.ratios.at(-1)).toBe(1); // judged within the measured bias up to τ = nperseg
    const caption = svgTexts(await svgOf(figureOneSpec(bands, ['fsgdm'], gains)), 'title-text').join(' ');
    expect(caption).toContain('faint: measured, not judged');
    expect(caption).toContain('measured bias');
    expect(caption).not.toContain('shorter than the filter');
  });
});
