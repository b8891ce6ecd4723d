import { TOOL } from '../../version.js';
import { csvField } from '../../io/csv-line.js';
import { jsonNumber, csvNumber, jsonValue } from '../../io/number-format.js';
import type { TextSink } from '../../io/sink.js';
import type { Schedule } from '../../types.js';
import type { CliContext } from '../context.js';
import { loadSchedules } from '../load-schedules.js';
import type { InputOptions, OutputOptions } from '../options.js';
import { checkOutputs, chooseFormat, writeOutput } from '../output.js';

interface CoefficientsOptions extends InputOptions, OutputOptions {
  runs?: boolean;
}

/**
 * `momentum-fr coefficients`: step, stage, u, v for every optimizer step (1-based), or one row per
 * stage with `--runs` (startStep, endStep, u, v). Streamed: 10⁸ steps need no memory.
 */
export async function coefficientsCommand(inputs: string[], options: CoefficientsOptions, ctx: CliContext): Promise<void> {
  const format = chooseFormat(options.format, options.output, ['csv', 'json', 'ndjson']);
  await checkOutputs(ctx, { files: [options.output], inputs });
  const schedules = await loadSchedules(inputs, options, ctx);
  await writeOutput(ctx, options.output, async (sink) => {
    if (format === 'csv') await sink.write(options.runs ? 'schedule,stage,startStep,endStep,u,v\n' : 'schedule,step,stage,u,v\n');
    if (format === 'json') await sink.write(`{\n  "schemaVersion": 1,\n  "tool": ${jsonValue(TOOL)},\n  "schedules": [`);
    let first = true;
    for (const s of schedules) {
      if (format === 'json') {
        await sink.write(`${first ? '' : ','}\n    {\n      "name": ${JSON.stringify(s.name)},\n      "steps": ${s.steps},\n      "firstStepCopy": ${s.firstStepCopy},\n      "${options.runs ? 'stages' : 'coefficients'}": [`);
      }
      first = false;
      await rows(s, format, options.runs ?? false, sink);
      if (format === 'json') await sink.write('\n      ]\n    }');
    }
    if (format === 'json') await sink.write('\n  ]\n}\n');
  });
}

async function rows(s: Schedule, format: string, runs: boolean, sink: TextSink): Promise<void> {
  const t = s.stages;
  const name = JSON.stringify(s.name);
  const csvName = csvField(s.name);
  let first = true;
  const sep = () => {
    const p = first ? '\n        ' : ',\n        ';
    first = false;
    return p;
  };
  for (let i = 0; i < t.count; i++) {
    const u = t.u[i];
    const v = t.v[i];
    if (runs) {
      if (format === 'csv') await sink.write(`${csvName},${i},${t.startStep[i]},${t.endStep[i]},${csvNumber(u)},${csvNumber(v)}\n`);
      else if (format === 'ndjson') await sink.write(`{"schedule":${name},"stage":${i},"startStep":${t.startStep[i]},"endStep":${t.endStep[i]},"u":${jsonNumber(u)},"v":${jsonNumber(v)}}\n`);
      else await sink.write(`${sep()}{"stage":${i},"startStep":${t.startStep[i]},"endStep":${t.endStep[i]},"u":${jsonNumber(u)},"v":${jsonNumber(v)}}`);
      continue;
    }
    const uText = format === 'csv' ? csvNumber(u) : jsonNumber(u);
    const vText = format === 'csv' ? csvNumber(v) : jsonNumber(v);
    const lines: string[] = [];
    for (let step = t.startStep[i]; step <= t.endStep[i]; step++) {
      if (format === 'csv') lines.push(`${csvName},${step},${i},${uText},${vText}\n`);
      else if (format === 'ndjson') lines.push(`{"schedule":${name},"step":${step},"stage":${i},"u":${uText},"v":${vText}}\n`);
      else lines.push(`${sep()}{"step":${step},"stage":${i},"u":${uText},"v":${vText}}`);
      if (lines.length >= 4096) await sink.write(lines.splice(0).join(''));
    }
    if (lines.length > 0) await sink.write(lines.join(''));
  }
}
