import { fitNumber } from '../util/table-number.js';
import { Chalk } from 'chalk';
import { csvCells } from '../io/csv-line.js';
import type { TextSink } from '../io/sink.js';
import { stepRange } from './table-writer.js';
import { metricLabels } from './terminal-table-writer.js';
import { fill, fitColumns, fitTable, headerLines, legendLines, RowSampler, rowLine, sameLine, type TableLayout, type TermColumn } from './terminal-table.js';

/** A CSV row by column name. */
export type Row = Record<string, string>;

/** A swept path (the CSV column's name, kept in pipes and files), its short name for the header and its human name for the legend. */
export interface SweptColumn {
  path: string;
  short: string;
  title: string;
}

/** Rows beyond the sampled points shown because something changed there. */
const MAX_CHANGES = 24;

/** The metrics' titles, units and definitions, as analyze's terminal table has them; the sweep's frequencies are in rad/sample. */
const LABELS = metricLabels({ unit: 'rad', legend: 'rad/sample' });

/**
 * How the sweep's CSV columns show on a terminal: a short title, a unit, a definition (LABELS) and a priority
 * (higher stays on a narrower terminal). Columns not listed (the swept paths, |H| at --at-freqs) are
 * numbers named by their own header.
 */
const KNOWN: Record<string, Partial<TermColumn<Row>> & { priority: number }> = {
  point: { title: 'point', priority: 100 },
  stage: { title: 'stage', priority: 88 },
  startStep: { title: 'steps', priority: 87 },
  u: { title: 'u', priority: 70 },
  v: { title: 'v', priority: 69 },
  filterType: { title: 'type', priority: 86, left: true, width: 9 },
  dcGainDb: { ...LABELS.dcGainDb, priority: 85 },
  nyquistGainDb: { ...LABELS.nyquistGainDb, priority: 80 },
  cutoffFrequency: { ...LABELS.cutoffFrequency, priority: 50 },
  unityGainFrequency: { ...LABELS.unityGainFrequency, priority: 45 },
  noiseGain: { ...LABELS.noiseGain, priority: 30 },
  groupDelayDc: { ...LABELS.groupDelayDc, priority: 60 },
  timeConstant: { ...LABELS.timeConstant, priority: 40 },
  // With a learning rate (analyze's words): the stage's α and α·|H(0)|.
  lr: { title: 'lr', legend: 'learning rate α of the stage', priority: 68 },
  effectiveLearningRate: { title: 'eff. lr', legend: 'effective learning rate α·|H(0)| (α/(1 − β) for standard SGDM)', width: 9, priority: 75 },
};
/** In the CSV, not on a terminal: the linear gains beside their dB, the peak (DC or Nyquist for momentum), the end step (in `steps`). */
const LEFT_OUT = new Set(['dcGain', 'nyquistGain', 'peakGain', 'peakFrequency', 'amplifies', 'endStep']);

function sweepColumnsOf(names: string[], swept: ReadonlyMap<string, SweptColumn>): TermColumn<Row>[] {
  const number = (name: string) => (r: Row, w: number) => (r[name] === '' ? '–' : fitNumber(Number(r[name]), w));
  // The type beside the gains, as analyze shows it.
  const shown = names.filter((n) => !LEFT_OUT.has(n) && n !== 'filterType');
  const at = shown.indexOf('dcGainDb');
  if (names.includes('filterType')) shown.splice(at < 0 ? shown.length : at, 0, 'filterType');
  // A swept column is headed by its short name unless another column already has that title (custom u beside the stage's u).
  const titles = new Set(shown.map((n) => KNOWN[n]?.title ?? n));
  const movesU = [...swept.keys()].some((path) => !/^(lr|steps)(\.|$)/.test(path) || /^lr\..*momentum/.test(path));
  return shown
    .map((name, i): TermColumn<Row> => {
      const known = KNOWN[name];
      if (name === 'startStep') return { title: 'steps', width: 13, priority: known.priority, cell: (r) => stepRange(r.startStep, r.endStep) };
      if (name === 'filterType') return { title: 'type', width: 9, priority: known.priority, left: true, cell: (r) => r.filterType };
      if (name === 'point' || name === 'stage') return { title: name, width: 5, priority: known.priority, cell: (r) => r[name] };
      // A sweep that moves u (a momentum key, the stages, a scheduler's cycled momentum) keeps u over the Nyquist gain.
      if (name === 'u' && movesU) return { width: 7, ...known, title: 'u', priority: KNOWN.nyquistGainDb.priority + 1, cell: number(name) };
      if (known !== undefined) return { width: 7, ...known, title: known.title ?? name, cell: number(name) };
      // A swept path stays with the point (it says which one); |H| at a frequency ranks with the gains.
      const axis = swept.get(name);
      if (axis !== undefined) {
        const short = axis.short !== name && !titles.has(axis.short) ? axis.short : undefined;
        return { title: short ?? name, ...(short && { legend: `${name}${axis.title !== name ? ` (${axis.title})` : ''}` }), width: 8, priority: 99 - i / 100, cell: number(name) };
      }
      const magnitude = name.startsWith('magnitude@');
      return { title: magnitude ? `|H|@${name.slice('magnitude@'.length)}` : name, width: 8, priority: 65, cell: number(name) };
    });
}

/** What a CsvTable shows of a CSV, and how it samples it (the sweep's defaults otherwise). */
export interface CsvTableOptions {
  /** Characters per line. */
  columns: number;
  /** Groups of rows in the CSV (0: every row, --all); a group is the rows sharing a value of `group`. */
  groups: number;
  color: boolean;
  /** The swept paths (sweep), by their CSV column: they stay beside the point, headed by their short name (axisNames). */
  swept?: readonly SweptColumn[];
  /** The terminal columns for the CSV's header (default: the sweep's). */
  describe?: (names: string[]) => TermColumn<Row>[];
  /** The CSV column whose value changes from one group to the next (default `point`). */
  group?: string;
  /** Rows are compared with the row before of the same `scope` value (default `stage`)… */
  scope?: string;
  /** …and shown when this says something changed (default: filter type or amplifies). */
  changed?: (before: Row, row: Row) => boolean;
  /** What the rows are, for the line on those left out (default `rows`). */
  noun?: string;
}

/**
 * CSV rows as a terminal table (the CSV is what pipes and files get, unchanged): the rows arrive as
 * CSV text in order, in any chunks, are fitted to the width and, past 2·SAMPLED_ROWS groups, sampled
 * (the first, last and evenly spaced groups, and each row where `changed` says something differs from
 * the row before in its scope) with a line saying how many were shown. The sweep's rows by default:
 * groups are points, a change is the filter type or amplify/attenuate at a stage from one point to the next.
 */
export class CsvTable {
  private pending = '';
  private decoder = new TextDecoder();
  private names: string[] | undefined;
  private layout: TableLayout<Row> | undefined;
  private columns: TermColumn<Row>[] | undefined;
  /** The rows shown, held until the end so the columns fit them (fitTable); undefined with --all, whose rows stream. */
  private held: Row[] | undefined;
  private sampler: RowSampler;
  private group: string | undefined;
  private groupIndex = -1;
  private groupKept = false;
  private rows = 0;
  private omitted = 0;
  private changes = 0;
  /** The row before, per scope value. */
  private previous = new Map<string, Row>();
  private readonly c: InstanceType<typeof Chalk>;

  constructor(
    private readonly sink: TextSink,
    private readonly options: CsvTableOptions,
  ) {
    this.sampler = new RowSampler(options.groups);
    this.c = new Chalk({ level: options.color ? 1 : 0 });
  }

  /** CSV text or bytes, in any chunks. */
  write(chunk: string | Uint8Array): Promise<void> | void {
    this.pending += typeof chunk === 'string' ? chunk : this.decoder.decode(chunk, { stream: true });
    const end = this.pending.lastIndexOf('\n');
    if (end < 0) return;
    const lines = this.pending.slice(0, end).split('\n');
    this.pending = this.pending.slice(end + 1);
    const out: string[] = [];
    const { group = 'point', scope = 'stage', changed = typeOrAmplifyChanged } = this.options;
    for (const line of lines) {
      if (this.names === undefined) {
        this.names = csvCells(line);
        this.columns = this.options.describe ? this.options.describe(this.names) : sweepColumnsOf(this.names, new Map((this.options.swept ?? []).map((a) => [a.path, a])));
        if (this.options.groups > 0) {
          this.held = [];
          continue;
        }
        this.layout = fitColumns(this.columns, this.options.columns);
        out.push(...headerLines(this.layout, this.c.bold, this.c.dim));
        continue;
      }
      const values = csvCells(line);
      const row: Row = Object.fromEntries(this.names.map((n, i) => [n, values[i] ?? '']));
      const before = this.previous.get(row[scope]);
      const change = before !== undefined && changed(before, row);
      this.previous.set(row[scope], row);
      if (row[group] !== this.group || this.rows === 0) {
        this.group = row[group];
        this.groupKept = this.sampler.keep(++this.groupIndex, {});
      }
      this.rows++;
      if (this.groupKept || (change && this.changes++ < MAX_CHANGES)) {
        if (this.held !== undefined) this.held.push(row);
        else out.push(rowLine(this.layout!, row));
      } else this.omitted++;
    }
    if (out.length > 0) return this.sink.write(`${out.join('\n')}\n`);
  }

  /** Bytes, as a TextSink takes them: the table stands in for the sink it writes to. */
  writeBytes(bytes: Uint8Array): Promise<void> | void {
    return this.write(bytes);
  }

  /** The rows held (fitted to them: a column the same on every row is said once below them), the line on rows left out, and the legend. */
  end(): Promise<void> | void {
    if (this.columns === undefined) return;
    const table: string[] = [];
    if (this.held !== undefined) {
      const layout = (this.layout = fitTable(this.columns, this.held, this.options.columns));
      table.push(...headerLines(layout, this.c.bold, this.c.dim), ...this.held.map((row) => rowLine(layout, row)), ...sameLine(layout, this.options.columns).map((l) => this.c.dim(l)));
    }
    const notes: string[] = [];
    if (this.omitted > 0) {
      const shown = this.rows - this.omitted;
      const noun = this.options.noun ?? 'rows';
      notes.push(...fill(`… ${shown} of ${this.rows} ${noun} shown (first, last, evenly spaced, and where something changes); --all shows every row, --format csv the full precision`, this.options.columns));
    }
    const legend = legendLines(this.layout!, this.options.columns);
    if (legend.length > 0) notes.push('', ...legend);
    const lines = [...table, ...notes.map((l) => this.c.dim(l))];
    if (lines.length > 0) return this.sink.write(`${lines.join('\n')}\n`);
  }

}

function typeOrAmplifyChanged(before: Row, row: Row): boolean {
  return before.filterType !== row.filterType || before.amplifies !== row.amplifies;
}
