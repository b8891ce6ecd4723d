import { Chalk } from 'chalk';
import { stageRecords } from '../analysis/analyze.js';
import { stepText, summaryOf } from '../analysis/schedule-summary.js';
import { selectStages } from '../analysis/stage-selection.js';
import { stageOfStep } from '../schedule/stages.js';
import type { TextSink } from '../io/sink.js';
import type { Schedule, StageRecord } from '../types.js';
import { CliError } from './errors.js';
import { gainPaint, type FrequencyUnit } from './table-writer.js';
import { fill, fitColumns, fitTable, headerLines, rowLine, sameLine, type TermColumn } from './terminal-table.js';
import { analysisColumns, legend } from './terminal-table-writer.js';

/** A stage of one of the compared schedules. */
interface CompareRow extends StageRecord {
  schedule: string;
}

/**
 * The stages of a schedule that `part` (one item of a --stages list, or `middle`) selects. `middle` is
 * the stage at the middle of training, step ⌈T/2⌉ (not the middle stage index: stages of unequal length,
 * a per-step warm-up before per-epoch stages, put that anywhere), so schedules are compared at the same
 * training position.
 */
function stagesOf(part: string, schedule: Schedule): number[] {
  if (part === 'middle') return [stageOfStep(schedule.stages, Math.ceil(schedule.steps / 2))];
  const sel = selectStages(part, schedule.stages);
  if (!Array.isArray(sel)) throw new CliError(`--stages: ${sel.error} (schedule ${schedule.name})`);
  return sel;
}

/**
 * The blocks of the table: per item of the selection, the stages it picks in each schedule, under a
 * heading saying what they are ("first stage", "middle of training (step 58 500)", "stages 3..5"); items
 * that pick the same stages in every schedule (first, middle and last of single-stage schedules) are one
 * block whose heading names them all ("first stage, middle of training (step 500) and last stage: the
 * same stages").
 */
function compareBlocks(parts: readonly string[], schedules: readonly Schedule[]): { heading: string; chosen: number[][] }[] {
  const blocks: { names: string[]; key: string; chosen: number[][] }[] = [];
  for (const part of parts) {
    const chosen = schedules.map((s) => stagesOf(part, s));
    const key = JSON.stringify(chosen);
    const same = blocks.find((b) => b.key === key);
    if (same === undefined) blocks.push({ names: [partName(part, schedules)], key, chosen });
    else same.names.push(partName(part, schedules));
  }
  return blocks.map(({ names, chosen }) => ({ heading: headingOf(names), chosen }));
}

/**
 * What an item of the selection picks: "first stage", "last stage", "middle of training (step …)" with
 * each schedule's ⌈T/2⌉, "the stage at step 50 000", or "stages 3..5".
 */
function partName(part: string, schedules: readonly Schedule[]): string {
  if (part === 'first' || part === 'last') return `${part} stage`;
  // final and -1 are the last stage; one index is one stage ("stage 0"), not "stages 0".
  if (part === 'final' || part === '-1') return 'last stage';
  if (/^-?\d+$/.test(part)) return `stage ${part}`;
  const at = /^step:(\d+)$/.exec(part);
  if (at) return `the stage at step ${stepText(Number(at[1]))}`;
  if (part !== 'middle') return `stages ${part}`;
  const steps = schedules.map((s) => Math.ceil(s.steps / 2));
  if (steps.every((t) => t === steps[0])) return `middle of training (step ${stepText(steps[0])})`;
  return `middle of training (step ${schedules.map((s, n) => `${stepText(steps[n])} of ${s.name}`).join(', ')})`;
}

/** One name, or "first stage, middle … and last stage: the same stages". */
function headingOf(names: readonly string[]): string {
  if (names.length === 1) return names[0];
  return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}: the same stages`;
}

/**
 * `analyze --compare`: the schedules side by side in one table, as researchers compare EMA,
 * standard SGDM and FSGDM: each schedule in words, then for each item of the stage selection
 * (default first, middle (the stage at step ⌈T/2⌉), last; `step:S` picks the stage each schedule is in at step S) a group of
 * rows under a heading (compareBlocks), the schedules' stages in their order, with a blank line between groups. `columns`: the
 * terminal's width (columns by priority), none for a pipe or a file (every column).
 */
export async function writeCompareTable(
  sink: TextSink,
  schedules: readonly Schedule[],
  options: { stages?: string; units: FrequencyUnit; color: boolean; columns?: number },
): Promise<void> {
  const c = new Chalk({ level: options.color ? 1 : 0 });
  const width = options.columns ?? Infinity;
  const parts = options.stages === undefined ? ['first', 'middle', 'last'] : options.stages.split(',').map((p) => p.trim());
  const blocks = compareBlocks(parts, schedules);
  const groups: CompareRow[][] = blocks.map(({ chosen }) =>
    schedules.flatMap((s, n) =>
      chosen[n].length === 0 ? [] : [...stageRecords(s, { stages: chosen[n].join(','), response: false })].map((r) => ({ ...r, schedule: s.name })),
    ),
  );
  const nameWidth = Math.min(24, Math.max(8, ...schedules.map((s) => s.name.length)));
  const scheduleColumn: TermColumn<CompareRow> = { title: 'schedule', width: nameWidth, priority: 110, left: true, cell: (r, w) => (r.schedule.length > w ? `${r.schedule.slice(0, w - 1)}…` : r.schedule) };
  const extent = { steps: Math.max(...schedules.map((s) => s.steps)), stageCount: Math.max(...schedules.map((s) => s.stages.count)) };
  const columns: TermColumn<CompareRow>[] = [scheduleColumn, ...analysisColumns(extent, { units: options.units, color: options.color }, gainPaint(c))];
  // On a terminal a column the same on every row is said once (fitTable); a pipe keeps every column.
  const layout = Number.isFinite(width) ? fitTable(columns, groups.flat(), width) : fitColumns(columns, width);

  const lines: string[] = [];
  for (const s of schedules) {
    const words = `${s.name}: ${summaryOf(s).join('; ')}.`;
    lines.push(...(Number.isFinite(width) ? fill(words, width, '  ') : [words]));
  }
  lines.push('', ...headerLines(layout, c.bold, c.dim));
  for (const [k, group] of groups.entries()) {
    if (k > 0 && schedules.length > 1) lines.push('');
    lines.push(c.bold(blocks[k].heading));
    for (const r of group) lines.push(rowLine(layout, r));
  }
  lines.push(...sameLine(layout, width).map((l) => c.dim(l)));
  lines.push('', ...legend(layout, Number.isFinite(width) ? width : 100, c, options.color));
  await sink.write(`${lines.join('\n')}\n`);
}
