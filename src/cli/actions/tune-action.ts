import { jsonValue } from '../../util/json-value.js';
import { documentHeader } from '../../tool.js';
import { parseTuneTarget } from '../../tune/tune-target.js';
import { tuneParameter } from '../../tune/tune-parameter.js';
import { tuneBudget } from '../../sweep/sweep-budget.js';
import { checkBudgets } from '../budget-message.js';
import type { CliContext } from '../context.js';
import { fill } from '../terminal-table.js';
import { CliError } from '../errors.js';
import { CLI_VOCABULARY, TUNE_EXIT_CODES, tuneFailureText } from '../messages.js';
import type { InputOptions } from '../options.js';
import { loadSweepInput } from '../load-schedules.js';
import { excerpt, quoted } from '../../util/excerpt.js';

export interface TuneCliOptions extends InputOptions {
  solve: string;
  target: string;
  range?: string;
  xtol?: string;
  format: 'table' | 'json';
  force?: boolean;
}

/**
 * `momentum-fr tune`: parse once → solve → report the value, the metric it achieves and the
 * tolerance (text, or JSON `{ schemaVersion, tool, solution: { path, value }, target, achieved, tolerance, … }`).
 */
export async function tuneCommand(input: string | undefined, options: TuneCliOptions, ctx: CliContext): Promise<void> {
  const target = parseTuneTarget(options.target);
  if ('error' in target) throw new CliError(`--target: ${target.error}`);
  let range: [number, number] | undefined;
  if (options.range !== undefined) {
    const parts = options.range.split(':');
    const [lo, hi] = parts.map((p) => (p.trim() === '' ? NaN : Number(p)));
    if (parts.length !== 2 || !Number.isFinite(lo) || !Number.isFinite(hi)) throw new CliError(`--range: expected lo:hi with two numbers (got ${quoted(options.range)})`);
    if (!(lo < hi)) throw new CliError(`--range: empty range, lo must be < hi (got ${excerpt(options.range)})`);
    range = [lo, hi];
  }
  let xtol: number | undefined;
  if (options.xtol !== undefined) {
    xtol = Number(options.xtol);
    if (!(xtol >= 0) || !Number.isFinite(xtol)) throw new CliError(`--xtol: expected a number ≥ 0 (got ${quoted(options.xtol)})`);
  }
  const source = await loadSweepInput(input, options, ctx, 'tune');
  checkBudgets([tuneBudget(source.config, source.schedule.stages.count)], options.force);
  const result = tuneParameter(source.config, { path: options.solve, target, range, allowUnstable: options.allowUnstable, xtol, vocabulary: CLI_VOCABULARY });
  if ('error' in result) throw new CliError(tuneFailureText(result), TUNE_EXIT_CODES[result.code]);

  const targetJson = { stage: target.stageText, metric: target.metric, value: target.value };
  if (options.format === 'json') {
    // One compact line (a small answer, read with jq): the document header, then the solution.
    const doc = {
      ...documentHeader(),
      solution: { path: result.path, value: result.value },
      target: targetJson,
      achieved: result.achieved,
      tolerance: result.tolerance,
      bracket: result.bracket,
      evaluations: result.evaluations,
    };
    ctx.stdout.write(`${jsonValue(doc)}\n`);
    return;
  }
  const lines = [
    `${result.path} = ${result.value}`,
    `${target.stageText}.${target.metric} = ${result.achieved} (target ${target.value})`,
    `tolerance ±${result.tolerance} on ${result.path}; ${result.evaluations} Brent steps in [${result.bracket[0]}, ${result.bracket[1]}]`,
  ];
  // Filled to a terminal's width; pipes get each on one line.
  const width = ctx.terminal?.columns;
  ctx.stdout.write(`${lines.flatMap((l) => (width === undefined ? [l] : fill(l, width, '  '))).join('\n')}\n`);
}
