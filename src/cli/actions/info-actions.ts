import { PRESETS } from '../../schedule/presets/index.js';
import { configJsonSchema } from '../../schedule/schema.js';
import { starterYaml } from '../../schedule/starter.js';
import { presetDocument } from '../../schedule/preset-document.js';
import type { CliContext } from '../context.js';
import { CliError } from '../errors.js';
import { unknownPresetMessage } from '../messages.js';
import { writeOutput } from '../output.js';
import { fill } from '../terminal-table.js';

/** `momentum-fr schema`: the config's JSON Schema, generated from the zod schemas. */
export async function schemaCommand(options: { output?: string }, ctx: CliContext): Promise<void> {
  const schema = { ...configJsonSchema(), title: 'momentum-fr schedule config' };
  await writeOutput(ctx, options.output, async (sink) => sink.write(`${JSON.stringify(schema, null, 2)}\n`));
}

/** `momentum-fr presets`: name, formula, source and parameters with defaults. */
export async function presetsCommand(options: { format: string }, ctx: CliContext): Promise<void> {
  const list = [...PRESETS.values()].map((p) => {
    const doc = presetDocument(p.name);
    const defaults = doc.momentum;
    const shape = p.params.shape as Record<string, { description?: string }>;
    return {
      name: p.name,
      summary: p.summary,
      formula: p.formula,
      source: p.source,
      firstStepCopy: p.firstStepCopy,
      defaults: { steps: doc.steps, stages: doc.stages },
      params: Object.keys(shape).map((k) => ({ name: k, default: defaults[k], description: shape[k].description ?? '' })),
    };
  });
  await writeOutput(ctx, undefined, async (sink) => {
    if (options.format === 'json') return sink.write(`${JSON.stringify(list, null, 2)}\n`);
    // A terminal gets the lines filled to its width; pipes get each on one line, as always.
    const width = ctx.terminal?.columns;
    const lines = (text: string, indent: string) => (width === undefined ? [`${indent}${text}`] : fill(`${indent}${text}`, width, `${indent}  `));
    for (const p of list) {
      const params = p.params.map((q) => `${q.name}=${String(q.default)}`).join(' ');
      await sink.write(`${[...lines(`${p.name.padEnd(40)} ${params}`, ''), ...lines(p.summary, '    '), ...lines(p.formula, '    ')].join('\n')}\n`);
    }
  });
}

/** `momentum-fr init [preset]`: a commented starter YAML. */
export async function initCommand(preset: string | undefined, options: { output?: string }, ctx: CliContext): Promise<void> {
  if (preset !== undefined && !PRESETS.has(preset)) throw new CliError(unknownPresetMessage(preset));
  await writeOutput(ctx, options.output, async (sink) => sink.write(starterYaml(preset)));
}
