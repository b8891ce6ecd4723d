import { figureOneSpec } from '../../plot/specs/figure-one.js';
import { seriesBands } from '../../spectral/series-bands.js';
import { stageGainRecords } from '../../spectral/stage-gain-records.js';
import type { SignalSpec } from '../../spectral/signals.js';
import { roundSig } from '../../util/round-sig.js';
import type { CliContext } from '../context.js';
import type { SimulationReport } from './simulate-report.js';
import { writeFigure } from '../write-figure.js';
import type { PlotFormat } from '../../plot/plot-format.js';

/** Bins of the time series: about two per pixel of a panel (SPECTRAL_WIDTH 560). */
const MAX_BINS = 1000;

/**
 * Frequencies (cycles/step) whose gain per stage the figure shows: the sine's own frequency for a
 * noisy sine (else 0.01, a slow component), and Nyquist, 0.5, where a low-pass and a high-pass
 * stage differ most.
 */
export function referenceFrequencies(signal: SignalSpec): { label: string; frequency: number }[] {
  const low = signal.kind === 'noisy-sine'
    ? { label: `f ≈ ${roundSig(signal.frequency / (2 * Math.PI), 3)} cycles/step (the sine)`, frequency: signal.frequency / (2 * Math.PI) }
    : { label: 'f ≈ 0.01 cycles/step', frequency: 0.01 };
  return [low, { label: 'f = 0.5 cycles/step (Nyquist)', frequency: 0.5 }];
}

/** The input as the figure's title names it ("Momentum on white noise"). */
const SIGNAL_NAMES: Record<SignalSpec['kind'], string> = {
  'noisy-sine': 'a noisy sinusoid', white: 'white noise', impulse: 'an impulse', step: 'a step', chirp: 'a chirp',
};

/**
 * `simulate --plot`: the Figure-1 view in `format` (svg, png, html or vl.json: the action decides): per schedule the input and the momentum buffer
 * (min/max bands when a schedule is longer than MAX_BINS steps) and each measured stage's gain at
 * the reference frequencies, measured against frozen.
 */
export async function writeSimulationPlot(ctx: CliContext, file: string, report: SimulationReport, input: Float64Array, format: PlotFormat = 'svg'): Promise<void> {
  const names = report.simulations.map((s) => s.schedule.name);
  const records = report.simulations.flatMap((sim) =>
    seriesBands([{ name: 'input', values: input.subarray(0, sim.output.length) }, { name: 'momentum', values: sim.output }], MAX_BINS)
      .map((r) => ({ ...r, schedule: sim.schedule.name })),
  );
  const references = referenceFrequencies(report.signal);
  const gains = report.simulations.flatMap((sim) =>
    stageGainRecords(sim, references, report.tolerance.coherenceThreshold, sim.output.length).map((r) => ({ ...r, schedule: sim.schedule.name })),
  );
  await writeFigure(ctx, file, { id: 'figure-one', spec: figureOneSpec(records, names, gains, SIGNAL_NAMES[report.signal.kind]) }, format);
}
