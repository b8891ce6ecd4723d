import { fitNumber } from '../util/table-number.js';
import { Chalk } from 'chalk';
import type { ScheduleHeader } from '../analysis/analyze.js';
import { stepText } from '../analysis/schedule-summary.js';
import type { AnalysisWriter } from '../io/analysis-writer.js';
import type { TextSink } from '../io/sink.js';
import type { StageRecord } from '../types.js';
import { bankColumns, gainPaint, inUnit, stepRange, type FrequencyUnit, type TableOptions } from './table-writer.js';
import { FREQUENCY_UNITS, metricLabels } from './metric-labels.js';
import { fill, fitColumns, fitTable, headerLines, legendLines, movement, RowSampler, rowLine, sameLine, type TableLayout, type TermColumn } from './terminal-table.js';

export { metricLabels } from './metric-labels.js';

/** What the analysis table needs to know of the terminal it is printed on. */
export interface TerminalTable {
  /** Characters per line. */
  columns: number;
  /** Every row (--all), not a summary of a long table. */
  all: boolean;
  /** The number of rows each schedule's table gets, in order. */
  rows: readonly number[];
}

const frequency = (x: number | null, unit: FrequencyUnit, width: number): string => (x === null ? '–' : fitNumber(inUnit(x, unit), width));

/**
 * The analysis table's columns on a terminal, by priority (what stays on a narrow one): the stage,
 * its steps, type and gains first, the coefficients, then the delays and band edges (metricLabels).
 */
export function analysisColumns(h: Pick<ScheduleHeader, 'steps' | 'stageCount' | 'display'>, options: TableOptions, paint: (x: number | null, text: string) => string, index = 0): TermColumn<StageRecord>[] {
  const digits = String(h.steps).length;
  const m = metricLabels(FREQUENCY_UNITS[options.units]);
  const steps: TermColumn<StageRecord> = { title: 'steps', width: 2 * digits + 1, priority: 95, cell: (r) => stepRange(r.startStep, r.endStep) };
  // A display stage's coefficients are those of its last step: the units line says so under each.
  const at = h.display === undefined ? {} : { unit: 'at end' };
  const columns: TermColumn<StageRecord>[] = [
    ...(h.display === undefined
      ? [{ title: 'stage', width: Math.max(5, String(h.stageCount - 1).length), priority: 100, cell: (r: StageRecord) => String(r.index) }, steps]
      : displayColumns(h, steps)),
    { title: 'u', ...at, width: 9, narrow: 7, priority: 75, cell: (r, w) => fitNumber(r.u, w, w >= 9 ? 6 : 4) },
    { title: 'v', ...at, width: 9, narrow: 7, priority: 74, cell: (r, w) => fitNumber(r.v, w, w >= 9 ? 6 : 4) },
    { title: 'type', width: 9, priority: 90, left: true, cell: (r) => r.metrics.filterType },
    { ...m.dcGainDb, width: 7, priority: 85, cell: (r, w) => fitNumber(r.metrics.dcGainDb, w), paint: (r, t) => paint(r.metrics.dcGainDb, t) },
    { ...m.nyquistGainDb, width: 7, priority: 80, cell: (r, w) => fitNumber(r.metrics.nyquistGainDb, w), paint: (r, t) => paint(r.metrics.nyquistGainDb, t) },
    { ...m.cutoffFrequency, width: 8, priority: 50, cell: (r, w) => frequency(r.metrics.cutoffFrequency, options.units, w) },
    { ...m.unityGainFrequency, width: 8, priority: 45, cell: (r, w) => frequency(r.metrics.unityGainFrequency, options.units, w) },
    { ...m.noiseGain, width: 7, priority: 30, cell: (r, w) => fitNumber(r.metrics.noiseGain, w) },
    { ...m.groupDelayDc, width: 7, priority: 60, cell: (r, w) => fitNumber(r.metrics.groupDelayDc, w) },
    { ...m.timeConstant, width: 7, priority: 40, cell: (r, w) => fitNumber(r.metrics.timeConstant, w) },
  ];
  const bank = options.banks?.[index];
  if (bank !== undefined) {
    // Each u column says which recursion it is, so a kept column reads as one branch's, not the filter's.
    const legend = (title: string) => { const n = title.slice(1); return { legend: `branch ${n} of the filter bank, m${n} = u${n}·m${n} + v${n}·g (its weight c${n}: momentum-fr coefficients)` }; };
    const branches = bankColumns(bank).map((b): TermColumn<StageRecord> => ({ title: b.title, ...at, ...(b.uv === 'u' ? legend(b.title) : {}), width: 9, narrow: 7, priority: b.uv === 'u' ? 75 : 74, cell: (r, w) => fitNumber(b.value(r), w, w >= 9 ? 6 : 4) }));
    columns.splice(columns.findIndex((c) => c.title === 'u'), 2, ...branches);
  }
  if (options.lr) {
    columns.splice(
      columns.findIndex((c) => c.title === 'v') + 1, 0,
      { title: 'lr', ...at, legend: 'learning rate α (at the stage\'s last step)', width: 9, narrow: 7, priority: 73, cell: (r, w) => fitNumber(r.lr ?? null, w, w >= 9 ? 6 : 4) },
      { title: 'eff. lr', legend: 'effective learning rate α·|H(0)| (α/(1 − β) for standard SGDM)', width: 9, narrow: 7, priority: 70, cell: (r, w) => fitNumber(r.metrics.effectiveLearningRate ?? null, w) },
    );
  }
  if (options.transient) {
    columns.push(
      // A display stage's settling is not measured (always null): a column of "never" would say nothing.
      ...(h.display === undefined ? [{
        title: 'settle', unit: 'steps', legend: 'steps until earlier stages fade to 1 % ("never": the stage ends first)', width: 7, priority: 72,
        cell: (r: StageRecord) => (r.transient === undefined ? '–' : r.transient.settlingSteps === null ? 'never' : String(r.transient.settlingSteps)),
      }] : []),
      { title: 'Δexact', unit: 'dB', legend: 'largest gap between the exact and the frozen response at the stage end', width: 7, priority: 71, cell: (r, w) => fitNumber(r.transient?.maxDeviationDb ?? null, w) },
    );
  }
  return columns;
}

/**
 * The first columns of a table of display stages: the real stages each groups ("23–24", the indices
 * --stages takes; none when every stage is one step: the steps say it), not the display stage's own
 * index, which a reader would take for a real stage's; then its steps.
 */
function displayColumns(h: Pick<ScheduleHeader, 'steps' | 'stageCount'>, steps: TermColumn<StageRecord>): TermColumn<StageRecord>[] {
  const measured = { ...steps, legend: "a display stage's steps; its u, v, lr and metrics are those of its last step" };
  if (h.stageCount === h.steps) return [measured];
  const stages: TermColumn<StageRecord> = {
    title: 'stages',
    legend: 'the real stages a display stage groups',
    width: 2 * String(h.stageCount - 1).length + 1,
    priority: 100,
    cell: (r) => (r.display === undefined ? String(r.index) : stepRange(r.display.firstStage, r.display.lastStage)),
  };
  return [stages, measured];
}

/**
 * The analysis table on a terminal: per schedule a title, the summary in words, the table fitted to
 * the width and, for a long one, a sample of its rows (RowSampler: first, last, evenly spaced in steps,
 * where u, v or lr move most, where the type or amplify/attenuate changes) with a line saying how many were left out; a legend last.
 * The rows shown are held until the schedule ends (a sample, so few), so the columns are fitted to
 * them (fitTable: a column the same on every row is said once below them); with --all every row
 * streams out as it comes, every column kept. The summary is the header's when given, else
 * endSchedule's.
 */
export function terminalTableWriter(sink: TextSink, options: TableOptions & { terminal: TerminalTable }): AnalysisWriter {
  const c = new Chalk({ level: options.color ? 1 : 0 });
  const width = Math.max(20, options.terminal.columns);
  const paint = gainPaint(c);
  let index = -1;
  let layout: TableLayout<StageRecord> | undefined;
  let columns: TermColumn<StageRecord>[];
  let header: ScheduleHeader;
  let sampler: RowSampler<StageRecord>;
  let previous: StageRecord | undefined;
  let position = 0;
  /** The coefficients a row's movement is measured on: u, v, or a bank's branches'. */
  let coefficients: (r: StageRecord) => number[];

  const opening = (h: ScheduleHeader, sentences: string[]) => [
    ...(index > 0 ? [''] : []),
    ...title(h, width, c),
    ...fill(`${sentences.join('; ')}.`, width - 2, '  ').map((l) => (l.startsWith('  ') ? l : `  ${l}`)),
    ...headerLines(layout!, c.bold, c.dim),
  ];

  return {
    begin: () => undefined,
    schedule: (h: ScheduleHeader) => {
      index++;
      header = h;
      columns = analysisColumns(h, options, paint, index);
      coefficients = options.banks?.[index] === undefined ? (r) => [r.u, r.v] : ((cols) => (r) => cols.map((b) => b.value(r)))(bankColumns(options.banks[index]!));
      sampler = new RowSampler(options.terminal.all ? 0 : (options.terminal.rows[index] ?? h.stageCount), [1, h.steps]);
      previous = undefined;
      position = 0;
      if (!options.terminal.all) return;
      // --all: the columns are fitted before any row is seen, all of them kept.
      layout = fitColumns(columns, width);
      return sink.write(`${opening(h, h.summary ?? []).join('\n')}\n`);
    },
    stage: (r: StageRecord) => {
      const changed = previous !== undefined && (previous.metrics.filterType !== r.metrics.filterType || previous.metrics.amplifies !== r.metrics.amplifies);
      const moved = movement([...coefficients(r), r.lr], previous && [...coefficients(previous), previous.lr]);
      previous = r;
      // Rows other than --all's are held until the schedule ends (the sample is decided then).
      if (sampler.keep(position++, { changed, moved, steps: [r.startStep, r.endStep] }, r) && options.terminal.all) return sink.write(`${rowLine(layout!, r)}\n`);
    },
    endSchedule: (summary) => {
      const lines: string[] = [];
      if (!options.terminal.all) {
        // The rows are known: a column the same on every row is said once below them (fitTable).
        const held = sampler.rows();
        layout = fitTable(columns, held, width);
        lines.push(...opening(header, header.summary ?? summary ?? []), ...held.map((r) => rowLine(layout!, r)), ...sameLine(layout, width).map((l) => c.dim(l)));
      }
      if (sampler.omitted > 0) {
        const shown = position - sampler.omitted;
        lines.push(...fill(`… ${shown} of ${position} ${header.display === undefined ? 'stages' : 'display stages'} shown (first, last, evenly spaced, where u, v or lr change most, and where the type or amplify/attenuate changes); --all shows every stage`, width).map((l) => c.dim(l)));
      }
      if (lines.length > 0) return sink.write(`${lines.join('\n')}\n`);
    },
    end: () => (layout === undefined ? undefined : sink.write(`\n${legend(layout, width, c, options.color).join('\n')}\n`)),
    // With --all the rows stream out at once, below a summary that must come first; else the shown rows are held.
    summaryFirst: (covers) => !covers || options.terminal.all,
  };
}

/** The legend below a table of stages, dimmed; it names the colours when there are any. */
export function legend<R>(layout: TableLayout<R>, width: number, c: InstanceType<typeof Chalk>, color: boolean): string[] {
  return legendLines(layout, width, color ? ['yellow dB: above 0 dB (amplifies), cyan: below (attenuates)'] : []).map((l) => c.dim(l));
}

/** `name  source, steps, stages` on one line when it fits, else the name (cut to the width) above the rest. */
export function title(h: ScheduleHeader, width: number, c: InstanceType<typeof Chalk>): string[] {
  const about = `${h.source}, ${stepText(h.steps)} steps, ${stepText(h.stageCount)} stage${h.stageCount === 1 ? '' : 's'}`;
  if (h.name.length + 2 + about.length <= width) return [`${c.bold(h.name)}  ${c.dim(about)}`];
  return [c.bold(h.name.length > width ? `${h.name.slice(0, width - 1)}…` : h.name), ...fill(about, width).map((l) => c.dim(l))];
}
