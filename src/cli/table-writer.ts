import { Chalk } from 'chalk';
import type { ScheduleHeader } from '../analysis/analyze.js';
import { cyclesPerStep, periodSteps } from '../filter/grid.js';
import type { AnalysisWriter } from '../io/analysis-writer.js';
import { tableNumber } from '../util/table-number.js';
import type { TextSink } from '../io/sink.js';
import type { BankTable, StageRecord } from '../types.js';
import { FREQUENCY_UNITS, metricLabels } from './metric-labels.js';

export type FrequencyUnit = 'rad' | 'cycles' | 'period';

export interface TableOptions {
  color: boolean;
  units: FrequencyUnit;
  /** Adds the exact-response columns (settling, deviation from the frozen response). */
  transient?: boolean;
  /** Adds the learning-rate columns (lr, effective learning rate): some schedule has `lr`. */
  lr?: boolean;
  /**
   * Per schedule, in the order the writer sees them: its filter bank, when it has several branches. Its u and v
   * columns are then the branches' (bankColumns), not the record's u, v (branch 1's alone).
   */
  banks?: readonly (BankTable | undefined)[];
}

/**
 * The coefficient columns of a filter bank, branch by branch, named as `coefficients` names them
 * (u1, v1, u2, v2, …): a bank's record holds its first branch's u, v only, which a table would show
 * as the whole filter's (AdEMAMix's fast EMA, not its slow one). A row's values are those of the real
 * stage it ends in (a display stage's: its last, as its u and v are those of its last step).
 */
export function bankColumns(bank: BankTable): { title: string; uv: 'u' | 'v'; value(r: StageRecord): number }[] {
  const b = bank.branches;
  const stageOf = (r: StageRecord) => r.display?.lastStage ?? r.index;
  return Array.from({ length: b }, (_, i) => [
    { title: `u${i + 1}`, uv: 'u' as const, value: (r: StageRecord) => bank.u[stageOf(r) * b + i] },
    { title: `v${i + 1}`, uv: 'v' as const, value: (r: StageRecord) => bank.v[stageOf(r) * b + i] },
  ]).flat();
}

const UNIT_LABEL: Record<FrequencyUnit, string> = { rad: 'rad/sample', cycles: 'cycles/step', period: 'period, steps' };

/** A stage's steps as every table shows them: `390` for one step, `1–390` for several. */
export const stepRange = (start: number | string, end: number | string): string => (start === end ? `${start}` : `${start}–${end}`);

/** +∞ (a DC gain at u = 1 with --allow-unstable) shows as ∞. */
const num = (x: number | null, digits = 4): string => tableNumber(x, digits, 1e-4, '∞');

/** A frequency ω (rad/sample) in the table's unit: cycles per step, a period in steps, or ω itself. */
export function inUnit(omegaRad: number, unit: FrequencyUnit): number {
  return unit === 'cycles' ? cyclesPerStep(omegaRad) : unit === 'period' ? periodSteps(omegaRad) : omegaRad;
}

/**
 * Colour means something: a gain above 0 dB amplifies (yellow), below attenuates (cyan). `x` is a
 * record's dB (filter/gain-tolerance's decibels: exactly 0 within the gain tolerance), so the colour
 * says what the record's `amplifies` says, with no second threshold.
 */
export function gainPaint(c: InstanceType<typeof Chalk>): (x: number | null, text: string) => string {
  return (x, text) => (x === null ? text : x > 0 ? c.yellow(text) : x < 0 ? c.cyan(text) : text);
}

const freq = (x: number | null, unit: FrequencyUnit): string => (x === null ? '–' : num(inUnit(x, unit)));

interface Column {
  title: string;
  /** On the units line below the header (the frequency columns' in the table's unit). */
  unit?: string | ((unit: FrequencyUnit) => string);
  width: number;
  cell(r: StageRecord, unit: FrequencyUnit): string;
  /** The gain the cell's colour means (amplifies above 0 dB, attenuates below). */
  gainDb?(r: StageRecord): number | null;
}

/** Titles and units of the metric columns: the terminal table's (metricLabels), so no table says "delay" for τ(0). */
const LABELS = metricLabels(FREQUENCY_UNITS.rad);
const frequencyUnit = (u: FrequencyUnit) => FREQUENCY_UNITS[u].unit;

const COLUMNS: Column[] = [
  { title: 'stage', width: 6, cell: (r) => String(r.index) },
  { title: 'steps', width: 17, cell: (r) => stepRange(r.startStep, r.endStep) },
  { title: 'u', width: 10, cell: (r) => num(r.u, 6) },
  { title: 'v', width: 8, cell: (r) => num(r.v, 6) },
  { title: 'type', width: 9, cell: (r) => r.metrics.filterType },
  { title: LABELS.dcGainDb.title, unit: LABELS.dcGainDb.unit, width: 8, cell: (r) => num(r.metrics.dcGainDb), gainDb: (r) => r.metrics.dcGainDb },
  { title: LABELS.nyquistGainDb.title, unit: LABELS.nyquistGainDb.unit, width: 8, cell: (r) => num(r.metrics.nyquistGainDb), gainDb: (r) => r.metrics.nyquistGainDb },
  { title: LABELS.cutoffFrequency.title, unit: frequencyUnit, width: 10, cell: (r, u) => freq(r.metrics.cutoffFrequency, u) },
  { title: LABELS.unityGainFrequency.title, unit: frequencyUnit, width: 10, cell: (r, u) => freq(r.metrics.unityGainFrequency, u) },
  { title: LABELS.noiseGain.title, unit: LABELS.noiseGain.unit, width: 10, cell: (r) => num(r.metrics.noiseGain) },
  { title: LABELS.groupDelayDc.title, unit: LABELS.groupDelayDc.unit, width: 8, cell: (r) => num(r.metrics.groupDelayDc) },
  { title: LABELS.timeConstant.title, unit: LABELS.timeConstant.unit, width: 8, cell: (r) => num(r.metrics.timeConstant) },
];

/**
 * A display stage's first column: the real stages it groups ("23–24", what --stages takes), not its own
 * index, which a reader would take for a real stage's.
 */
function displayStagesColumn(stageCount: number): Column {
  return { title: 'stages', width: displayStagesWidth(stageCount), cell: stagesCell };
}

/** Width of the `stages` column of a schedule of stageCount real stages: room for "first–last". */
export const displayStagesWidth = (stageCount: number): number => Math.max(6, 2 * String(stageCount - 1).length + 1);

/** A row's first cell: a real stage's index, or the real stages a display stage groups ("23–45"). */
export const stagesCell = (r: { index: number; display?: { firstStage: number; lastStage: number } }): string =>
  (r.display ? stepRange(r.display.firstStage, r.display.lastStage) : String(r.index));

/** With a learning rate (`lr` in some schedule): the stage's α after v, and α·DC gain last. */
const LR_COLUMN: Column = { title: 'lr', width: 10, cell: (r) => num(r.lr ?? null, 6) };
const EFFECTIVE_LR_COLUMN: Column = { title: 'eff. lr', width: 10, cell: (r) => num(r.metrics.effectiveLearningRate ?? null) };

/**
 * With the exact response (--mode exact|both), how each stage departs from its frozen filter
 * (TransientMetrics): steps until the memory of earlier stages has faded to 1 %, "never" when the
 * stage ends first, and the largest gap between the exact response at the stage's end and the frozen
 * one, in dB.
 */
const TRANSIENT_COLUMNS: Column[] = [
  { title: 'settle', unit: 'steps', width: 8, cell: (r) => (r.transient === undefined || r.display ? '–' : r.transient.settlingSteps === null ? 'never' : String(r.transient.settlingSteps)) },
  { title: 'Δexact', unit: 'dB', width: 10, cell: (r) => num(r.transient?.maxDeviationDb ?? null) },
];

/**
 * The table for pipes and files (a terminal gets terminalTableWriter's): one block per schedule, one row per stage, fixed-width columns so it streams.
 * Colour (only when allowed): gains above 0 dB in yellow (amplified), below in cyan (attenuated).
 * `transient` adds the exact-response columns (TRANSIENT_COLUMNS), `lr` the learning-rate ones.
 */
export function tableWriter(sink: TextSink, options: TableOptions): AnalysisWriter {
  const c = new Chalk({ level: options.color ? 1 : 0 });
  const base = options.lr ? COLUMNS.flatMap((col) => (col.title === 'v' ? [col, LR_COLUMN] : [col])).concat(EFFECTIVE_LR_COLUMN) : COLUMNS;
  const columns = options.transient ? [...base, ...TRANSIENT_COLUMNS] : base;
  let first = true;
  let index = -1;
  let shown = columns;
  const pad = (s: string, w: number) => (s.length >= w ? `${s} ` : s.padStart(w) + ' ');
  const paint = gainPaint(c);
  return {
    begin: () => undefined,
    schedule: (h: ScheduleHeader) => {
      const head = `${first ? '' : '\n'}${c.bold(h.name)}  ${c.dim(`${h.source}, ${h.steps} steps, ${h.stageCount} stage${h.stageCount === 1 ? '' : 's'}${h.display ? ` shown as ${h.display.stages} display stages` : ''}; frequencies in ${UNIT_LABEL[options.units]}`)}\n`;
      first = false;
      index++;
      const bank = options.banks?.[index];
      const branches: Column[] = bank === undefined ? [] : bankColumns(bank).map((b) => ({ title: b.title, width: b.uv === 'u' ? 10 : 8, cell: (r) => num(b.value(r), 6) }));
      shown = columns.flatMap((col) => (col.title === 'stage' && h.display ? [displayStagesColumn(h.stageCount)] : bank !== undefined && col.title === 'u' ? branches : bank !== undefined && col.title === 'v' ? [] : [col]));
      const units = shown.map((col) => pad(typeof col.unit === 'function' ? col.unit(options.units) : (col.unit ?? ''), col.width)).join('').trimEnd();
      return sink.write(`${head}${c.bold(shown.map((col) => pad(col.title, col.width)).join('').trimEnd())}\n${c.dim(units)}\n`);
    },
    stage: (r: StageRecord) => {
      const cells = shown.map((col) => {
        const text = pad(col.cell(r, options.units), col.width);
        return col.gainDb === undefined ? text : paint(col.gainDb(r), text);
      });
      return sink.write(`${cells.join('').trimEnd()}\n`);
    },
    endSchedule: () => undefined,
    end: () => undefined,
  };
}
