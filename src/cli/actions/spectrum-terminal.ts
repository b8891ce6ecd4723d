import { fitNumber } from '../../util/table-number.js';
import { Chalk } from 'chalk';
import type { StageEnergy } from '../../spectral/energy-split.js';
import type { TextSink } from '../../io/sink.js';
import { stagesCell, stepRange } from '../table-writer.js';
import { fill, fitTable, headerLines, legendLines, movement, RowSampler, rowLine, type RowAt, sameLine, type TermColumn } from '../terminal-table.js';
import type { SpectrogramResult } from '../../spectral/spectrogram.js';
import type { WelchResult } from '../../spectral/welch.js';

// The action's SeriesSpectrum and SeriesSpectrogram, by shape (importing them would close an import cycle).
type SeriesSpectrum = { name: string; welch: WelchResult; stages?: StageEnergy[] };
type SeriesSpectrogram = { name: string; result: SpectrogramResult };

/** The terminal a spectrum table is printed on, and what its numbers are in. */
export interface SpectrumTerminal {
  columns: number;
  /** --all: every row. */
  all: boolean;
  color: boolean;
  /** Units: frequencies (`cycles/step` for fs = 1) and power (`u²/fs` for scaling density), and what the power is. */
  frequencyUnit: string;
  powerUnit: string;
  powerLegend: string;
}

const shortUnit = (unit: string) => (unit === 'cycles/step' ? 'cyc/step' : unit);

/** Table, rows sampled, the "… n of m shown" line, the legend: the terminal half of every spectrum table. */
async function writeTable<R>(
  sink: TextSink, t: SpectrumTerminal, columns: TermColumn<R>[], rows: readonly R[],
  changed: (row: R, previous: R | undefined) => boolean, what: { rows: string; kept: string }, extra: string[] = [],
  at?: { span: readonly [number, number]; of: (row: R, previous: R | undefined) => Omit<RowAt, 'changed'> },
): Promise<void> {
  const c = new Chalk({ level: t.color ? 1 : 0 });
  const width = Math.max(20, t.columns);
  const sampler = new RowSampler<R>(t.all ? 0 : rows.length, at?.span);
  for (const [i, r] of rows.entries()) sampler.keep(i, { changed: changed(r, rows[i - 1]), ...at?.of(r, rows[i - 1]) }, r);
  const shown = t.all ? rows : sampler.rows();
  const layout = fitTable(columns, shown, width);
  const out = [...headerLines(layout, c.bold, c.dim), ...shown.map((r) => rowLine(layout, r)), ...sameLine(layout, width).map((l) => c.dim(l))];
  if (sampler.omitted > 0) out.push(...fill(`… ${rows.length - sampler.omitted} of ${rows.length} ${what.rows} shown (first, last, evenly spaced, and ${what.kept}); --all shows every row`, width).map((l) => c.dim(l)));
  out.push(...legendLines(layout, width, extra).map((l) => c.dim(l)));
  await sink.write(`${out.join('\n')}\n`);
}

/** The index of the largest finite value (the peak of a spectrum), or -1. */
function peakIndex(x: ArrayLike<number>): number {
  let best = -1;
  for (let k = 0; k < x.length; k++) if (Number.isFinite(x[k]) && (best < 0 || x[k] > x[best])) best = k;
  return best;
}

/**
 * Welch PSDs on a terminal: per group of series with the same frequencies, each series' peak in
 * words, then frequency and one column per series (dropped from the right to fit the width), the
 * rows sampled (every series' peak kept), a legend.
 */
export async function writePsdTerminal(sink: TextSink, groups: SeriesSpectrum[][], t: SpectrumTerminal): Promise<void> {
  const width = Math.max(20, t.columns);
  for (const [i, group] of groups.entries()) {
    if (i > 0) await sink.write('\n');
    const f = group[0].welch.frequencies;
    const peaks = group.map((s) => peakIndex(s.welch.psd));
    const words = group.map((s, j) => (peaks[j] < 0 ? `${s.name}: no finite value` : `${s.name} peaks at f = ${fitNumber(f[peaks[j]], 10)} ${t.frequencyUnit} (${fitNumber(s.welch.psd[peaks[j]], 10)} ${t.powerUnit})`));
    await sink.write(`${fill(`${words.join('; ')}.`, width).join('\n')}\n`);
    const columns: TermColumn<number>[] = [
      { title: 'f', unit: shortUnit(t.frequencyUnit), legend: `Welch bin centre, ${t.frequencyUnit}`, width: 9, priority: 100, cell: (k, w) => fitNumber(f[k], w) },
      ...group.map((s, j): TermColumn<number> => ({
        title: s.name.length > 12 ? `${s.name.slice(0, 11)}…` : s.name, unit: t.powerUnit, width: 10, narrow: 8, priority: 90 - j,
        cell: (k, w) => fitNumber(s.welch.psd[k], w),
      })),
    ];
    const rows = Array.from(f, (_, k) => k);
    await writeTable(sink, t, columns, rows, (k) => peaks.includes(k), { rows: 'frequencies', kept: 'each series\' peak' },
      [`one column per series: its ${t.powerLegend}`]);
  }
}

/**
 * The energy split per stage on a terminal: shares of g and of m below and above the split,
 * the power ratio painted by what it means (yellow: momentum amplifies, cyan: attenuates), rows
 * sampled (every change between amplifying and attenuating kept), a legend.
 */
export async function writeEnergyTerminal(sink: TextSink, series: SeriesSpectrum, t: SpectrumTerminal, meta: { schedule: string; split: string; shown?: string; notes?: string[] }): Promise<void> {
  const c = new Chalk({ level: t.color ? 1 : 0 });
  const width = Math.max(20, t.columns);
  const pct = (x: number | null) => (x === null ? '–' : (100 * x).toFixed(1));
  const ratio = (st: StageEnergy) => (st.before.meanSquare > 0 ? st.after.meanSquare / st.before.meanSquare : null);
  const at = `f = ${meta.split} ${t.frequencyUnit}`;
  const display = series.stages!.some((st) => 'display' in st);
  const columns: TermColumn<StageEnergy>[] = [
    display ? { title: 'stages', left: true, width: 11, narrow: 9, priority: 100, cell: stagesCell } : { title: 'stage', width: 5, priority: 100, cell: (st) => String(st.index) },
    { title: 'steps', left: true, width: 13, narrow: 11, priority: 95, cell: (st) => stepRange(st.startStep, st.startStep + st.samples - 1) },
    { title: 'u', width: 9, narrow: 7, priority: 60, cell: (st, w) => fitNumber(st.u, w, 6) },
    { title: 'v', width: 8, narrow: 7, priority: 50, cell: (st, w) => fitNumber(st.v, w, 6) },
    { title: 'low g', unit: '%', legend: `share of the stage's energy below ${at} in the gradient g (low m: in the momentum buffer m)`, width: 6, priority: 90, cell: (st) => pct(st.before.below) },
    { title: 'low m', unit: '%', width: 6, priority: 89, cell: (st) => pct(st.after.below) },
    { title: 'high g', unit: '%', legend: 'the same above it (high m: in m)', width: 6, priority: 70, cell: (st) => pct(st.before.above) },
    { title: 'high m', unit: '%', width: 6, priority: 69, cell: (st) => pct(st.after.above) },
    {
      title: 'power', unit: '× g', legend: 'mean square of m over that of g in the stage (> 1: momentum amplifies)', width: 8, priority: 80,
      cell: (st, w) => fitNumber(ratio(st), w),
      paint: (st, text) => { const r = ratio(st); return r === null ? text : r > 1 + 1e-12 ? c.yellow(text) : r < 1 - 1e-12 ? c.cyan(text) : text; },
    },
  ];
  await sink.write(`${fill(`${series.name} through ${meta.schedule}: share of energy below / above ${at}, in the gradient g and in the momentum buffer m${meta.shown ?? ''}`, width).join('\n')}\n`);
  const amplifies = (st: StageEnergy) => (ratio(st) ?? 1) > 1;
  const stages = series.stages!;
  const lastStep = (st: StageEnergy) => st.startStep + st.samples - 1;
  await writeTable(sink, t, columns, stages, (st, prev) => prev !== undefined && amplifies(st) !== amplifies(prev),
    { rows: 'stages', kept: 'where u or v change most, and where momentum turns from attenuating to amplifying or back' },
    [...(t.color ? ['yellow power: momentum amplifies the stage, cyan: attenuates'] : []), ...(meta.notes ?? [])],
    stages.length === 0 ? undefined : {
      span: [stages[0].startStep, lastStep(stages.at(-1)!)],
      of: (st, prev) => ({ moved: movement([st.u, st.v], prev && [prev.u, prev.v]), steps: [st.startStep, lastStep(st)] }),
    });
}

/**
 * A spectrogram on a terminal: per series and segment the strongest frequency, its power and the
 * segment's total, rows sampled per series (every change of the strongest frequency kept), a legend.
 */
export async function writeSpectrogramTerminal(sink: TextSink, grams: SeriesSpectrogram[], t: SpectrumTerminal): Promise<void> {
  interface Row { name: string; time: number; peakF: number; peak: number; sum: number }
  for (const [i, g] of grams.entries()) {
    if (i > 0) await sink.write('\n');
    const { frequencies, times, values } = g.result;
    const nf = frequencies.length;
    const rows: Row[] = Array.from(times, (time, s) => {
      const slice = values.subarray(s * nf, (s + 1) * nf);
      const k = Math.max(0, peakIndex(slice));
      return { name: g.name, time, peakF: frequencies[k], peak: slice[k], sum: slice.reduce((a, v) => a + v, 0) };
    });
    const columns: TermColumn<Row>[] = [
      { title: 'time', unit: t.frequencyUnit === 'cycles/step' ? 'step' : '1/fs', legend: 'centre of the segment', width: 9, priority: 100, cell: (r, w) => fitNumber(r.time, w, 6) },
      { title: 'peak f', unit: shortUnit(t.frequencyUnit), legend: `the segment's strongest frequency, ${t.frequencyUnit}`, width: 9, priority: 90, cell: (r, w) => fitNumber(r.peakF, w) },
      { title: 'peak', unit: t.powerUnit, legend: `its ${t.powerLegend}`, width: 10, narrow: 8, priority: 80, cell: (r, w) => fitNumber(r.peak, w) },
      { title: 'sum', unit: t.powerUnit, legend: 'the segment\'s spectrum summed over its frequencies', width: 10, narrow: 8, priority: 70, cell: (r, w) => fitNumber(r.sum, w) },
    ];
    await sink.write(`${fill(`${g.name}: short-time spectra, ${times.length} segments of ${nf} frequencies`, Math.max(20, t.columns)).join('\n')}\n`);
    await writeTable(sink, t, columns, rows, (r, prev) => prev !== undefined && r.peakF !== prev.peakF, { rows: 'segments', kept: 'where the strongest frequency changes' });
  }
}
