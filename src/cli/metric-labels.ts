import type { TermColumn } from './terminal-table.js';

/** A frequency unit as a table's units line shows it, and as its legend defines it. */
export const FREQUENCY_UNITS: Readonly<Record<'rad' | 'cycles' | 'period', { unit: string; legend: string }>> = {
  rad: { unit: 'rad', legend: 'rad/sample (π = Nyquist)' },
  cycles: { unit: 'cyc/step', legend: 'cycles/step (0.5 = Nyquist)' },
  period: { unit: 'steps', legend: 'period in steps (2 = Nyquist)' },
};

/**
 * The metrics' short titles, units and definitions in every table (analyze's on a terminal and on a
 * pipe, sweep's CSV on a terminal in csv-table.ts), frequencies in `f`'s unit. Symbols as in
 * docs/theory.md: τ(0) is the group delay at DC; the time constant is the 1/e decay of the impulse
 * response.
 */
export function metricLabels(f: { unit: string; legend: string }): Record<'dcGainDb' | 'nyquistGainDb' | 'cutoffFrequency' | 'unityGainFrequency' | 'noiseGain' | 'groupDelayDc' | 'timeConstant', Pick<TermColumn<unknown>, 'title' | 'unit' | 'legend'>> {
  return {
    dcGainDb: { title: 'DC', unit: 'dB', legend: 'gain |H| at ω = 0' },
    nyquistGainDb: { title: 'Nyq', unit: 'dB', legend: 'gain at ω = π (Nyquist)' },
    cutoffFrequency: { title: 'cutoff', unit: f.unit, legend: `−3 dB point, ${f.legend}` },
    unityGainFrequency: { title: 'unity', unit: f.unit, legend: 'where |H| crosses 1 (0 dB)' },
    noiseGain: { title: 'noise', unit: 'Σh²', legend: 'white-noise power gain' },
    groupDelayDc: { title: 'τ(0)', unit: 'steps', legend: 'group delay at DC' },
    timeConstant: { title: '1/e', unit: 'steps', legend: 'time constant: the impulse response decays by 1/e' },
  };
}
