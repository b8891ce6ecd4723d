import { z } from 'zod';
import { axisSpecProblem, parseAxisSpec, type AxisSpec } from './axis-spec.js';

/** One axis as the YAML may give it: the text form, a number, a list, or a range mapping. */
const AxisText = z.string().superRefine((text, ctx) => {
  const parsed = parseAxisSpec(text);
  if ('error' in parsed) ctx.addIssue({ code: 'custom', message: parsed.error, input: text });
});

const AxisRange = z
  .strictObject({
    from: z.number(),
    to: z.number(),
    count: z.int().min(1),
    scale: z.enum(['linear', 'log']).default('linear'),
  })
  .superRefine((r, ctx) => {
    const problem = axisSpecProblem({ kind: 'range', ...r });
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  });

export const SweepAxisValue = z.union(
  [
    AxisText.describe('from:to:count, from:to:count:log, or a list a,b,c'),
    z.number().describe('a single value'),
    z.array(z.number()).min(1).describe('exactly these values'),
    AxisRange.describe('count values from `from` to `to`'),
  ],
  { error: 'expected "from:to:count[:log]", a list of numbers, a number, or { from, to, count, scale }' },
);

/**
 * The `sweep:` block of a schedule: the same grid as `momentum-fr sweep --grid path=SPEC`, one
 * entry per swept dot path, in the order of the Cartesian product (the last varies fastest).
 *
 *   sweep:
 *     grid:
 *       momentum.c: 0.01:0.1:10:log
 *       momentum.v: [0.5, 1, 2]
 */
export const SweepBlock = z.strictObject({
  grid: z
    .record(z.string().regex(/^[A-Za-z_][\w]*(\.[\w]+)*$/, 'expected a dot path such as momentum.beta'), SweepAxisValue)
    .refine((g) => Object.keys(g).length > 0, 'the grid needs at least one path')
    .describe('dot path → values; several paths make the Cartesian product'),
  stages: z.string().optional().describe('stages to report, as --stages (default first,last)'),
});

export type SweepBlockConfig = z.output<typeof SweepBlock>;

/** A validated block entry → its axis spec (numbers and lists are lists, the text form is parsed). */
export function axisSpecOf(value: SweepBlockConfig['grid'][string]): AxisSpec {
  if (typeof value === 'number') return { kind: 'list', values: [value] };
  if (Array.isArray(value)) return { kind: 'list', values: value };
  if (typeof value === 'string') return parseAxisSpec(value) as AxisSpec;
  return { kind: 'range', from: value.from, to: value.to, count: value.count, scale: value.scale };
}
