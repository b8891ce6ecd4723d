import { jsonDocument, jsonText } from '../../util/json-document.js';
import { tableNumber } from '../../util/table-number.js';
import { jsonArray } from '../../util/json-value.js';
import { rowWriter } from '../../io/row-writer.js';
import { tableLine } from '../../io/table-line.js';
import { displayStagesWidth, stagesCell } from '../table-writer.js';
import type { TextSink } from '../../io/sink.js';
import type { Schedule } from '../../types.js';
import { resolvesSplit, type DisplayStageCount } from '../../spectral/display-stage-count.js';
import type { StageEnergy } from '../../spectral/energy-split.js';
import { MIN_STAGE_SAMPLES } from '../../spectral/stage-agreement.js';
import type { SeriesSpectrogram, SeriesSpectrum } from './spectrum-action.js';
import { writeEnergyTerminal, writePsdTerminal, writeSpectrogramTerminal, type SpectrumTerminal } from './spectrum-terminal.js';

type Format = string;
type Cell = string | number | boolean | null;

/** Tidy rows: CSV with a header line, or one NDJSON object per row. */
async function writeRows(sink: TextSink, format: 'csv' | 'ndjson', columns: readonly string[], rows: Iterable<Cell[]>): Promise<void> {
  const writer = rowWriter(sink, format, columns);
  await writer.begin();
  for (const row of rows) await writer.row(row);
}

const num = (x: number | null, digits = 4): string => tableNumber(x, digits, 1e-3);

const pct = (x: number | null) => (x === null ? '–' : `${(100 * x).toFixed(1)}%`);

async function writeTable(sink: TextSink, header: string[], rows: Iterable<string[]>, widths: number[]): Promise<void> {
  await sink.write(`${tableLine(header, widths)}\n`);
  for (const r of rows) await sink.write(`${tableLine(r, widths)}\n`);
}

/**
 * Welch PSD: JSON { schemaVersion, tool, "series": [ { name, frequencies, psd } ] }; rows series,frequency,psd; a wide table
 * (on a `terminal`: fitted, summarised, with a legend).
 */
export async function writePsdReport(sink: TextSink, spectra: SeriesSpectrum[], format: Format, terminal?: SpectrumTerminal): Promise<void> {
  if (format === 'json') {
    const doc = jsonDocument(sink);
    await doc.header();
    await doc.array('series');
    for (const s of spectra) {
      await doc.record(jsonText(`{"name": ${JSON.stringify(s.name)}, "frequencies": ${jsonArray(s.welch.frequencies)}, "psd": ${jsonArray(s.welch.psd)}}`));
    }
    await doc.end();
    return;
  }
  if (format === 'csv' || format === 'ndjson') {
    await writeRows(sink, format, ['series', 'frequency', 'psd'], (function* () {
      for (const s of spectra) for (let k = 0; k < s.welch.psd.length; k++) yield [s.name, s.welch.frequencies[k], s.welch.psd[k]];
    })());
    return;
  }
  // One table per set of series with the same frequencies: series of one file may differ in
  // length (empty cells skipped, JSON arrays of different lengths), hence in frequencies.
  const groups: SeriesSpectrum[][] = [];
  for (const s of spectra) {
    const same = groups.find((g) => sameValues(g[0].welch.frequencies, s.welch.frequencies));
    if (same) same.push(s);
    else groups.push([s]);
  }
  if (terminal !== undefined) return writePsdTerminal(sink, groups, terminal);
  for (const [i, group] of groups.entries()) {
    if (i > 0) await sink.write('\n');
    const f = group[0].welch.frequencies;
    await writeTable(sink, ['frequency', ...group.map((s) => s.name)], (function* () {
      for (let k = 0; k < f.length; k++) yield [num(f[k]), ...group.map((s) => num(s.welch.psd[k]))];
    })(), [12, ...group.map((s) => Math.max(12, s.name.length))]);
  }
}

function sameValues(a: Float64Array, b: Float64Array): boolean {
  return a.length === b.length && a.every((v, i) => v === b[i]);
}

const ENERGY_COLUMNS = ['series', 'stage', 'startStep', 'endStep', 'u', 'v', 'samples', 'split',
  'beforeMeanSquare', 'beforeBelow', 'beforeAbove', 'afterMeanSquare', 'afterBelow', 'afterAbove'] as const;

/**
 * With a schedule. JSON: { schemaVersion, tool, schedule, split, fs, series: [ { name, frequencies, psd, filteredPsd,
 * stages: [ { index, startStep, endStep, u, v, samples, before, after } ] } ] } (before/after:
 * { meanSquare, below, above }); CSV/NDJSON: one row per (series, stage); table: shares per stage.
 */
export interface EnergyMeta {
  schedule: Schedule;
  split: number;
  fs: number;
  /** A per-step schedule: the count of display stages that leaves the most resolving the split (splitDisplayStageCount). */
  displayCount?: DisplayStageCount;
  /** The display stages were chosen by that count (no --display-stages). */
  displayChosen?: boolean;
}

/** "; its 11730 stages shown as 122 display stages, …" for a table of display stages, else "". */
function displayShown(stages: readonly StageEnergy[], meta: EnergyMeta, what = ''): string {
  if (!stages.some((st) => 'display' in st)) return '';
  const chosen = meta.displayChosen === true && meta.displayCount !== undefined ? ', the count that leaves the most of them resolving the split (--display-stages N sets another)' : '';
  return `; its ${meta.schedule.stages.count} stages shown as ${stages.length} display stages${what}${chosen}`;
}

/**
 * The stages too short to resolve the split (resolvesSplit), said once under the table: their low
 * share is their mean's alone; with --display-stages, the count that would leave the most that resolve it.
 */
function shortSplitNote(stages: readonly StageEnergy[], meta: EnergyMeta): string | undefined {
  const short = stages.filter((st) => !resolvesSplit(st.samples, meta.split, meta.fs)).length;
  if (short === 0) return undefined;
  const display = stages.some((st) => 'display' in st);
  const resolving = stages.filter((st) => st.samples >= MIN_STAGE_SAMPLES && resolvesSplit(st.samples, meta.split, meta.fs)).length;
  const best = meta.displayCount;
  const advice = meta.displayChosen !== true && best !== undefined && best.measurable > resolving ? `; --display-stages ${best.displayStages} leaves ${best.measurable} that resolve it` : '';
  return `${short} of ${stages.length} ${display ? 'display stages' : 'stages'} last at most fs/split = ${num(meta.fs / meta.split)} samples: none of their frequencies lies between 0 and the split, so their low share is their mean's alone${advice}`;
}

export async function writeEnergyReport(
  sink: TextSink, spectra: SeriesSpectrum[], format: Format, meta: EnergyMeta, terminal?: SpectrumTerminal,
): Promise<void> {
  if (format === 'json') {
    const doc = jsonDocument(sink);
    await doc.header();
    await doc.field('schedule', meta.schedule.name);
    await doc.field('split', meta.split);
    await doc.field('fs', meta.fs);
    await doc.array('series');
    for (const s of spectra) {
      await doc.object();
      await doc.field('name', s.name);
      await doc.field('frequencies', s.welch.frequencies);
      await doc.field('psd', s.welch.psd);
      await doc.field('filteredPsd', s.filtered!.psd);
      await doc.array('stages');
      for (const st of s.stages!) await doc.record(st);
      await doc.close();
      await doc.close();
    }
    await doc.end();
    return;
  }
  if (format === 'csv' || format === 'ndjson') {
    await writeRows(sink, format, ENERGY_COLUMNS, (function* () {
      for (const s of spectra) {
        for (const st of s.stages!) {
          yield [s.name, st.index, st.startStep, st.endStep, st.u, st.v, st.samples, meta.split,
            st.before.meanSquare, st.before.below, st.before.above, st.after.meanSquare, st.after.below, st.after.above];
        }
      }
    })());
    return;
  }
  if (terminal !== undefined) {
    for (const [i, s] of spectra.entries()) {
      if (i > 0) await sink.write('\n');
      const note = shortSplitNote(s.stages!, meta);
      await writeEnergyTerminal(sink, s, terminal, { schedule: meta.schedule.name, split: num(meta.split), shown: displayShown(s.stages!, meta), notes: note === undefined ? [] : [note] });
    }
    return;
  }
  for (const s of spectra) {
    // Display stages: the first column names the real stages each row groups, as analyze's table does.
    const display = s.stages!.some((st) => 'display' in st);
    const shown = displayShown(s.stages!, meta, ' (u, v at each one\'s last step)');
    await sink.write(`${s.name} through ${meta.schedule.name}: share of energy below / above f = ${num(meta.split)} (units of fs), before → after momentum${shown}\n`);
    await writeTable(sink, [display ? 'stages' : 'stage', 'steps', 'u', 'v', 'below', '→ after', 'above', '→ after', 'power ×'], (function* () {
      for (const st of s.stages!) {
        const gain = st.before.meanSquare > 0 ? st.after.meanSquare / st.before.meanSquare : null;
        yield [stagesCell(st), `${st.startStep}–${st.startStep + st.samples - 1}`, num(st.u, 6), num(st.v, 6),
          pct(st.before.below), `→ ${pct(st.after.below)}`, pct(st.before.above), `→ ${pct(st.after.above)}`, num(gain)];
      }
    })(), [display ? displayStagesWidth(meta.schedule.stages.count) : 6, 15, 10, 8, 7, 8, 7, 8, 8]);
    const note = shortSplitNote(s.stages!, meta);
    if (note !== undefined) await sink.write(`${note}\n`);
    await sink.write('\n');
  }
}

/**
 * Spectrogram. JSON: { schemaVersion, tool, "series": [ { name, frequencies, times, values: [[…per frequency…] per time] } ] };
 * rows series,time,frequency,value; table: the strongest frequency and total power per time.
 */
export async function writeSpectrogramReport(sink: TextSink, grams: SeriesSpectrogram[], format: Format, terminal?: SpectrumTerminal): Promise<void> {
  if (format === 'json') {
    const doc = jsonDocument(sink);
    await doc.header();
    await doc.array('series');
    for (const g of grams) {
      const { frequencies, times, values } = g.result;
      const nf = frequencies.length;
      await doc.object();
      await doc.field('name', g.name);
      await doc.field('frequencies', frequencies);
      await doc.field('times', times);
      await doc.array('values');
      // One record per time slice: the text of a whole spectrogram can exceed V8's longest string.
      for (let s = 0; s < times.length; s++) await doc.record(values.subarray(s * nf, (s + 1) * nf));
      await doc.close();
      await doc.close();
    }
    await doc.end();
    return;
  }
  if (format === 'csv' || format === 'ndjson') {
    await writeRows(sink, format, ['series', 'time', 'frequency', 'value'], (function* () {
      for (const g of grams) {
        const { frequencies, times, values } = g.result;
        for (let s = 0; s < times.length; s++) for (let k = 0; k < frequencies.length; k++) yield [g.name, times[s], frequencies[k], values[s * frequencies.length + k]];
      }
    })());
    return;
  }
  if (terminal !== undefined) return writeSpectrogramTerminal(sink, grams, terminal);
  await writeTable(sink, ['series', 'time', 'peak frequency', 'peak value', 'sum'], (function* () {
    for (const g of grams) {
      const { frequencies, times, values } = g.result;
      const nf = frequencies.length;
      for (let s = 0; s < times.length; s++) {
        let best = 0, sum = 0;
        for (let k = 0; k < nf; k++) {
          const v = values[s * nf + k];
          sum += v;
          if (v > values[s * nf + best]) best = k;
        }
        yield [g.name, num(times[s], 6), num(frequencies[best]), num(values[s * nf + best]), num(sum)];
      }
    }
  })(), [Math.max(6, ...grams.map((g) => g.name.length)), 10, 14, 12, 12]);
}
