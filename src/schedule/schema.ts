import { z } from 'zod';
import { LIMITS } from './limits.js';
import { PRESETS } from './presets/index.js';
import { SweepBlock } from './sweep-block.js';
import { SchedulerValue } from './schedulers/index.js';
import { SchedulerReference, ScheduleValue } from './value-schema.js';

/**
 * The config language, as zod schemas (the schema is the type). Validation goes in two steps, so
 * that errors name the right key: the schedule's own keys first, then its `momentum` block against
 * the schema its `preset` selects (or the custom u/v schema). `configJsonSchema()` assembles the
 * full union for editors.
 */


export const CustomMomentum = z.strictObject({
  u: ScheduleValue.describe('weight of the previous buffer'),
  v: ScheduleValue.default(1).describe('weight of the current gradient (may use u)'),
  params: z.record(z.string().regex(/^[A-Za-z_]\w*$/), z.number()).optional().describe('named constants for expressions'),
  firstStepCopy: z.boolean().default(false).describe('the first step copies the gradient (m_1 = g_1)'),
});

/** A schedule's own keys; `momentum` is validated in the second step. */
export const ScheduleShape = z.strictObject({
  name: z.string().min(1).max(200).optional(),
  description: z.string().optional(),
  steps: z.int().min(1).max(LIMITS.maxSteps).describe('total gradient steps Σ (T in expressions)'),
  stages: z.int().min(1).max(LIMITS.maxStages).optional().describe('number of stages N (default 1)'),
  stageLength: z.int().min(1).max(LIMITS.maxSteps).optional().describe('steps per stage (instead of stages)'),
  lr: ScheduleValue.optional().describe('learning rate α ≥ 0 (a number or a schedule): the parameter step is −α·(the optimizer\'s output)'),
  momentum: z.record(z.string(), z.unknown()),
  sweep: SweepBlock.optional().describe('grid for `momentum-fr sweep` (ignored by the other commands)'),
});

export const FileShape = z.strictObject({
  schedules: z.array(z.record(z.string(), z.unknown())).min(1).max(LIMITS.maxSchedules),
});

/** Top-level keys that are ignored, as in Compose files: a home for YAML anchors (`x-base: &b …`). */
export const EXTENSION_KEY = /^x-/;

export function isExtensionKey(key: string): boolean {
  return EXTENSION_KEY.test(key);
}

export type CustomMomentumConfig = z.output<typeof CustomMomentum>;
export type ScheduleShapeConfig = z.output<typeof ScheduleShape>;

/** A validated schedule config with its momentum block parsed. */
export interface ScheduleConfig extends Omit<ScheduleShapeConfig, 'momentum'> {
  momentum: { preset: string; params: Record<string, unknown> } | { preset?: undefined; custom: CustomMomentumConfig };
}

/** JSON Schema (draft 2020-12) of a config file: one schedule, or `schedules:` with a list. */
export function configJsonSchema(): object {
  const presetMomenta = [...PRESETS.values()].map((p) =>
    p.params.extend({ preset: z.literal(p.name).describe(p.summary) }).describe(`${p.name}: ${p.formula}`),
  );
  const Momentum = z.union([CustomMomentum, ...presetMomenta]);
  const Schedule = ScheduleShape.extend({ momentum: Momentum });
  const File = z.union([Schedule, z.strictObject({ schedules: z.array(Schedule).min(1) })]);
  // A scheduler value is checked as { scheduler: name, … } by the union and parsed by its own schema
  // later: the JSON Schema shows that schema, once, under $defs.
  const schedulers = z.toJSONSchema(SchedulerValue, { io: 'input', target: 'draft-2020-12' }) as Record<string, unknown>;
  const { $schema: _dialect, $defs: schedulerDefs, ...schedulerValue } = schedulers;
  const schema = z.toJSONSchema(File, {
    io: 'input',
    target: 'draft-2020-12',
    override: (ctx) => {
      if (ctx.zodSchema === (SchedulerReference as unknown)) {
        for (const key of Object.keys(ctx.jsonSchema)) delete ctx.jsonSchema[key];
        ctx.jsonSchema.$ref = '#/$defs/SchedulerValue';
      }
    },
  }) as { anyOf: Record<string, unknown>[]; $defs?: Record<string, unknown> };
  schema.$defs = { ...schema.$defs, ...(schedulerDefs as Record<string, unknown> | undefined), SchedulerValue: schedulerValue };
  // zod has no pattern keys: allow the ignored `x-` keys at the top level of both forms here.
  for (const form of schema.anyOf) {
    form.patternProperties = { [EXTENSION_KEY.source]: { description: 'ignored: a place for YAML anchors, as in Compose files' } };
  }
  return schema;
}

/** Keys a strict object allows at `path` inside `schema` (for "did you mean" on unknown keys); of a union, its objects' keys. */
export function keysAt(schema: z.ZodType, path: readonly PropertyKey[]): string[] {
  let node: z.ZodType | undefined = schema;
  for (const key of path) {
    node = child(node, key);
    if (!node) return [];
  }
  const obj = unwrap(node);
  if (obj instanceof z.ZodObject) return Object.keys(obj.shape);
  // A value of several forms ({ piecewise }, { scheduler }, { table, column }): the keys of all of them.
  if (obj instanceof z.ZodUnion) return [...new Set((obj.options as z.ZodType[]).flatMap((option) => keysAt(option, [])))];
  return [];
}

function unwrap(s: z.ZodType | undefined): z.ZodType | undefined {
  while (s instanceof z.ZodDefault || s instanceof z.ZodOptional) s = s.unwrap() as z.ZodType;
  return s;
}

function child(s: z.ZodType | undefined, key: PropertyKey): z.ZodType | undefined {
  const node = unwrap(s);
  if (node instanceof z.ZodObject) return node.shape[key as string] as z.ZodType | undefined;
  if (node instanceof z.ZodArray) return node.element as z.ZodType;
  if (node instanceof z.ZodUnion) {
    for (const option of node.options as z.ZodType[]) {
      const c = child(option, key);
      if (c) return c;
    }
  }
  return undefined;
}
