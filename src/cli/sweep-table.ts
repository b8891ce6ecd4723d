import { Chalk } from 'chalk';
import type { TextSink } from '../io/sink.js';
import { fill, fitColumns, fitNumber, headerLines, legendLines, RowSampler, rowLine, type TableLayout, type TermColumn } from './terminal-table.js';

type Row = Record<string, string>;

/** Rows beyond the sampled points shown because something changed there. */
const MAX_CHANGES = 24;

/**
 * How the sweep's CSV columns show on a terminal: a short title, a unit, a definition and a priority
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
  dcGainDb: { title: 'DC', unit: 'dB', legend: 'gain |H| at ω = 0', priority: 85 },
  nyquistGainDb: { title: 'Nyq', unit: 'dB', legend: 'gain at ω = π (Nyquist)', priority: 80 },
  cutoffFrequency: { title: 'cutoff', unit: 'rad', legend: '−3 dB point, rad/sample', priority: 50 },
  unityGainFrequency: { title: 'unity', unit: 'rad', legend: 'where |H| crosses 1 (0 dB)', priority: 45 },
  noiseGain: { title: 'noise', unit: 'Σh²', legend: 'white-noise power gain', priority: 30 },
  groupDelayDc: { title: 'τ(0)', unit: 'steps', legend: 'group delay at DC', priority: 60 },
  timeConstant: { title: '1/e', unit: 'steps', legend: 'time constant: the impulse response decays by 1/e', priority: 40 },
};
/** In the CSV, not on a terminal: the linear gains beside their dB, the peak (DC or Nyquist for momentum), the end step (in `steps`). */
const LEFT_OUT = new Set(['dcGain', 'nyquistGain', 'peakGain', 'peakFrequency', 'amplifies', 'endStep']);

/** One CSV line's fields, as csvLine (io/csv-line.ts) writes them: RFC 4180 quotes, `""` inside. */
export function csvFieldsOf(line: string): string[] {
  const out: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (quoted && ch === '"' && line[i + 1] === '"') {
      cell += '"';
      i++;
    } else if (ch === '"') quoted = !quoted;
    else if (ch === ',' && !quoted) {
      out.push(cell);
      cell = '';
    } else cell += ch;
  }
  out.push(cell);
  return out;
}

function columnsOf(names: string[], swept: Set<string>): TermColumn<Row>[] {
  const number = (name: string) => (r: Row, w: number) => (r[name] === '' ? '–' : fitNumber(Number(r[name]), w));
  // The type beside the gains, as analyze shows it.
  const shown = names.filter((n) => !LEFT_OUT.has(n) && n !== 'filterType');
  const at = shown.indexOf('dcGainDb');
  if (names.includes('filterType')) shown.splice(at < 0 ? shown.length : at, 0, 'filterType');
  return shown
    .map((name, i): TermColumn<Row> => {
      const known = KNOWN[name];
      if (name === 'startStep') return { title: 'steps', width: 13, priority: known.priority, cell: (r) => (r.startStep === r.endStep ? r.startStep : `${r.startStep}–${r.endStep}`) };
      if (name === 'filterType') return { title: 'type', width: 9, priority: known.priority, left: true, cell: (r) => r.filterType };
      if (name === 'point' || name === 'stage') return { title: name, width: 5, priority: known.priority, cell: (r) => r[name] };
      if (known !== undefined) return { width: 7, ...known, title: known.title ?? name, cell: number(name) };
      // A swept path stays with the point (it says which one); |H| at a frequency ranks with the gains.
      const magnitude = name.startsWith('magnitude@');
      return { title: magnitude ? `|H|@${name.slice('magnitude@'.length)}` : name, width: 8, priority: swept.has(name) ? 99 - i / 100 : 65, cell: number(name) };
    });
}

/**
 * The sweep's CSV rows as a terminal table (the CSV is what pipes and files get, unchanged): the rows
 * arrive as CSV text in order, are fitted to the width and, past 2·SAMPLED_ROWS points, sampled (the
 * first, last and evenly spaced points, and each row whose type or amplify/attenuate differs from the
 * point before at the same stage) with a line saying how many were shown. `points`: how many the
 * sweep has (0: every row, --all).
 */
export class SweepTable {
  private pending = '';
  private decoder = new TextDecoder();
  private names: string[] | undefined;
  private layout: TableLayout<Row> | undefined;
  /** Samples points (a point's rows stay together); rows where something changed are added, up to a cap. */
  private sampler: RowSampler;
  private point = '';
  private pointKept = false;
  private rows = 0;
  private omitted = 0;
  private changes = 0;
  /** The row before, per stage: a change is from one point to the next at the same stage. */
  private previous = new Map<string, Row>();
  private readonly c: InstanceType<typeof Chalk>;

  constructor(
    private readonly sink: TextSink,
    private readonly options: { columns: number; points: number; swept: readonly string[]; color: boolean },
  ) {
    this.sampler = new RowSampler(options.points);
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
    for (const line of lines) {
      if (this.names === undefined) {
        this.names = csvFieldsOf(line);
        this.layout = fitColumns(columnsOf(this.names, new Set(this.options.swept)), this.options.columns);
        out.push(...headerLines(this.layout, this.c.bold, this.c.dim));
        continue;
      }
      const values = csvFieldsOf(line);
      const row: Row = Object.fromEntries(this.names.map((n, i) => [n, values[i] ?? '']));
      const before = this.previous.get(row.stage);
      const changed = before !== undefined && (before.filterType !== row.filterType || before.amplifies !== row.amplifies);
      this.previous.set(row.stage, row);
      if (row.point !== this.point) {
        this.point = row.point;
        this.pointKept = this.sampler.keep(Number(row.point), false);
      }
      this.rows++;
      if (this.pointKept || (changed && this.changes++ < MAX_CHANGES)) out.push(rowLine(this.layout!, row));
      else this.omitted++;
    }
    if (out.length > 0) return this.sink.write(`${out.join('\n')}\n`);
  }

  /** The line on rows left out, and the legend. */
  end(): Promise<void> | void {
    if (this.layout === undefined) return;
    const lines: string[] = [];
    if (this.omitted > 0) {
      const shown = this.rows - this.omitted;
      lines.push(...fill(`… ${shown} of ${this.rows} rows shown (the first, last and evenly spaced points, and where the type or amplify/attenuate changes); --all shows every row, --format csv the full precision`, this.options.columns));
    }
    lines.push('', ...legendLines(this.layout, this.options.columns));
    return this.sink.write(`${lines.map((l) => this.c.dim(l)).join('\n')}\n`);
  }
}
