import { fitNumber } from '../../util/table-number.js';
import { csvField, csvLine } from '../../io/csv-line.js';
import { jsonDocument } from '../../util/json-document.js';
import { csvNumber } from '../../io/number-format.js';
import { jsonNumber } from '../../util/json-value.js';
import { counted, OUTPUT_BYTES_PER_NUMBER, overBudget } from '../../schedule/budgets.js';
import { appliedColumns, coefficientRuns, coefficientSegments, type AppliedColumns, type CoefficientSegment } from '../../schedule/coefficient-columns.js';
import type { Schedule } from '../../types.js';
import { checkBudgets } from '../budget-message.js';
import type { CliContext } from '../context.js';
import { loadSchedules } from '../load-schedules.js';
import type { InputOptions, OutputOptions } from '../options.js';
import { checkOutputs, chooseFormat, outputColor, outputTerminal, writeOutput } from '../output.js';
import { CsvTable, type Row } from '../csv-table.js';
import { type TermColumn } from '../terminal-table.js';

interface CoefficientsOptions extends InputOptions, OutputOptions {
  runs?: boolean;
  force?: boolean;
  all?: boolean;
}

/** The CSV's columns on a terminal: the schedule, the steps (or runs) and the coefficients, 6 digits. */
function coefficientTermColumns(names: string[]): TermColumn<Row>[] {
  return names.map((name, i): TermColumn<Row> => {
    if (name === 'schedule') return { title: name, width: 16, priority: 100, left: true, cell: (r, w) => (r.schedule.length > w ? `${r.schedule.slice(0, w - 1)}…` : r.schedule) };
    if (i <= 4 && /^(step|stage|firstStage|lastStage|startStep|endStep)$/.test(name)) return { title: name, width: Math.max(7, name.length), priority: 90 - i, cell: (r) => r[name] };
    return { title: name, width: 10, narrow: 8, priority: 80 - i / 100, cell: (r, w) => (r[name] === '' ? '' : fitNumber(Number(r[name]), w, w >= 10 ? 6 : 4)) };
  });
}

/**
 * `momentum-fr coefficients`: every coefficient of the filter as the optimizer applies it (appliedColumns:
 * u, v for first-order momentum; u1, v1, c1, …, c0 for a filter bank, with Adam's bias correction and
 * NAdam's weights in c; b0, …, a1, … for a rational filter; v = 1 at the first step's copy; lr when the
 * schedule has one) at every optimizer step (1-based), or with `--runs` one row per run of consecutive
 * steps whose every value is equal (firstStage, lastStage, startStep, endStep). Streamed, so rows need no memory; their number is checked
 * against the output budget first (--force lifts it). A CSV with schedules of different filters has the
 * union of their columns, empty where a schedule has no such coefficient.
 */
export async function coefficientsCommand(inputs: string[], options: CoefficientsOptions, ctx: CliContext): Promise<void> {
  const format = chooseFormat(options.format, options.output, ['csv', 'json', 'ndjson']);
  await checkOutputs(ctx, { files: { '-o': options.output }, inputs });
  const runs = options.runs ?? false;
  const schedules = await loadSchedules(inputs, options, ctx);
  const columns = schedules.map((s) => appliedColumns(s));
  const names = [...new Set(columns.flatMap((c) => c.names))];
  let rows = 0;
  schedules.forEach((s, i) => {
    if (!runs) rows += s.steps;
    else for (const _ of coefficientRuns(s, columns[i])) rows++;
  });
  // Each row: the schedule, 2 or 4 step/stage numbers and the coefficients; NDJSON repeats the keys.
  const numbers = (runs ? 5 : 3) + names.length;
  const bytes = rows * numbers * OUTPUT_BYTES_PER_NUMBER * (format === 'ndjson' ? 2 : 1);
  checkBudgets([overBudget('outputBytes', bytes, `the output (${counted(rows, 'row')} of ${numbers} columns)`, runs ? ['steps'] : ['runs', 'steps'])], options.force);

  // On a terminal, unless a format is asked for, the CSV shows as a table, sampled when long.
  const terminal = options.format === undefined ? outputTerminal(ctx, options.output) : undefined;
  await writeOutput(ctx, options.output, async (target) => {
    const table = terminal && new CsvTable(target, {
      columns: terminal.columns, groups: options.all === true ? 0 : rows, color: outputColor(ctx, options.output), describe: coefficientTermColumns,
      group: runs ? 'firstStage' : 'step', changed: () => false, noun: runs ? 'runs' : 'steps',
    });
    const sink = table || target;
    const head = runs ? ['schedule', 'firstStage', 'lastStage', 'startStep', 'endStep'] : ['schedule', 'step', 'stage'];
    if (format === 'csv') await sink.write(csvLine([...head, ...names]));
    const doc = jsonDocument(sink);
    if (format === 'json') {
      await doc.header();
      await doc.array('schedules');
    }
    for (const [i, s] of schedules.entries()) {
      if (format === 'json') {
        await doc.object();
        await doc.field('name', s.name);
        await doc.field('steps', s.steps);
        await doc.field('firstStepCopy', s.firstStepCopy);
        await doc.array(runs ? 'runs' : 'coefficients');
      }
      const write = (lines: string[]) => (format === 'json' ? doc.records(lines) : sink.write(lines.join('')));
      await writeRows(s, columns[i], format === 'csv' ? names : columns[i].names, format, runs, write);
      if (format === 'json') {
        await doc.close();
        await doc.close();
      }
    }
    if (format === 'json') await doc.end();
    await table?.end();
  });
}

/** The rows of one schedule; `shown` are the CSV header's coefficient columns (this schedule's own otherwise). */
async function writeRows(
  s: Schedule, columns: AppliedColumns, shown: readonly string[], format: string, runs: boolean, write: (lines: string[]) => Promise<void> | void,
): Promise<void> {
  const name = JSON.stringify(s.name);
  const csvName = csvField(s.name);
  const index = shown.map((n) => columns.names.indexOf(n));
  // The coefficient cells of a segment, as this format writes them.
  const cells = (segment: CoefficientSegment): string => {
    if (format === 'csv') return index.map((c) => (c < 0 ? '' : csvNumber(columns.at(segment, c)))).join(',');
    return columns.names.map((n, c) => `${JSON.stringify(n)}:${jsonNumber(columns.at(segment, c))}`).join(',');
  };
  // Lines are written 4096 at a time (a write per line costs more than the line).
  const lines: string[] = [];
  if (runs) {
    for (const { firstStage, lastStage, startStep, endStep, segment } of coefficientRuns(s, columns)) {
      const head = `"firstStage":${firstStage},"lastStage":${lastStage},"startStep":${startStep},"endStep":${endStep}`;
      if (format === 'csv') lines.push(`${csvName},${firstStage},${lastStage},${startStep},${endStep},${cells(segment)}\n`);
      else if (format === 'ndjson') lines.push(`{"schedule":${name},${head},${cells(segment)}}\n`);
      else lines.push(`{${head},${cells(segment)}}`);
      if (lines.length >= 4096) await write(lines.splice(0));
    }
  } else {
    for (const segment of coefficientSegments(s, columns)) {
      const text = cells(segment);
      const k = segment.stage;
      for (let step = segment.startStep; step <= segment.endStep; step++) {
        if (format === 'csv') lines.push(`${csvName},${step},${k},${text}\n`);
        else if (format === 'ndjson') lines.push(`{"schedule":${name},"step":${step},"stage":${k},${text}}\n`);
        else lines.push(`{"step":${step},"stage":${k},${text}}`);
        if (lines.length >= 4096) await write(lines.splice(0));
      }
    }
  }
  if (lines.length > 0) await write(lines);
}
