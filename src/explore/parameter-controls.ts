import { z } from 'zod';
import { PRESETS } from '../schedule/presets/index.js';
import { cyclingScheduler } from '../schedule/overwritten-value.js';
import { SchedulerValue } from '../schedule/schedulers/scheduler-value.js';
import { configDocuments } from './config-documents.js';

/** One slider (and number box) of the page: a number of one schedule in the config text. */
export interface ParameterControl {
  /** Index of the schedule in the text (parseSchedules' order). */
  schedule: number;
  /** The schedule's `name`, or `schedule N` (1-based) when it has none. */
  scheduleName: string;
  /** The key as written: `c`, `steps`, `lr`; a scheduler's keyword argument after its value's key: `lr.max_lr`, `beta1.pct_start`. */
  key: string;
  /** Where to write the value: [document index, ...key path] (setNumber). */
  path: (string | number)[];
  /** The value in the text, or the preset's default when the text leaves it out. */
  value: number;
  /** The slider's ends (the number box takes any value; validation judges it). */
  min: number;
  max: number;
  /** A log slider for positive values that span decades. */
  scale: 'linear' | 'log';
  integer: boolean;
  /** The schema's description of the key (the label's title). */
  description: string;
}

/** A number's facts, in JSON Schema's words: its type, bounds (inclusive or not), default and description. */
interface NumberSchema {
  type?: string;
  minimum?: number;
  exclusiveMinimum?: number;
  maximum?: number;
  exclusiveMaximum?: number;
  default?: unknown;
  description?: string;
}

/** The schedule's own numbers the page offers: steps, stages (when written) and lr. */
const SCHEDULE_NUMBERS: [key: string, schema: NumberSchema][] = [
  ['steps', { type: 'integer', minimum: 1, description: 'total gradient steps Σ' }],
  ['stages', { type: 'integer', minimum: 1, description: 'number of stages N' }],
  ['lr', { type: 'number', minimum: 0, description: 'learning rate α' }],
];

/**
 * Every number of every schedule in a config text that the page can put on a slider: steps,
 * stages and lr where the text writes them as numbers, and each numeric parameter of the
 * schedule's preset (its zod schema: bounds, default, description; a default is offered too, so a
 * slider can add the key). A value written as a scheduler (`lr: { scheduler: OneCycleLR, max_lr: 0.1 }`)
 * offers each numeric keyword argument of that scheduler's schema the same way (`lr.max_lr`,
 * `lr.pct_start`…). A learning-rate scheduler that cycles momentum (cycle_momentum, OneCycleLR's and
 * CyclicLR's default) overwrites the preset's momentum parameter (SGD's `momentum`, Adam's `beta1`):
 * that number gets no slider, the scheduler's `base_momentum`/`max_momentum` do (and only then). A value written as an expression, a list, piecewise or a table is not a number
 * here and gets no slider: it is edited in the YAML (so are a SequentialLR's children). Schedules with a custom `momentum` (u, v)
 * offer their schedule numbers only.
 *
 * Slider ranges (the schema rarely bounds a parameter on both sides): the schema's bounds where
 * they are finite; otherwise, from the value x: a log slider over [x/100, 100·x] for a positive
 * real below 0.5 (c = 0.033, lr = 0.1) or an integer of 100 or more (steps), clipped to the
 * bounds; else a linear slider over [lower bound or 0, 1] for a real x in [0.5, 1) (β = 0.9) and
 * over [lower bound or min(0, 2x), max(1, 2|x|)] beyond (max(10, 2|x|) for an integer).
 */
export function parameterControls(text: string): ParameterControl[] {
  const { documents, schedules } = configDocuments(text);
  const controls: ParameterControl[] = [];
  schedules.forEach((where, schedule) => {
    const node: unknown = documents[where.document].getIn(where.path);
    const config = asRecord((node as { toJSON?: () => unknown })?.toJSON?.());
    if (config === undefined) return;
    const scheduleName = typeof config.name === 'string' ? config.name : `schedule ${schedule + 1}`;
    const add = (keys: string[], schema: NumberSchema, written: unknown, key = keys.at(-1)!) => {
      const value = typeof written === 'number' ? written : typeof schema.default === 'number' ? schema.default : undefined;
      if (value === undefined || !Number.isFinite(value)) return;
      controls.push({ schedule, scheduleName, key, path: [where.document, ...where.path, ...keys], value, description: schema.description ?? '', ...sliderRange(value, schema) });
    };
    // A value written as a scheduler (`{ scheduler: OneCycleLR, max_lr: 0.1 }`): its numeric kwargs, written or defaulted.
    const addScheduler = (keys: string[], written: unknown) => {
      const spec = asRecord(written);
      const schema = typeof spec?.scheduler === 'string' ? schedulerSchema(spec.scheduler) : undefined;
      if (spec === undefined || schema === undefined) return;
      const cycles = cyclingScheduler(spec, keys) !== undefined;
      for (const [kwarg, property] of Object.entries(schema.shape as Record<string, z.ZodType>)) {
        // base_momentum/max_momentum do something only with cycle_momentum (and only under lr).
        if (MOMENTUM_KWARGS.has(kwarg) && !(cycles && keys.length === 1 && keys[0] === 'lr')) continue;
        const form = numberForm(property);
        if (form !== undefined && (spec[kwarg] === undefined || typeof spec[kwarg] === 'number')) add([...keys, kwarg], form, spec[kwarg], `${keys.at(-1)}.${kwarg}`);
      }
    };
    for (const [key, schema] of SCHEDULE_NUMBERS) {
      if (typeof config[key] === 'number') add([key], schema, config[key]);
      else addScheduler([key], config[key]);
    }
    const momentum = asRecord(config.momentum);
    const preset = typeof momentum?.preset === 'string' ? PRESETS.get(momentum.preset) : undefined;
    if (momentum === undefined || preset === undefined) return;
    // With cycle_momentum, lr's scheduler overwrites the optimizer's momentum (SGD's momentum, Adam's
    // beta1) at every step: no slider for a number that does nothing; lr.base_momentum/max_momentum instead.
    // (SequentialLR's children too: the one rule, overwritten-value.ts, that also warns about --set/--grid.)
    const overwritten = cyclingScheduler(config.lr, ['lr']) ? preset.momentumParam : undefined;
    for (const [key, property] of Object.entries(preset.params.shape as Record<string, z.ZodType>)) {
      if (key === overwritten) continue;
      const schema = numberForm(property);
      if (schema !== undefined && (momentum[key] === undefined || typeof momentum[key] === 'number')) add(['momentum', key], schema, momentum[key]);
      else if (schema !== undefined) addScheduler(['momentum', key], momentum[key]);
    }
  });
  return controls;
}

/**
 * A parameter's number form, read from its zod schema: the number itself, or the number branch of
 * a parameter that may be scheduled (scheduled(): a number, an expression, a scheduler…) or be
 * null, with the parameter's default and description. Bounds are the number's (its minValue and
 * maxValue, exclusive or not), so the slider stays where zod accepts the number.
 */
function numberForm(schema: z.ZodType): NumberSchema | undefined {
  let node = schema;
  let fallback: unknown;
  let description = schema.description;
  while (node instanceof z.ZodDefault || node instanceof z.ZodOptional || node instanceof z.ZodNullable) {
    if (node instanceof z.ZodDefault && fallback === undefined) fallback = node.def.defaultValue;
    node = node.unwrap() as z.ZodType;
    description ??= node.description;
  }
  const number = node instanceof z.ZodNumber ? node : node instanceof z.ZodUnion ? (node.options as z.ZodType[]).find((o) => o instanceof z.ZodNumber) : undefined;
  if (number === undefined) return undefined;
  const finite = (x: number | null) => (x !== null && Number.isFinite(x) ? x : undefined);
  return { type: number.isInt ? 'integer' : 'number', minimum: finite(number.minValue), maximum: finite(number.maxValue), default: fallback, description: description ?? number.description };
}

/** The slider's range and scale for a value under a schema's bounds (see parameterControls). */
export function sliderRange(x: number, schema: NumberSchema): Pick<ParameterControl, 'min' | 'max' | 'scale' | 'integer'> {
  const integer = schema.type === 'integer';
  const lower = schema.minimum ?? schema.exclusiveMinimum;
  const upper = schema.maximum ?? schema.exclusiveMaximum;
  const clip = (v: number) => Math.min(upper ?? Infinity, Math.max(lower ?? -Infinity, v));
  if (lower !== undefined && upper !== undefined && upper - lower <= 1e6) {
    return { min: lower, max: upper, scale: lower > 0 && upper / lower >= 100 ? 'log' : 'linear', integer };
  }
  if (x > 0 && (integer ? x >= 100 : x < 0.5)) {
    // An exclusive lower bound of 0 stays off the slider: a log scale never reaches it.
    const min = clip(x / 100);
    return { min: min > 0 ? (integer ? Math.max(1, Math.round(min)) : min) : x / 100, max: clip(x * 100), scale: 'log', integer };
  }
  if (!integer && x >= 0.5 && x < 1) return { min: clip(lower ?? 0), max: clip(1), scale: 'linear', integer };
  return { min: clip(lower ?? Math.min(0, 2 * x)), max: clip(Math.max(integer ? 10 : 1, 2 * Math.abs(x))), scale: 'linear', integer };
}

/** A scheduler's keyword arguments that set the momentum it cycles (OneCycleLR, CyclicLR). */
const MOMENTUM_KWARGS = new Set(['base_momentum', 'max_momentum']);

/** The schema of the scheduler named `name` (one branch of SchedulerValue), or undefined for an unknown name. */
function schedulerSchema(name: string): z.ZodObject | undefined {
  const options = (SchedulerValue as unknown as z.ZodDiscriminatedUnion<z.ZodObject[]>).options;
  return options.find((o) => (o.shape.scheduler as z.ZodLiteral<string>).value === name);
}

function asRecord(value: unknown): Record<string, unknown> | undefined {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
}
