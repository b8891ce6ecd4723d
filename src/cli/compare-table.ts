import { Chalk } from 'chalk';
import { stageRecords } from '../analysis/analyze.js';
import { summaryOf } from '../analysis/schedule-summary.js';
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
 * `analyze --compare`: the schedules side by side in one table, as researchers compare EMA,
 * standard SGDM and FSGDM: each schedule in words, then for each item of the stage selection
 * (default first, middle (the stage at step ⌈T/2⌉), last; `step:S` picks the stage each schedule is in at step S) a group of
 * rows, the schedules' stages in their order, with a blank line between groups. `columns`: the
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
  const groups: CompareRow[][] = parts.map((part) =>
    schedules.flatMap((s) => {
      const chosen = stagesOf(part, s);
      return chosen.length === 0 ? [] : [...stageRecords(s, { stages: chosen.join(','), response: false })].map((r) => ({ ...r, schedule: s.name }));
    }),
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
    for (const r of group) lines.push(rowLine(layout, r));
  }
  lines.push(...sameLine(layout, width).map((l) => c.dim(l)));
  lines.push('', ...legend(layout, Number.isFinite(width) ? width : 100, c, options.color));
  await sink.write(`${lines.join('\n')}\n`);
}
