import { describe, expect, it } from 'vitest';
import { exactAtStageEnds } from '../../src/plot/exact-overlay.js';
import { plotFigures } from '../../src/plot/plot-figures.js';
import { OptionError } from '../../src/schedule/issues.js';
import { PLOT_KINDS } from '../../src/plot/plot-kind.js';
import { resolvePlotOptions, type PlotOptions } from '../../src/plot/plot-options.js';
import { responseRecords } from '../../src/plot/response-records.js';
import { bodeSpec } from '../../src/plot/specs/bode.js';
import { coefficientsSpec } from '../../src/plot/specs/coefficients.js';
import { binValues, stepBins } from '../../src/plot/step-bins.js';
import { compareSources } from '../../src/plot/compare-sources.js';
import { compareSpec } from '../../src/plot/specs/compare.js';
import { coefficientRecords, metricsRecords, responseMapRecords } from '../../src/plot/figure-records.js';
import { CURVE_SLIDER, HIGHLIGHTED_STAGE } from '../../src/plot/specs/curve-panel.js';
import { groupDelaySpec } from '../../src/plot/specs/group-delay.js';
import { magnitudeSpec } from '../../src/plot/specs/magnitude.js';
import { metricsSpec } from '../../src/plot/specs/metrics.js';
import { phaseSpec } from '../../src/plot/specs/phase.js';
import { responseMapSpec } from '../../src/plot/specs/response-map.js';
import { PRESETS } from '../../src/schedule/presets/index.js';
import { logGrid } from '../../src/filter/grid.js';
import type { Schedule } from '../../src/types.js';
import type { LayerItem, TopLevelSpec } from '../../src/plot/specs/vega-lite-spec.js';
import { gainDbClosedForm, groupDelayClosedForm, keyOf, near, nodes, phaseClosedForm, scheduleOf, schedulesOf } from './support.js';

type Row = Record<string, number | string | null | (number | null)[]>;

const FSGDM = scheduleOf('name: fsgdm\nsteps: 117000\nstages: 300\nmomentum: { preset: fsgdm, c: 0.033, v: 1 }\n');
/** Three stages of unequal length and sign-changing v, so spans and closed forms are both exercised. */
const THREE = scheduleOf('name: three\nsteps: 100\nstages: 3\nmomentum:\n  u: [0.2, 0.9, -0.5]\n  v: [1, 0.1, 2]\n');
const options = resolvePlotOptions();
const omega = logGrid(64, 1e-3);
/** The response map as plotFigures makes it: records from the schedule, then the spec. */
const mapSpec = (schedule: Schedule, o: PlotOptions): TopLevelSpec => responseMapSpec(responseMapRecords(schedule, o), o);

const rowsOf = (spec: TopLevelSpec, name: string): Row[] => (spec.datasets as Record<string, Row[]>)[name];
const byCurve = (spec: TopLevelSpec): Map<number, Row> => new Map(rowsOf(spec, 'curveStages').map((r) => [r.curve as number, r]));
const encodings = (spec: TopLevelSpec): Record<string, Record<string, unknown>>[] =>
  nodes(spec).filter((n) => 'encoding' in n).map((n) => n.encoding as Record<string, Record<string, unknown>>);
const marks = (spec: TopLevelSpec): string[] => nodes(spec).filter((n) => 'mark' in n).map((n) => (typeof n.mark === 'string' ? n.mark : (n.mark as { type: string }).type));

describe('curve plots: magnitude, phase, group delay, Bode', () => {
  it('magnitudeSpec: dB against log ω, one line per stage coloured by stage, a 0 dB rule, titles with units', () => {
    const spec = magnitudeSpec(responseRecords(FSGDM, [0, 150, 300], omega), options, FSGDM.stages.count);
    expect(spec.$schema).toMatch(/vega-lite\/v6/);
    expect((spec.title as { text: string }).text).toBe('Magnitude response: fsgdm');
    expect(spec.description).toMatch(/Magnitude .* in dB of stages 0, 150, 300 of schedule fsgdm \(301 stages over 117000 steps\)/);
    expect(marks(spec)).toEqual(['rule', 'line']);
    const line = encodings(spec).find((e) => e.color)!;
    expect(line.x).toMatchObject({ field: 'frequency', type: 'quantitative', title: 'Frequency ω (rad/sample)', scale: { type: 'log' } });
    expect(line.y).toMatchObject({ field: 'gainDb', title: 'Gain |H| (dB)' });
    // Three stages: a discrete legend, one stroke per stage (a gradient only beyond MAX_LISTED_STAGES).
    expect(line.color).toMatchObject({ field: 'stage', type: 'ordinal', title: 'Stage', legend: { symbolType: 'stroke' } });
    expect(encodings(spec).find((e) => !e.color)!.y).toMatchObject({ field: 'gainDb' });
    expect(rowsOf(spec, 'curveStages').map((r) => r.stage)).toEqual([0, 150, 300]);
  });

  it('magnitude rows equal |H| = |v|/sqrt((1−u)² + 4u·sin²(ω/2)) in dB, for every stage and frequency', () => {
    const spec = magnitudeSpec(responseRecords(THREE, [0, 1, 2], omega), options);
    const stages = byCurve(spec);
    const rows = rowsOf(spec, 'curves');
    expect(rows).toHaveLength(3 * 64);
    for (const r of rows) {
      const s = stages.get(r.curve as number)!;
      const want = gainDbClosedForm(s.u as number, s.v as number, r.frequency as number);
      expect(near(r.gainDb as number, want, 2e-5), `u=${s.u} v=${s.v} ω=${r.frequency} got=${r.gainDb} want=${want}`).toBe(true);
    }
  });

  it('phase and group delay rows match their closed forms; v < 0 shifts the phase by π', () => {
    const records = responseRecords(THREE, [0, 1, 2], omega);
    const phase = phaseSpec(records, options);
    const delay = groupDelaySpec(records, options);
    expect(encodings(phase).find((e) => e.color)!.y).toMatchObject({ field: 'phase', title: 'Phase φ (rad)' });
    expect(encodings(delay).find((e) => e.color)!.y).toMatchObject({ field: 'groupDelay', title: 'Group delay τ (steps)' });
    expect(marks(phase)).toEqual(['line']); // no 0 dB rule outside magnitude plots
    const stages = byCurve(phase);
    for (const r of rowsOf(phase, 'curves')) {
      const u = stages.get(r.curve as number)!.u as number;
      const want = phaseClosedForm(u, r.frequency as number);
      // unwrapped phase: equal modulo 2π (the sign of v never changes within a stage here)
      const diff = ((((r.phase as number) - want) % (2 * Math.PI)) + 2 * Math.PI) % (2 * Math.PI);
      expect(Math.min(diff, 2 * Math.PI - diff), `u=${u} ω=${r.frequency}`).toBeLessThan(1e-5);
    }
    for (const r of rowsOf(delay, 'curves')) {
      const u = stages.get(r.curve as number)!.u as number;
      expect(near(r.groupDelay as number, groupDelayClosedForm(u, r.frequency as number), 2e-5), `u=${u} ω=${r.frequency} got=${r.groupDelay}`).toBe(true);
    }
  });

  it('frequency units: cycles/step is ω/2π, the period 2π/ω steps on a reversed axis', () => {
    const records = responseRecords(THREE, [1], omega);
    const cycles = magnitudeSpec(records, { ...options, frequencyUnit: 'cycles' });
    const period = magnitudeSpec(records, { ...options, frequencyUnit: 'period' });
    expect(encodings(cycles).find((e) => e.color)!.x).toMatchObject({ title: 'Frequency (cycles/step)' });
    expect(encodings(period).find((e) => e.color)!.x).toMatchObject({ title: 'Period (steps/cycle)', scale: { reverse: true } });
    const c = rowsOf(cycles, 'curves');
    const p = rowsOf(period, 'curves');
    for (let i = 0; i < omega.length; i++) {
      expect(near(c[i].frequency as number, omega[i] / (2 * Math.PI), 6e-6)).toBe(true);
      expect(near(p[i].frequency as number, (2 * Math.PI) / omega[i], 6e-6), `${p[i].frequency} vs ${(2 * Math.PI) / omega[i]}`).toBe(true);
    }
  });

  it('a linear axis includes ω = 0; a log axis cannot and drops it', () => {
    const grid = Float64Array.from([0, Math.PI / 2, Math.PI]);
    const lin = magnitudeSpec(responseRecords(THREE, [1], grid), { ...options, frequencyScale: 'linear' });
    const log = magnitudeSpec(responseRecords(THREE, [1], grid), options);
    expect(rowsOf(lin, 'curves').map((r) => r.frequency)).toEqual([0, 1.5708, 3.14159]);
    expect(rowsOf(log, 'curves').map((r) => r.frequency)).toEqual([1.5708, 3.14159]);
    expect(near(rowsOf(lin, 'curves')[0].gainDb as number, 20 * Math.log10(0.1 / 0.1), 1e-9)).toBe(true); // DC: v/(1 − u)
  });

  it('bodeSpec stacks magnitude (dB) over phase (rad) with a shared x scale', () => {
    const spec = bodeSpec(responseRecords(FSGDM, [0, 300], omega), options, 301);
    const panels = keyOf(spec, 'vconcat') as TopLevelSpec[];
    expect(panels).toHaveLength(2);
    expect(encodings(panels[0]).find((e) => e.color)!.y).toMatchObject({ title: 'Gain |H| (dB)' });
    expect(encodings(panels[1]).find((e) => e.color)!.y).toMatchObject({ title: 'Phase φ (rad)' });
    expect(keyOf(spec, 'resolve')).toEqual({ scale: { x: 'shared', color: 'shared' } });
  });

  it('the Bode subtitle states the filter each preset really has: vₖ/(1 − uₖ·z⁻¹) only for first-order momentum, the preset\'s own H otherwise', () => {
    // First-order presets (one buffer, d = m): the paper's H_k; every other kind has a different transfer function.
    const firstOrder = ['constant', 'ema-sgdm', 'standard-sgdm', 'pytorch-sgd', 'fsgdm'];
    const own: Record<string, string> = {
      nesterov: 'Hₖ(z) = 1 + μ(1 − τ)/(1 − μz⁻¹)',
      qhm: 'Hₖ(z) = 1 − ν + ν(1 − β)/(1 − βz⁻¹)',
      aggmo: 'Hₖ(z) = (1/K)·Σᵢ 1/(1 − βᵢ z⁻¹)',
      lion: 'Hₖ(z) = 1 − β1 + β1(1 − β2)z⁻¹/(1 − β2 z⁻¹)',
      rational: 'Hₖ(z) = (b₀ + b₁ z⁻¹ + …)/(a₀ + a₁ z⁻¹ + …)',
    };
    for (const name of PRESETS.keys()) {
      const schedule = scheduleOf(`name: ${name}\nsteps: 1000\nmomentum: { preset: ${name} }\n`);
      const subtitle = (keyOf(bodeSpec(responseRecords(schedule, [0], omega), options), 'title') as { subtitle: string[] }).subtitle.join(' ');
      const paper = subtitle.includes('Hₖ(z) = vₖ/(1 − uₖ·z⁻¹)');
      expect(paper, `${name}: ${subtitle}`).toBe(firstOrder.includes(name) || PRESETS.get(name)!.kind === 'first-order');
      if (own[name]) expect(subtitle, name).toContain(own[name]);
      expect(subtitle, name).not.toMatch(/_[0-9a-z{]/); // one subscript notation: Unicode
    }
  });

  it('without a known filter (records built by hand), the Bode subtitle states no formula', () => {
    const { formula: _, ...records } = responseRecords(scheduleOf('name: n\nsteps: 100\nmomentum: { preset: nesterov }\n'), [0], omega);
    const subtitle = (keyOf(bodeSpec(records, options), 'title') as { subtitle: string[] }).subtitle.join(' ');
    expect(subtitle).toBe('Frozen stage filters Hₖ(z) at z = exp(jω): magnitude (dB, top) and phase (rad, bottom), one curve per stage');
  });

  it('--curves 8 over a schedule of two alternating filters draws two curves, and every curve figure says only 2 differ', () => {
    const two = scheduleOf('name: two\nsteps: 1000\nstages: 10\nmomentum:\n  u: [0.5, 0.9, 0.5, 0.9, 0.5, 0.9, 0.5, 0.9, 0.5, 0.9]\n  v: 1\n');
    for (const figure of plotFigures([two], ['magnitude', 'phase', 'group-delay', 'bode'], { ...options, frequencies: 16 })) {
      const curveStages = rowsOf(figure.spec, 'curveStages');
      expect(new Set(curveStages.map((r) => r.u)), figure.id).toEqual(new Set([0.5, 0.9]));
      expect(curveStages, figure.id).toHaveLength(2);
      const subtitle = (keyOf(figure.spec, 'title') as { subtitle: string | string[] }).subtitle;
      expect([subtitle].flat().join(' '), figure.id).toMatch(/only 2 stage filters differ/i);
    }
  });

  it('interactive magnitude: a range-input slider over the positions of the drawn stages, and a highlight layer that follows the stage there', () => {
    const spec = magnitudeSpec(responseRecords(FSGDM, [0, 100, 200, 300], omega), { ...options, interactive: true });
    expect(keyOf(spec, 'params')).toEqual([
      { name: CURVE_SLIDER, value: 3, bind: { input: 'range', min: 0, max: 3, step: 1, name: 'Highlighted stage ' } },
      { name: HIGHLIGHTED_STAGE, expr: `[0,100,200,300][${CURVE_SLIDER}]` },
    ]);
    const layers = keyOf(spec, 'layer') as LayerItem[];
    const highlight = layers.find((l) => l.name === 'highlight')!;
    expect(highlight.transform).toContainEqual({ filter: `datum.stage == ${HIGHLIGHTED_STAGE}` });
    expect(keyOf(highlight, 'mark')).toMatchObject({ type: 'line', strokeWidth: 3 });
    expect(layers.find((l) => l.name === 'highlightLabel')).toBeDefined();
    expect(encodings(spec).some((e) => Array.isArray(e.tooltip))).toBe(true);
  });

  it('an exact response, when a record carries one, is overlaid dashed: rows say frozen or exact', () => {
    const records = responseRecords(THREE, [1], omega);
    const frozen = records.stages[0].response!;
    const exact = { ...frozen, magnitudeDb: frozen.magnitudeDb.map((x) => x - 1) };
    const spec = magnitudeSpec({ ...records, stages: [{ ...records.stages[0], responseExact: exact }] }, options);
    const line = encodings(spec).find((e) => e.color)!;
    expect(line.strokeDash).toMatchObject({ field: 'response', scale: { domain: ['frozen', 'exact'], range: [[1, 0], [6, 3]] } });
    const rows = rowsOf(spec, 'curves');
    expect(rows.filter((r) => r.response === 'frozen')).toHaveLength(64);
    expect(rows.filter((r) => r.response === 'exact')).toHaveLength(64);
    expect(near((rows[64].gainDb as number) + 1, rows[0].gainDb as number, 1e-5)).toBe(true);
    expect(spec.description).toMatch(/dashed: exact time-variant response/);
  });
});

describe('exact overlay', () => {
  it('exactAtStageEnds: the dashed curves equal a brute-force recursion H(t) = v_t + u_t·e^{−jω}·H(t − 1) at each stage end', () => {
    // Short stages, so the exact response has not settled to the frozen one.
    const schedule = scheduleOf('name: short\nsteps: 12\nstages: 4\nmomentum:\n  u: [0.5, 0.95, 0.2, 0.9]\n  v: [1, 0.5, 2, 1]\n');
    const [figure] = plotFigures([schedule], ['magnitude'], { ...options, stages: 'all', frequencies: 32 }, exactAtStageEnds);
    const stages = byCurve(figure.spec);
    const exactRows = rowsOf(figure.spec, 'curves').filter((r) => r.response === 'exact');
    expect(exactRows).toHaveLength(4 * 32);
    let maxGap = 0;
    for (const r of exactRows) {
      const stage = stages.get(r.curve as number)!;
      const w = r.frequency as number;
      let re = 0;
      let im = 0;
      for (let t = 1; t <= (stage.endStep as number); t++) {
        const k = t <= 3 ? 0 : t <= 6 ? 1 : t <= 9 ? 2 : 3;
        const u = schedule.stages.u[k];
        const v = schedule.stages.v[k];
        if (t === 1 && schedule.firstStepCopy) [re, im] = [1, 0];
        else [re, im] = [v + u * (Math.cos(w) * re + Math.sin(w) * im), u * (Math.cos(w) * im - Math.sin(w) * re)];
      }
      const want = 10 * Math.log10(re * re + im * im);
      const frozen = gainDbClosedForm(stage.u as number, stage.v as number, w);
      maxGap = Math.max(maxGap, Math.abs(want - frozen));
      // ω is rounded to 6 digits in the rows: 1e-4 dB covers the slope of the gain over that rounding
      expect(near(r.gainDb as number, want, 1e-4), `stage ${stage.stage} ω=${w} got=${r.gainDb} want=${want}`).toBe(true);
    }
    expect(maxGap).toBeGreaterThan(1); // the overlay shows something the frozen curve does not
  });
});

describe('response map', () => {
  it('rect cells: step on x at real spans, log ω on y, diverging colour centred on 0 dB with a symmetric domain', () => {
    const spec = mapSpec(THREE, { ...options, mapRows: 16 });
    expect(marks(spec)).toEqual(['rect']);
    const e = encodings(spec)[0];
    // steps count from 1: step s spans [s, s + 1), so the axis runs from step 1 to 101
    expect(e.x).toMatchObject({ field: 'firstStep', type: 'quantitative', title: 'Training step', scale: { domain: [1, 101], nice: false } });
    expect(e.x2).toEqual({ field: 'stepEnd' });
    expect(e.y).toMatchObject({ field: 'f0', title: 'Frequency ω (rad/sample)', scale: { type: 'log' } });
    expect(e.y2).toEqual({ field: 'f1' });
    const color = e.color as { field: string; title: string; scale: { domain: number[]; domainMid: number; scheme: string } };
    expect(color).toMatchObject({ field: 'gainDb', title: 'Gain (dB)', scale: { domainMid: 0, scheme: 'redblue' } });
    expect(color.scale.domain[0]).toBe(-color.scale.domain[1]);
    // every stage is one column spanning exactly its steps; spans tile steps 1…Σ
    const bins = rowsOf(spec, 'mapBins');
    const t = THREE.stages;
    expect(bins.map((b) => [b.firstStep, b.lastStep])).toEqual([0, 1, 2].map((i) => [t.startStep[i], t.endStep[i]]));
    expect(bins[0].firstStep).toBe(1);
    expect(bins[2].lastStep).toBe(100);
    for (let i = 1; i < 3; i++) expect(bins[i].firstStep).toBe((bins[i - 1].lastStep as number) + 1);
  });

  it('cell gains equal the closed form at each row frequency; rows tile the log axis without gaps', () => {
    const spec = mapSpec(THREE, { ...options, mapRows: 16, omegaMin: 1e-3 });
    const rows = rowsOf(spec, 'mapRows');
    expect(rows).toHaveLength(16);
    for (let j = 1; j < rows.length; j++) expect(rows[j].f0).toBe(rows[j - 1].f1);
    expect(rows[0].f0).toBe(0.001);
    expect(rows[15].f1).toBe(3.14159);
    let maxAbs = 0;
    for (const b of rowsOf(spec, 'mapBins')) {
      const gains = b.gainDb as number[];
      gains.forEach((g, j) => {
        const want = gainDbClosedForm(b.u as number, b.v as number, rows[j].frequency as number);
        maxAbs = Math.max(maxAbs, Math.abs(want));
        expect(near(g, want, 2e-5), `stage ${b.firstStage} ω=${rows[j].frequency} got=${g} want=${want}`).toBe(true);
      });
    }
    const domain = ((encodings(spec)[0].color as { scale: { domain: number[] } }).scale.domain);
    expect(domain[1]).toBe(2 * Math.ceil(maxAbs / 2));
  });

  it('a 10⁶-step per-step schedule is merged into at most mapBins columns that keep their real spans', () => {
    const perStep = scheduleOf('name: per-step\nsteps: 1000000\nstageLength: 1\nmomentum:\n  u: "t / (t + 1000)"\n  v: "1 - u"\n');
    expect(perStep.stages.count).toBe(1_000_000);
    const spec = mapSpec(perStep, { ...options, mapBins: 200, mapRows: 40 });
    const bins = rowsOf(spec, 'mapBins');
    expect(bins.length).toBeLessThanOrEqual(200);
    expect(bins[0].firstStep).toBe(1);
    expect(bins[bins.length - 1].lastStep).toBe(1_000_000);
    for (let i = 1; i < bins.length; i++) expect(bins[i].firstStep).toBe((bins[i - 1].lastStep as number) + 1);
    // each column reports the lowest and highest gain over the stages it merges, which contain
    // the closed-form gain of its first and last stage (u_t = t/(t + 1000), v = 1 − u)
    const freq = rowsOf(spec, 'mapRows').map((r) => r.frequency as number);
    for (const b of [bins[0], bins[57], bins[bins.length - 1]]) {
      for (const stage of [b.firstStage as number, b.lastStage as number]) {
        const u = (stage + 1) / (stage + 1 + 1000);
        freq.forEach((w, j) => {
          const g = gainDbClosedForm(u, 1 - u, w);
          expect(g, `stage ${stage} ω=${w}`).toBeGreaterThanOrEqual((b.gainDbMin as number[])[j] - 1e-4);
          expect(g, `stage ${stage} ω=${w}`).toBeLessThanOrEqual((b.gainDbMax as number[])[j] + 1e-4);
        });
      }
    }
    expect(spec.description).toMatch(/1000000 stages are merged into \d+ columns/);
  });
});

describe('coefficients, metrics, compare', () => {
  it('coefficientsSpec: u and v as step-after lines from each stage\'s first step (steps count from 1), values of the stages', () => {
    const spec = coefficientsSpec(coefficientRecords(THREE, options), options);
    expect(marks(spec)).toEqual(['line']);
    const rows = rowsOf(spec, 'coefficients');
    expect(rows.filter((r) => r.coefficient === 'u').map((r) => r.value)).toEqual([0.2, 0.9, -0.5, -0.5]);
    expect(rows.filter((r) => r.coefficient === 'v').map((r) => r.value)).toEqual([1, 0.1, 2, 2]);
    const t = THREE.stages;
    expect(rows.filter((r) => r.coefficient === 'u').map((r) => r.step)).toEqual([1, t.startStep[1], t.startStep[2], 101]);
    const e = encodings(spec)[0];
    expect(e.x).toMatchObject({ field: 'step', title: 'Training step' });
    expect(e.y).toMatchObject({ title: 'Coefficient value (dimensionless)' });
  });

  it('coefficientsSpec of a filter bank: u_i, v_i, c_i of every branch, as the preset defines them (AggMo: u = β_i, v = 1, c = 1/K), equal lines as one entry', () => {
    const aggmo = scheduleOf('name: aggmo\nsteps: 1000\nmomentum: { preset: aggmo, betas: [0, 0.9, 0.99] }\n');
    const spec = coefficientsSpec(coefficientRecords(aggmo, options), options);
    const rows = rowsOf(spec, 'coefficients');
    const valueOf = (name: string): number[] => rows.filter((r) => r.coefficient === name).map((r) => r.value as number);
    expect([...new Set(rows.map((r) => r.coefficient))]).toEqual(['u₁', 'v₁ = v₂ = v₃', 'c₁ = c₂ = c₃', 'u₂', 'u₃']);
    [0, 0.9, 0.99].forEach((beta, i) => expect(valueOf(`u${'₁₂₃'[i]}`)).toEqual([beta, beta]));
    expect(valueOf('v₁ = v₂ = v₃')).toEqual([1, 1]);
    expect(valueOf('c₁ = c₂ = c₃')[0]).toBeCloseTo(1 / 3, 5);
    expect(spec.description).toContain('u₁, v₁ = v₂ = v₃, c₁ = c₂ = c₃, u₂, u₃');
  });

  it('coefficientsSpec of a rational filter: b_k and a_k (a₀ = 1) per stage, normalised as the config\'s a₀ divides them', () => {
    const rational = scheduleOf('name: r\nsteps: 100\nstages: 2\nmomentum: { preset: rational, b: [[0.1], [0.05, 0.01, -0.05]], a: [[1, -0.9], [2, -3.2, 1.62]] }\n');
    const rows = rowsOf(coefficientsSpec(coefficientRecords(rational, options), options), 'coefficients');
    const valueOf = (name: string): number[] => rows.filter((r) => r.coefficient === name).map((r) => r.value as number);
    expect([...new Set(rows.map((r) => r.coefficient))]).toEqual(['b₀', 'b₁', 'b₂', 'a₁', 'a₂']);
    // stage 0: b = [0.1], a = [1, −0.9]; stage 1: b = [0.05, 0.01, −0.05]/2, a = [1, −1.6, 0.81]; last row repeats stage 1
    expect(valueOf('b₀')).toEqual([0.1, 0.025, 0.025]);
    expect(valueOf('b₁')).toEqual([0, 0.005, 0.005]);
    expect(valueOf('b₂')).toEqual([0, -0.025, -0.025]);
    expect(valueOf('a₁')).toEqual([-0.9, -1.6, -1.6]);
    expect(valueOf('a₂')).toEqual([0, 0.81, 0.81]);
  });

  it('binValues: step-weighted mean, min and max of any per-stage quantity over the bins', () => {
    const perStep = scheduleOf('name: p\nsteps: 1000\nstageLength: 1\nmomentum: { u: "t / (t + 10)", v: 1 }\n');
    const bins = stepBins(perStep.stages, 10);
    const values = Float64Array.from({ length: 1000 }, (_, i) => i * i);
    const { mean, min, max } = binValues(perStep.stages, bins, values);
    for (let b = 0; b < bins.count; b++) {
      const stages = Array.from({ length: bins.lastStage[b] - bins.firstStage[b] + 1 }, (_, j) => bins.firstStage[b] + j);
      expect(mean[b]).toBeCloseTo(stages.reduce((a, i) => a + i * i, 0) / stages.length, 6);
      expect([min[b], max[b]]).toEqual([stages[0] ** 2, stages[stages.length - 1] ** 2]);
    }
  });

  it('metricsSpec: DC gain |v|/(1 − u) dB, noise gain v²/(1 − u²) dB and DC group delay u/(1 − u) per stage', () => {
    const spec = metricsSpec(metricsRecords(THREE, options), options);
    const rows = rowsOf(spec, 'metrics');
    expect((keyOf(spec, 'vconcat') as unknown[]).length).toBe(4);
    for (const r of rows) {
      const u = r.u as number;
      const v = r.v as number;
      expect(near(r.dcGainDb as number, 20 * Math.log10(Math.abs(v) / (1 - u)), 1e-5), `u=${u}`).toBe(true);
      expect(near(r.noiseGainDb as number, 10 * Math.log10((v * v) / (1 - u * u)), 1e-5), `u=${u}`).toBe(true);
      expect(near(r.groupDelayDc as number, u / (1 - u), 1e-5), `u=${u}`).toBe(true);
    }
    const titles = encodings(spec).map((e) => (e.y as { title: string[] }).title.join(' '));
    expect(titles).toEqual(['DC gain (dB)', 'Cutoff −3 dB (rad/sample)', 'Noise gain Σh² (dB)', 'Group delay at DC (steps)']);
  });

  it('compareSpec overlays schedules (colour = schedule, dash = position) or facets them', () => {
    const schedules = schedulesOf(
      'schedules:\n  - { name: ema, steps: 1000, momentum: { preset: ema-sgdm, beta: 0.9 } }\n  - { name: fsgdm, steps: 1000, stages: 10, momentum: { preset: fsgdm, c: 0.033, v: 1 } }\n',
    );
    const sources = compareSources(schedules, [0, 0.5, 1], omega);
    // a one-stage schedule is drawn once, for all steps; the other at each position
    expect(sources.map((s) => [s.schedule, s.position, s.records.stages[0].index])).toEqual([
      ['ema', 'all steps', 0],
      ['fsgdm', '0 %', 0],
      ['fsgdm', '50 %', 5],
      ['fsgdm', '100 %', 10],
    ]);
    const overlay = compareSpec(sources, options);
    const e = encodings(overlay).find((x) => x.color)!;
    expect(e.color).toMatchObject({ field: 'schedule', scale: { domain: ['ema', 'fsgdm'] } });
    expect(e.strokeDash).toMatchObject({ field: 'position', scale: { domain: ['0 %', '50 %', '100 %', 'all steps'], range: [[1, 0], [8, 3], [3, 3], [12, 3, 3, 3]] } });
    expect((overlay.title as { text: string }).text).toBe('Compare: ema vs fsgdm');
    expect([(overlay.title as { subtitle: string | string[] }).subtitle].flat().join(' ')).toBe("Magnitude |H(ω)| of each schedule's stage at 0 %, 50 %, 100 % of training; one-stage schedules at all steps");
    const stages = byCurve(overlay);
    for (const r of rowsOf(overlay, 'curves')) {
      const s = stages.get(r.curve as number)!;
      expect(near(r.gainDb as number, gainDbClosedForm(s.u as number, s.v as number, r.frequency as number), 2e-5)).toBe(true);
    }
    const facet = compareSpec(sources, { ...options, compareLayout: 'facet' });
    expect(keyOf(facet, 'facet')).toMatchObject({ field: 'schedule' });
    expect(encodings(facet).find((x) => x.color)!.color).toMatchObject({ field: 'position' });
  });

  it('compare --exact: each drawn stage also carries its exact response, equal to the brute-force impulse-response sum', () => {
    // Short stages so that the exact response differs from the frozen one: u = 0.5 for 3 steps, then 0.8
    // for 3 steps (v = 1). At step 6 the buffer holds Σ_n h_n g_{6−n} with h_n = u_6·u_5 ⋯ u_{7−n}.
    const schedules = schedulesOf('schedules:\n  - { name: short, steps: 6, stages: 2, momentum: { u: [0.5, 0.8], v: 1 } }\n');
    const w = Float64Array.from([0.01, 0.3, 1, 2.5, Math.PI]);
    const sources = compareSources(schedules, [0, 1], w, exactAtStageEnds);
    expect(sources.map((s) => [s.position, s.records.stages[0].index, s.records.stages[0].responseExact !== undefined])).toEqual([
      ['0 %', 0, true],
      ['100 %', 1, true],
    ]);
    const h = [1, 0.8, 0.8 ** 2, 0.8 ** 3, 0.8 ** 3 * 0.5, 0.8 ** 3 * 0.5 ** 2];
    const exactAtEnd = sources[1].records.stages[0].responseExact!;
    w.forEach((omega, j) => {
      const re = h.reduce((a, hn, n) => a + hn * Math.cos(omega * n), 0);
      const im = h.reduce((a, hn, n) => a - hn * Math.sin(omega * n), 0);
      expect(exactAtEnd.magnitudeDb[j]).toBeCloseTo(10 * Math.log10(re * re + im * im), 10);
    });
    const overlay = compareSpec(sources, options);
    const e = encodings(overlay).find((x) => x.color)!;
    expect(e.strokeWidth).toMatchObject({ field: 'response', scale: { domain: ['frozen', 'exact'] } });
    expect(e.opacity).toMatchObject({ field: 'response', scale: { domain: ['frozen', 'exact'] } });
    expect(overlay.description).toMatch(/exact time-variant response .* overlaid \(wide translucent lines\)/);
    const rows = rowsOf(overlay, 'curves').filter((r) => r.response === 'exact' && r.curve === 1);
    expect(rows.map((r) => r.gainDb)).toEqual(Array.from(exactAtEnd.magnitudeDb, (g) => Number(g.toPrecision(6))));
    const facet = compareSpec(sources, { ...options, compareLayout: 'facet' });
    expect(encodings(facet).find((x) => x.color)!.strokeDash).toMatchObject({ field: 'response', scale: { range: [[1, 0], [6, 3]] } });
  });
});

describe('plotFigures', () => {
  it('every kind, named <schedule>-<kind>, compare last (named after its one schedule); the same input gives equal specs', () => {
    const figures = plotFigures([FSGDM], PLOT_KINDS, options);
    expect(figures.map((f) => f.id)).toEqual([
      'fsgdm-magnitude',
      'fsgdm-phase',
      'fsgdm-group-delay',
      'fsgdm-bode',
      'fsgdm-response-map',
      'fsgdm-coefficients',
      'fsgdm-metrics',
      'fsgdm-compare',
    ]);
    expect(JSON.stringify(plotFigures([FSGDM], PLOT_KINDS, options))).toBe(JSON.stringify(figures));
    for (const f of figures) {
      expect(f.spec.description, f.id).toEqual(expect.any(String));
      expect((f.spec.title as { text: string }).text, f.id).toMatch(/\S/);
    }
  });

  it('--stages picks the curves; a bad selection is an OptionError', () => {
    const [fig] = plotFigures([FSGDM], ['magnitude'], { ...options, stages: 'first,last' });
    expect(rowsOf(fig.spec, 'curveStages').map((r) => r.stage)).toEqual([0, 300]);
    expect(() => plotFigures([FSGDM], ['magnitude'], { ...options, stages: '999' })).toThrow(OptionError);
  });
});
