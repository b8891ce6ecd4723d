import type { Schedule } from '../types.js';
import { partitionIssues } from './checks.js';
import type { ConfigIssue, ConfigWarning } from './issues.js';
import { isPrototypeKey, prototypeKeyMessage } from './key-path.js';
import { applyOverride } from './config-path.js';
import { plainConfig } from './plain-config.js';
import { PRESETS } from './presets/index.js';
import { resolveSchedule } from './resolve.js';
import { CustomMomentum, FileShape, isExtensionKey, keysAt, ScheduleShape, type ScheduleConfig } from './schema.js';
import { budgetText, type BudgetKnob } from './budgets.js';
import { stageTablesOverBudget } from './stage-table-cost.js';
import { placeTableIssues, readTables, type ReadTable, type TablePlace } from './table-values.js';
import { readYamlDocuments, type SourceDocument } from './yaml-source.js';
import { fromZodIssues } from './zod-issues.js';
import { unknownPresetText } from './preset-document.js';
import { LIBRARY_VOCABULARY, type Vocabulary } from '../vocabulary.js';
import { overwrittenValueNote } from './overwritten-value.js';
import { resolveArena, valuesOf } from './resolve-arena.js';

export interface ParseOptions {
  /** Accept stages with |u| ≥ 1 (marginal or unstable filters). */
  allowUnstable?: boolean;
  /**
   * Overrides applied to every schedule before validation: `momentum.c` → 0.05. A one-key path is
   * a bare name, resolved per schedule as everywhere (config-path.ts: `beta` → momentum.beta).
   * `origin` (`--set momentum.c=-1`) locates the issues about the value: they name it instead of a
   * line of the text.
   */
  overrides?: Override[];
  /** Used to name schedules that have no `name`. */
  defaultName?: string;
  /** The words messages use for the knobs (`momentum-fr presets` in the CLI); the library's by default. */
  vocabulary?: Vocabulary;
  /**
   * Reads `{ table: file }` values (the config loader's: src/io/read-table.ts, files relative to the
   * config file). Without it a file name is an issue; `{ table: [values] }` needs no reader.
   */
  readTable?: ReadTable;
  /**
   * Keep each config's resolved values (a learning rate's per-step values, a scheduler's run…) for
   * the resolves of the same config object that follow (a sweep's or tune's points: pointEvaluator),
   * so that they are not made again at the first point (resolve-arena.ts, valuesOf). They live as
   * long as the config object.
   */
  keepValues?: boolean;
}

export interface ParseResult {
  schedules: Schedule[];
  configs: ScheduleConfig[];
  /** Every problem in the text, each with line and column where the text has them. */
  issues: ConfigIssue[];
  /** What resolved but may not mean what was written, and notes; located like issues. */
  warnings: ConfigWarning[];
  /** The documents read (one for a value), with `locate(path)` → line and column in the text. */
  documents: SourceDocument[];
}

type Path = (string | number)[];

/** Issues about a key itself (not its value) point at the key. */
const KEY_CODES = new Set(['unknown_key', 'reserved_key', 'reserved_name']);

/**
 * Config text (YAML or JSON; several documents or a `schedules:` list) → resolved schedules.
 * Pure: takes text, returns data; all problems of the text are returned at once, never thrown.
 */
export function parseSchedules(text: string, options: ParseOptions = {}): ParseResult {
  if (typeof text !== 'string') return parseConfig(text, options);
  const { documents, issues } = readYamlDocuments(text);
  return schedulesOf(documents, issues, options);
}

/**
 * A config as a JS value (what the YAML would give: `{ steps, momentum }` or `{ schedules: [...] }`)
 * → resolved schedules, through the same validation as text. Issues have key paths, no line:col.
 * Never throws, whatever the value (cycles, getters that throw and class instances are issues).
 */
export function parseConfig(value: unknown, options: ParseOptions = {}): ParseResult {
  return schedulesOf([{ index: 0, value, locate: () => undefined }], [], options);
}

function schedulesOf(documents: SourceDocument[], issues: ConfigIssue[], options: ParseOptions): ParseResult {
  const result: ParseResult = { schedules: [], configs: [], issues, warnings: [], documents };
  if (documents.length === 0 && issues.length === 0) {
    issues.push({ code: 'empty', path: [], message: 'no schedule in the input (expected steps, stages and momentum)', line: 1, column: 1 });
  }
  const overrides = checkOverrides(options.overrides ?? []);
  issues.push(...overrides.issues);
  if (overrides.issues.length > 0) return result;
  // Every schedule is validated first, so that the stage tables of all of them are checked against
  // their budget before any is built (40 schedules of 10⁷ stages would otherwise allocate 13 GB).
  type Located = <T extends ConfigIssue>(list: T[]) => T[];
  const entries: ({ issues: ConfigIssue[] } | { config: ScheduleConfig; path: Path; located: Located })[] = [];
  for (const doc of documents) {
    const located: Located = (list) =>
      list.map((i) => (i.line !== undefined || i.origin !== undefined ? i : { ...i, ...doc.locate(i.path, KEY_CODES.has(i.code)) }));
    const plain = plainConfig(doc.value);
    if (plain.issues.length > 0) {
      entries.push({ issues: located(plain.issues) });
      continue;
    }
    const listed = scheduleEntries(plain.value);
    if ('issues' in listed) {
      entries.push({ issues: located(listed.issues) });
      continue;
    }
    for (const { value, path } of listed.list) {
      const patched = applyOverrides(value, overrides.list, path);
      if ('issues' in patched) {
        entries.push({ issues: patched.issues });
        continue;
      }
      // An issue about a value an override set names the override, not the line it replaced: an issue
      // at the overridden key or inside it, else one about a value holding it (`lr: must be ≥ 0 at
      // step 1` from `--set lr.max_lr=-1`), but not the schedule as a whole.
      // A --set path's list indexes are text (`lr.schedulers.0`), an issue's are numbers.
      const within = (outer: Path, inner: Path) => outer.length <= inner.length && outer.every((key, n) => String(inner[n]) === String(key));
      const atOrigin: Located = (list) =>
        located(list.map((i) => {
          const by = patched.origins.findLast((o) => within(o.path, i.path)) ?? (i.path.length > path.length ? patched.origins.findLast((o) => within(i.path, o.path)) : undefined);
          return by ? { ...i, origin: by.origin } : i;
        }));
      const checked = validateSchedule(patched.value, path, options.vocabulary ?? LIBRARY_VOCABULARY);
      if (checked.issues.length === 0) {
        // An override of a value the schedule overwrites (cycle_momentum) changes nothing: said once, at the override.
        for (const o of patched.origins) {
          const note = overwrittenValueNote(checked.config!, o.path.slice(path.length));
          if (note) result.warnings.push({ code: 'overwritten', severity: 'warning', path: [], message: note, origin: o.origin });
        }
      }
      entries.push(checked.issues.length > 0 ? { issues: atOrigin(checked.issues) } : { config: checked.config!, path, located: atOrigin });
    }
  }
  const tooBig = stageTablesOverBudget(entries.flatMap((e) => ('config' in e ? [e.config] : [])));
  if (tooBig) {
    issues.push(...entries.flatMap((e) => ('issues' in e ? e.issues : [])), { code: tooBig.code, path: [], message: budgetText(tooBig, stageKnob) });
    return result;
  }
  const several = documents.length > 1 || entries.length > 1;
  for (const entry of entries) {
    if ('issues' in entry) {
      issues.push(...inPositionOrder(entry.issues));
      continue;
    }
    const { config, path, located } = entry;
    // Tables are read once the config is valid and within its budget (its steps bound them), outside the text's size limit.
    const places: TablePlace[] = [];
    const unread = readTables(config, path, options.readTable, places);
    if (unread.length > 0) {
      issues.push(...located(unread));
      continue;
    }
    const fallbackName = several ? `${options.defaultName ?? 'schedule'}-${result.configs.length + 1}` : (options.defaultName ?? 'schedule');
    const arena = options.keepValues ? resolveArena(valuesOf(config)) : undefined;
    const resolved = resolveSchedule(config, { name: config.name ?? fallbackName, path, allowUnstable: options.allowUnstable, vocabulary: options.vocabulary, arena });
    result.warnings.push(...located(resolved.warnings ?? []));
    if (resolved.issues.length > 0) {
      issues.push(...located(placeTableIssues(resolved.issues, places)));
      continue;
    }
    result.configs.push(config);
    result.schedules.push(resolved.schedule!);
  }
  return result;
}

/** The config keys that make stage tables smaller (the same words in the library and the CLI). */
function stageKnob(knob: BudgetKnob): string {
  return knob === 'stageCount' ? 'fewer stages (stages or stageLength)' : knob === 'steps' ? 'fewer steps' : knob === 'schedules' ? 'fewer schedules per run' : knob;
}

/**
 * The schedules of a document: the root mapping itself, or each entry of its `schedules:` list.
 * Top-level keys starting with `x-` are ignored (as in Compose files): a place for YAML anchors.
 */
function scheduleEntries(value: unknown): { list: { value: unknown; path: Path }[] } | { issues: ConfigIssue[] } {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { issues: [{ code: 'invalid_type', path: [], message: 'expected a mapping with steps, stages and momentum', received: value }] };
  }
  const root = Object.fromEntries(Object.entries(value).filter(([key]) => !isExtensionKey(key)));
  if (!Object.hasOwn(root, 'schedules')) return { list: [{ value: root, path: [] }] };
  const file = FileShape.safeParse(root, { reportInput: true });
  if (!file.success) return { issues: fromZodIssues(file.error.issues, [], (p) => keysAt(FileShape, p)) };
  return { list: file.data.schedules.map((v, i) => ({ value: v, path: ['schedules', i] })) };
}

function validateSchedule(value: unknown, base: Path, vocabulary: Vocabulary): { config?: ScheduleConfig; issues: ConfigIssue[] } {
  const shape = ScheduleShape.safeParse(value, { reportInput: true });
  if (!shape.success) {
    // Still check the momentum block, so that one run reports every problem of the file.
    const issues = fromZodIssues(shape.error.issues, base, (p) => keysAt(ScheduleShape, p));
    const momentum = (value as { momentum?: unknown }).momentum;
    if (typeof momentum === 'object' && momentum !== null && !Array.isArray(momentum)) {
      issues.push(...validateMomentum(momentum as Record<string, unknown>, [...base, 'momentum'], vocabulary).issues);
    }
    return { issues };
  }
  const { momentum, ...rest } = shape.data;
  const issues: ConfigIssue[] = [];
  issues.push(...partitionIssues(rest, base));
  const checked = validateMomentum(momentum, [...base, 'momentum'], vocabulary);
  issues.push(...checked.issues);
  if (issues.length > 0 || !checked.momentum) return { issues };
  return { issues, config: { ...rest, momentum: checked.momentum } };
}

/** What a PyTorch user's `weight_decay:` under a preset gets in place of a bare "unknown key". */
const WEIGHT_DECAY_SPELLING = 'weight decay does not enter the momentum filter (it is added to the gradient before momentum filters it), so it is not a key';

function validateMomentum(momentum: Record<string, unknown>, mBase: Path, vocabulary: Vocabulary): { momentum?: ScheduleConfig['momentum']; issues: ConfigIssue[] } {
  if (Object.hasOwn(momentum, 'preset')) {
    const { preset: name, ...given } = momentum;
    const preset = typeof name === 'string' ? PRESETS.get(name) : undefined;
    if (!preset) {
      const msg = typeof name === 'string' ? unknownPresetText(name, vocabulary) : 'expected a preset name';
      return { issues: [{ code: 'unknown_preset', path: [...mBase, 'preset'], message: msg, received: name }] };
    }
    const params = Object.fromEntries(Object.entries(given).filter(([key, value]) => !(preset.torchDefaults && Object.hasOwn(preset.torchDefaults, key) && Object.is(preset.torchDefaults[key], value))));
    const parsed = preset.params.safeParse(params, { reportInput: true });
    if (!parsed.success) {
      const known = (p: PropertyKey[]) => (p.length === 0 ? ['preset', ...keysAt(preset.params, p)] : keysAt(preset.params, p));
      const spellings: Readonly<Record<PropertyKey, string>> = { weight_decay: WEIGHT_DECAY_SPELLING, ...preset.torchSpellings };
      const spelt = (i: ConfigIssue) => (i.code === 'unknown_key' && i.path.length === mBase.length + 1 && Object.hasOwn(spellings, i.path[mBase.length]) ? { ...i, message: `unknown key: ${spellings[i.path[mBase.length]]}` } : i);
      return { issues: fromZodIssues(parsed.error.issues, mBase, known).map(spelt) };
    }
    return { issues: [], momentum: { preset: preset.name, params: parsed.data as Record<string, unknown> } };
  }
  const custom = CustomMomentum.safeParse(momentum, { reportInput: true });
  if (!custom.success) {
    const known = (p: PropertyKey[]) => (p.length === 0 ? ['preset', ...keysAt(CustomMomentum, p)] : keysAt(CustomMomentum, p));
    return { issues: fromZodIssues(custom.error.issues, mBase, known) };
  }
  return { issues: [], momentum: { custom: custom.data } };
}

export type Override = { path: string[]; value: unknown; origin?: string };

/** Override paths must be non-empty lists of keys without prototype keys; values must be plain data. */
function checkOverrides(overrides: readonly Override[]): { list: Override[]; issues: ConfigIssue[] } {
  const issues: ConfigIssue[] = [];
  const list: Override[] = [];
  for (const o of overrides) {
    const path = Array.isArray(o?.path) ? o.path : [];
    if (path.length === 0 || path.some((k) => typeof k !== 'string' || k === '')) {
      issues.push({ code: 'invalid_override', path: [], message: 'an override needs a path of one or more non-empty keys' });
      continue;
    }
    const bad = path.find(isPrototypeKey);
    if (bad !== undefined) {
      issues.push({ code: 'reserved_key', path, message: prototypeKeyMessage(bad) });
      continue;
    }
    const plain = plainConfig(o.value);
    if (plain.issues.length > 0) {
      issues.push(...plain.issues.map((i) => ({ ...i, path: [...path, ...i.path] })));
      continue;
    }
    list.push({ path, value: plain.value, ...(typeof o.origin === 'string' ? { origin: o.origin } : {}) });
  }
  return { list, issues };
}

/**
 * Sets each override on a copy of the schedule mapping at `base` (config-path.ts: bare names
 * resolved against the schedule as it stands after the overrides before it), with the full path
 * each one set and its origin; or an issue for a bare name that means nothing in this schedule.
 */
function applyOverrides(value: unknown, overrides: readonly Override[], base: Path): { value: unknown; origins: { path: Path; origin: string }[] } | { issues: ConfigIssue[] } {
  if (overrides.length === 0) return { value, origins: [] };
  const root = structuredClone(value) as Record<string, unknown>;
  const origins: { path: Path; origin: string }[] = [];
  for (const o of overrides) {
    const set = applyOverride(root, o.path, o.value);
    if ('error' in set) return { issues: [{ code: 'unknown_key', path: base, message: set.error, ...(o.origin !== undefined ? { origin: o.origin } : {}) }] };
    if (o.origin !== undefined) origins.push({ path: [...base, ...set], origin: o.origin });
  }
  return { value: root, origins };
}

/** One schedule's issues by line and column (stable: unlocated ones, and those of an override, keep their order, after the located). */
function inPositionOrder(list: ConfigIssue[]): ConfigIssue[] {
  const at = (i: ConfigIssue) => (i.line === undefined ? Infinity : i.line * 1e6 + (i.column ?? 0));
  return [...list].sort((a, b) => (at(a) === at(b) ? 0 : at(a) - at(b)));
}
