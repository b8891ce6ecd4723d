import { z } from 'zod';

/**
 * The zod shapes of a schedule value (docs/config.md, "Values"): what `u`, `v`, `lr` and every
 * scheduled preset parameter accept. Kept apart from schema.ts so that presets can declare their
 * parameters with `scheduled()` (schema.ts imports the presets).
 */

/** A number, or a mathjs expression in k, N, t, T, p, delta, the params (and u, inside v). */
const ScalarOrExpression = z
  .union([z.number(), z.string().min(1)])
  .describe('a number or an expression such as "t / (t + 1000)"');

const Segment = z.strictObject({
  from: z.int().min(1).describe('the value applies from step `from` (1-based) on; with stages, from the stage containing it (a later segment starting in the same stage wins there)'),
  value: ScalarOrExpression,
});

const VALUE_ERROR = 'expected a number, an expression, a list with one value per stage, { piecewise: [...] }, { scheduler: … } or { table: … }';

/**
 * `{ table: lr.csv, column: lr }`: one value per optimizer step, from a file (a CSV column, a 1-D
 * .npy, a JSON array; the path relative to the config file) or, in the library, the values
 * themselves. The core never reads the file: the config loader reads it and hands the values over
 * (ParseOptions.readTable, src/io/read-table.ts). Always per step; exactly `steps` values.
 */
export const TableValue = z
  .strictObject({
    table: z
      .union([z.string().min(1).describe('a file: .csv/.tsv/.txt (a column), .npy (1-D) or .json (an array), relative to the config file'), z.array(z.number()).min(1).describe('the values, one per step')])
      .describe('one value per optimizer step: a file, or (in the library) the values'),
    column: z.union([z.string().min(1), z.int().min(0)]).optional().describe('the CSV column (header name or 0-based index); default: the only column besides a step column'),
  })
  .describe('a per-step table read from a file');

/**
 * `{ scheduler: OneCycleLR, … }`: a PyTorch or Hugging Face scheduler with its keyword arguments
 * (docs/schedulers.md). Checked here as an object naming a scheduler only: the resolver parses it
 * with the scheduler's own schema (schedulers/parse-scheduler-value.ts), whose messages name the
 * kwarg and suggest the scheduler's name. The JSON Schema shows the full union (schema.ts).
 */
export const SchedulerReference = z.looseObject({ scheduler: z.string().min(1) }).describe('a PyTorch / Hugging Face scheduler and its keyword arguments');

function valueUnion(number: z.ZodNumber) {
  return z.union(
    [
      number,
      z.string().min(1).describe('an expression of the step such as "t / (t + 1000)"'),
      z.array(ScalarOrExpression).min(1).describe('one value per stage (needs stages or stageLength)'),
      z.strictObject({ piecewise: z.array(Segment).min(1) }).describe('segments by first step'),
      SchedulerReference,
      TableValue,
    ],
    { error: VALUE_ERROR },
  );
}

/**
 * A value that may change during training: a number, an expression of the step, one value per
 * stage, piecewise segments, a scheduler or a table (both always per step). Without `stages`/`stageLength`, a value that reads the step is
 * evaluated at every step.
 */
export const ScheduleValue = valueUnion(z.number());

/**
 * Bounds of a preset parameter, stated once (in the preset's `scheduled()` declaration) and checked by
 * `boundsProblem` alike on a plain number (zod), on every step's value of a schedule or table (the
 * resolver) and on a `--set` or a point of a sweep or tune.
 */
export interface ValueBounds {
  min?: number;
  max?: number;
  /** The bound itself is excluded (β1 < 1). */
  minExclusive?: boolean;
  maxExclusive?: boolean;
  /** The optimizer's own rule, quoted after the bound (torch's `ValueError` text). */
  rule?: string;
}

const BOUNDS = new WeakMap<z.ZodType, ValueBounds>();

/**
 * A preset parameter that may be scheduled: a ScheduleValue with a default whose every value, a plain
 * number or each step's value of a schedule (`scheduledBounds`), is checked against `bounds` by
 * `boundsProblem`. `constant`: further bounds only a plain number has (torch checks the value the
 * optimizer is built with: Nesterov's momentum > 0, while a scheduler may write 0 later).
 */
export function scheduled(bounds: ValueBounds & { default: number; constant?: ValueBounds }) {
  const { default: fallback, constant, ...own } = bounds;
  const number = z
    .number()
    .superRefine((x, ctx) => {
      const problem = boundsProblem(x, own) ?? (constant && boundsProblem(x, constant));
      if (problem) ctx.addIssue({ code: 'custom', message: problem, input: x, params: { code: outOfBoundsCode(x, own, constant) } });
    })
    .meta(jsonSchemaBounds({ ...own, ...constant }));
  const union = valueUnion(number);
  // On the union itself: .default() and .describe() wrap or clone the outer schema, never the inner one.
  BOUNDS.set(union, own);
  return union.default(fallback);
}

/** The bounds of a parameter declared with `scheduled()`, or undefined for a plain one. */
export function scheduledBounds(schema: z.ZodType): ValueBounds | undefined {
  let node = schema;
  while (node instanceof z.ZodDefault || node instanceof z.ZodOptional) node = node.unwrap() as z.ZodType;
  return BOUNDS.get(node);
}

/**
 * Why `x` is outside `bounds` ("must be < 1", "must be 0", with the optimizer's rule after it), or
 * undefined when it is inside (NaN never is).
 */
export function boundsProblem(x: number, bounds: ValueBounds): string | undefined {
  if (!Number.isFinite(x)) return 'must be a finite number';
  const { min, max, rule } = bounds;
  const why = rule === undefined ? '' : ` (${rule})`;
  if (min !== undefined && min === max && !bounds.minExclusive && !bounds.maxExclusive) return x === min ? undefined : `must be ${min}${why}`;
  if (min !== undefined && (bounds.minExclusive ? !(x > min) : !(x >= min))) return `must be ${bounds.minExclusive ? '>' : '≥'} ${min}${why}`;
  if (max !== undefined && (bounds.maxExclusive ? !(x < max) : !(x <= max))) return `must be ${bounds.maxExclusive ? '<' : '≤'} ${max}${why}`;
  return undefined;
}

/** too_small or too_big, as zod's own bound checks name them (ConfigIssue.code). */
function outOfBoundsCode(x: number, own: ValueBounds, constant: ValueBounds | undefined): 'too_small' | 'too_big' {
  const min = Math.max(own.min ?? -Infinity, constant?.min ?? -Infinity);
  return x <= min || Number.isNaN(x) ? 'too_small' : 'too_big';
}

/** The bounds in JSON Schema's words (the `schema` command): the tighter of each pair. */
function jsonSchemaBounds(b: ValueBounds): Record<string, number> {
  const out: Record<string, number> = {};
  if (b.min !== undefined) out[b.minExclusive ? 'exclusiveMinimum' : 'minimum'] = b.min;
  if (b.max !== undefined) out[b.maxExclusive ? 'exclusiveMaximum' : 'maximum'] = b.max;
  return out;
}
