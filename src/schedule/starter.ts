import type { z } from 'zod';
import { presetDocument } from './preset-document.js';
import { PRESETS } from './presets/index.js';

/**
 * A commented starter config: for a preset, its formula, source and every parameter with its
 * default (presetDocument(name) as YAML); without one, custom u/v expressions showing the variables.
 * Pure text, valid YAML.
 */
export function starterYaml(presetName?: string): string {
  if (presetName === undefined) return CUSTOM;
  const doc = presetDocument(presetName);
  const preset = PRESETS.get(presetName)!;
  const shape = preset.params.shape as Record<string, z.ZodType>;
  const { preset: _name, ...params } = doc.momentum;
  const header = [
    `# momentum-fr schedule: ${preset.name}`,
    `# ${preset.summary}`,
    `# ${preset.formula}`,
    `# source: ${preset.source}`,
    `# check: momentum-fr validate <this file>; editor schema: momentum-fr schema -o momentum-fr.schema.json`,
  ];
  const body: [string, string?][] = [
    [`name: ${doc.name}`],
    [`steps: ${doc.steps}`, 'total gradient steps Σ (T in expressions)'],
    [`stages: ${doc.stages}`, 'number of stages N (or stageLength: steps per stage)'],
    ['momentum:'],
    [`  preset: ${doc.momentum.preset}`],
    ...Object.keys(params).map((key): [string, string?] => [`  ${key}: ${yamlScalar(params[key])}`, shape[key].description || undefined]),
  ];
  return `${[...header, ...commented(body)].join('\n')}\n`;
}

/** YAML lines with their trailing comments aligned two spaces after the longest commented line. */
function commented(lines: readonly [string, string?][]): string[] {
  const column = Math.max(0, ...lines.filter(([, comment]) => comment !== undefined).map(([text]) => text.length)) + 2;
  return lines.map(([text, comment]) => (comment === undefined ? text : `${text.padEnd(column)}# ${comment}`));
}

/** A default value as YAML: lists (aggmo's betas) as flow sequences, null as null. */
function yamlScalar(value: unknown): string {
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}

const CUSTOM = `# momentum-fr schedule with custom coefficients
# m_t = u·m_{t−1} + v·g_t, with u and v constant inside each stage.
# u and v: a number, an expression, a list with one value per stage, or
#   { piecewise: [ { from: <first step>, value: <number or expression> }, ... ] }
# Expression variables: k (stage index from 0), N (stages), t (first step of the stage, from 1),
#   T (total steps), p = t/T (progress), delta (stage length), your params, and u inside v.
name: custom
steps: 117000
stages: 300
momentum:
  params:
    mu: 1000
  u: "t / (t + mu)"     # the paper's increasing schedule
  v: "1 - u"            # orthodox (EMA): only attenuates
  firstStepCopy: false  # true: m_1 = g_1, as PyTorch SGD and FSGDM initialise the buffer
`;
