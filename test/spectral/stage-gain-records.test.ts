import { describe, expect, it } from 'vitest';
import { testSignal } from '../../src/spectral/signals.js';
import { simulateSchedule } from '../../src/spectral/simulation.js';
import { stageGainRecords } from '../../src/spectral/stage-gain-records.js';
import { stageSpans } from '../../src/spectral/stage-spans.js';
import { gainDbClosedForm, scheduleOf } from '../plot/support.js';

const schedule = scheduleOf('name: t\nsteps: 8192\nstages: 2\nmomentum:\n  preset: ema-sgdm\n  beta: 0.9\n');
const input = testSignal({ kind: 'white', seed: 3 }, 8192);
const sim = simulateSchedule(schedule, input, [0, 1]);
const refs = [{ label: 'low', frequency: 0.01 }, { label: 'Nyquist', frequency: 0.5 }];

describe('stageGainRecords', () => {
  it('per stage and reference, the nearest Welch bin, with the frozen gain in closed form and the measured one within 0.5 dB', () => {
    const rows = stageGainRecords(sim, refs, 0.9, 8192);
    expect(rows.map((r) => [r.stage, r.reference, r.startStep, r.endStep])).toEqual([[0, 'low', 1, 4096], [0, 'Nyquist', 1, 4096], [1, 'low', 4097, 8192], [1, 'Nyquist', 4097, 8192]]);
    for (const r of rows) {
      // nperseg 256 over 4096 samples: bins at k/256; nearest to 0.01 is 3/256, to 0.5 is 0.5.
      expect(r.frequency).toBeCloseTo(r.reference === 'low' ? 3 / 256 : 0.5, 6);
      expect(r.theoryDb!).toBeCloseTo(gainDbClosedForm(0.9, 0.1, 2 * Math.PI * r.frequency!), 4);
      expect(Math.abs(r.measuredDb! - r.theoryDb!), `${r.stage} ${r.reference}`).toBeLessThan(0.5);
    }
  });

  it('below the coherence threshold the measured gain is null, the frozen one stays; a stage cut by the run ends where it ends', () => {
    const rows = stageGainRecords(sim, refs, 1.01, 6000);
    expect(rows.every((r) => r.measuredDb === null && r.theoryDb !== null)).toBe(true);
    expect(rows.at(-1)!.endStep).toBe(6000);
  });

  it('a stage too short for a spectrum gives no rows', () => {
    const short = simulateSchedule(schedule, input.subarray(0, 4100), [0, 1]);
    expect(stageGainRecords(short, refs, 0.9, 4100).map((r) => r.stage)).toEqual([0, 0]);
  });

  it('a display stage gives the range of the frozen gain over its real stages at the bin, lowest and highest |H_k| in closed form', () => {
    // u = 0.3 + 0.5·t/2000 per step (v = 1 − u): one display stage over steps 1–1000.
    const ramp = scheduleOf('name: r\nsteps: 2000\nmomentum: { u: "0.3 + 0.5 * t / 2000", v: "0.7 - 0.5 * t / 2000" }\n');
    const spans = stageSpans(ramp, { display: true, ends: [999, 1999] });
    const rows = stageGainRecords(simulateSchedule(ramp, testSignal({ kind: 'white', seed: 1 }, 2000), spans), refs, 0.9, 2000);
    for (const r of rows) {
      const first = r.stage === 0 ? 0 : 1000, last = r.stage === 0 ? 999 : 1999;
      const dbs = Array.from({ length: last - first + 1 }, (_, i) => gainDbClosedForm(ramp.stages.u[first + i], ramp.stages.v[first + i], 2 * Math.PI * r.frequency!));
      expect(r.theoryLowDb!).toBeCloseTo(Math.min(...dbs), 3);
      expect(r.theoryHighDb!).toBeCloseTo(Math.max(...dbs), 3);
      expect(r.theoryHighDb! - r.theoryLowDb!).toBeGreaterThan(0.01);
    }
  });
});
