import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { logGrid } from '../../src/filter/grid.js';
import { setNumber } from '../../src/explore/config-documents.js';
import { parameterControls } from '../../src/explore/parameter-controls.js';
import { exploreView, stepAt, type ExploreView } from '../../src/explore/explore-view.js';
import type { PageState } from '../../src/explore/page-state.js';
import { runCli } from '../support/run-cli.js';

const FSGDM = 'configs/fsgdm-cifar100.yaml';
const state = (text: string, more: Partial<PageState> = {}): PageState => ({ text, figure: 'magnitude', position: 1, allowUnstable: false, ...more });

describe('exploreView: what the page shows for a state', () => {
  const fsgdm = readFileSync(FSGDM, 'utf8');

  it('the last stage\'s numbers are FSGDM\'s closed form, u = Σ/(Σ + cΣ), DC gain 1 + 1/c', () => {
    const [s] = exploreView(state(fsgdm), FSGDM).summaries;
    expect(s).toMatchObject({ name: 'fsgdm-cifar100', steps: 117000, stageCount: 301, step: 117000, stage: 300 });
    expect(Number(s.final.u)).toBeCloseTo(1 / 1.033, 15);
    expect(Number(s.final.dcGain)).toBeCloseTo(1 + 1 / 0.033, 12);
    expect(Number(s.final.noiseGain)).toBeCloseTo(1 / (1 - (1 / 1.033) ** 2), 10);
  });

  it('the slider\'s position picks the stage holding that step: δ = 390 steps per stage, stage k from step 390k', () => {
    const view = exploreView(state(fsgdm, { position: 0.25 }), FSGDM);
    const s = view.summaries[0];
    expect(s.step).toBe(29250);
    expect(s.stage).toBe(Math.floor(29250 / 390));
    expect(Number(s.atStep.u)).toBeCloseTo((75 * 390) / (75 * 390 + 0.033 * 117000), 15);
    expect(stepAt(100, 0)).toBe(1);
    expect(stepAt(100, 1)).toBe(100);
  });

  it('on a per-step schedule (display stages in the table) the slider\'s stage is the real stage at its step, as analyze --stages step:S gives it, and the figure draws that stage', async () => {
    const RESNET = 'configs/resnet-cifar-onecycle.yaml';
    const YOLO = 'configs/yolo-nesterov-warmup.yaml';
    for (const [config, position, step, stage] of [
      // OneCycleLR stepped every batch: one stage per step, so stage k holds step k + 1.
      [RESNET, 1, 11730, 11729],
      [RESNET, 0.5, 5865, 5864],
      // YOLO: 5844 stages over 554 700 steps; the last holds the last step.
      [YOLO, 1, 554700, 5843],
      [YOLO, 0.5, 277350, undefined],
    ] as const) {
      const view = exploreView(state(readFileSync(config, 'utf8'), { position }), config);
      const s = view.summaries[0];
      expect(s.step).toBe(step);
      const r = await runCli(['analyze', config, '--stages', `step:${step}`, '--format', 'json', '--no-response']);
      expect(r.code, r.stderr).toBe(0);
      const record = JSON.parse(r.stdout).schedules[0].stages[0];
      expect(record.startStep <= step && step <= record.endStep).toBe(true);
      if (stage !== undefined) expect(s.stage).toBe(stage);
      expect(s.stage).toBe(record.index);
      expect(s.atStep.stage).toBe(record.index);
      expect(s.atStep.u).toBe(JSON.stringify(record.u));
      expect(s.atStep.dcGainDb).toBe(JSON.stringify(record.metrics.dcGainDb));
      expect(s.final.stage).toBe(s.stageCount - 1);
      // The magnitude figure's curves are the first, the slider's and the last real stage.
      expect(JSON.stringify(view.figures[0].spec)).toContain(`"stage":${s.stage},`);
    }
    // Independent of analyze: OneCycleLR's momentum at batch k = 5864 of phase 2 (steps 3518 … 11729), cosine 0.85 → 0.95, DC gain 1/(1 − u).
    const resnet = exploreView(state(readFileSync(RESNET, 'utf8'), { position: 0.5 }), RESNET).summaries[0];
    const u = 0.95 + ((0.85 - 0.95) / 2) * (Math.cos((Math.PI * (5864 - 3518)) / (11729 - 3518)) + 1);
    expect(Number(resnet.atStep.u)).toBeCloseTo(u, 14);
    expect(Number(resnet.atStep.dcGain)).toBeCloseTo(1 / (1 - u), 10);
    // YOLO's last stage: Nesterov at momentum 0.937 peaks at DC, +24.0 dB (the fault drew the real stage 255 at 14.3 dB).
    const yolo = exploreView(state(readFileSync(YOLO, 'utf8')), YOLO).summaries[0];
    expect(Number(yolo.atStep.dcGainDb)).toBeCloseTo(24.0, 1);
  });

  it('records JSON is, byte for byte, what analyze --format json writes for the same config', async () => {
    const view: ExploreView = exploreView(state(fsgdm), FSGDM);
    const cli = await runCli(['analyze', FSGDM, '--format', 'json']);
    expect(cli.code).toBe(0);
    expect(view.recordsJson()).toBe(cli.stdout);
    // The words the page prints are the JSON's summary.
    expect(view.summaries[0].words).toEqual(JSON.parse(cli.stdout).schedules[0].summary);
  });

  it('the overlay at the slider\'s position, then each schedule\'s chosen figure (one schedule: no overlay)', () => {
    expect(exploreView(state(fsgdm, { figure: 'phase' }), FSGDM).figures.map((f) => f.id)).toEqual(['fsgdm-cifar100-phase']);
    const text = readFileSync('configs/compare-ema-standard-fsgdm.yaml', 'utf8');
    const view = exploreView(state(text, { figure: 'metrics' }), 'compare.yaml');
    expect(view.figures.map((f) => f.id)).toEqual(['compare', 'ema-sgdm-0.9-metrics', 'standard-sgdm-0.9-metrics', 'fsgdm-metrics']);
    // EMA: (1 − β)/(1 − β) = 1; standard SGDM: 1/(1 − β) = 10.
    expect(view.summaries.map((s) => Number(s.final.dcGain))).toEqual([1, expect.closeTo(10, 12), expect.closeTo(1 + 1 / 0.033, 10)]);
  });

  it('a scheduler\'s kwarg moved on its slider analyses what analyze --set lr.pct_start=… analyses, byte for byte', async () => {
    const config = 'configs/resnet-cifar-onecycle.yaml';
    const control = parameterControls(readFileSync(config, 'utf8')).find((c) => c.key === 'lr.pct_start')!;
    const text = setNumber(readFileSync(config, 'utf8'), control.path, 0.25);
    expect(text).toContain('pct_start: 0.25');
    const cli = await runCli(['analyze', config, '--set', 'lr.pct_start=0.25', '--format', 'json']);
    expect(cli.code, cli.stderr).toBe(0);
    expect(exploreView(state(text), config).recordsJson()).toBe(cli.stdout);
    // and not what the file alone gives
    expect(exploreView(state(readFileSync(config, 'utf8')), config).recordsJson()).not.toBe(cli.stdout);
  });

  it('the exact-vs-frozen figure: per schedule, the exact response at the slider\'s step beside its stage\'s frozen one, and their gap', () => {
    const text = 'steps: 200\nmomentum: { u: 0.9, v: 0.1 }\n';
    const view = exploreView(state(text, { figure: 'exact-vs-frozen', position: 0.025 }), 'one.yaml');
    expect(view.figures.map((f) => f.id)).toEqual(['one-exact']);
    // Step 5 of a constant filter from rest: H(5, ω) = 0.1·(1 − (0.9e^{−iω})⁵)/(1 − 0.9e^{−iω}), so the gap to the frozen
    // response is |20·log10|1 − (0.9e^{−iω})⁵||, largest towards DC; on the figure's log grid (256 points from (1 − 0.9)/10).
    expect(view.summaries[0].step).toBe(5);
    const gap = Math.max(...Array.from(logGrid(256, 0.01), (w) => Math.abs(20 * Math.log10(Math.hypot(1 - 0.9 ** 5 * Math.cos(5 * w), 0.9 ** 5 * Math.sin(5 * w))))));
    expect(Number(view.summaries[0].exactGapDb)).toBeCloseTo(gap, 9);
    expect(exploreView(state(text), 'one.yaml').summaries[0].exactGapDb).toBeUndefined();
  });

  it('a bad config gives validate\'s located messages and nothing else; the page\'s words name its own box', () => {
    const view = exploreView(state(fsgdm.replace('c: 0.033', 'c: -1')), FSGDM);
    const line = fsgdm.split('\n').findIndex((l) => l.includes('c: 0.033')) + 1;
    const col = fsgdm.split('\n')[line - 1].indexOf('0.033') + 1;
    expect(view.issues).toEqual([`configs/fsgdm-cifar100.yaml:${line}:${col}: momentum.c: must be ≥ 0 (got -1)`]);
    // The same message at its place, for the YAML pane.
    expect(view.messages).toEqual([{ line, column: col, severity: 'error', message: view.issues[0] }]);
    expect(view.figures).toEqual([]);
    const unstable = exploreView(state('steps: 10\nmomentum: { u: 1.5, v: 1 }\n'), 'x.yaml');
    expect(unstable.issues.join('\n')).toContain('the "allow unstable" box');
    expect(exploreView(state('steps: 10\nmomentum: { u: 1.5, v: 1 }\n', { allowUnstable: true }), 'x.yaml').issues).toEqual([]);
  });
});
