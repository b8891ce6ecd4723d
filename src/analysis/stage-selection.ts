import { excerpt, quoted } from '../util/excerpt.js';
import type { ConfigIssue } from '../schedule/issues.js';
import { stageOfStep } from '../schedule/stages.js';
import type { Schedule, StageTable } from '../types.js';

/**
 * The one stage-selection grammar (`--stages` of analyze, plot, simulate and sweep, `--plot-stage`,
 * tune targets). A comma list, combined as a set and reported in ascending order, of
 *
 *   all | none | first | last | final | K | -K | a..b | every:N | step:S
 *
 * Indices count from 0; negative indices count from the end (−1 = last), as in Python; `final` is
 * `last`. `every:N` is 0, N, 2N, … and the last stage. `step:S` is the stage that contains optimizer
 * step S (1-based, as PyTorch counts `optimizer.step()` calls).
 *
 * Two phases, as in any option parser: `parseStageSelection` finds syntax errors before any work,
 * `stagesOf` maps a parsed selection onto a schedule's stages (errors that depend on the schedule).
 */

/** One stage named by its position: from the start (K ≥ 0) or from the end (K < 0). */
type StageEnd = { index: number };

type Part =
  | { kind: 'all' }
  | { kind: 'none' }
  | { kind: 'stage'; at: StageEnd; text: string }
  | { kind: 'range'; from: StageEnd; to: StageEnd; text: string }
  | { kind: 'every'; n: number }
  | { kind: 'step'; step: number };

/** A parsed selection: apply it to any schedule with `stagesOf`. */
export interface StageSelection {
  readonly text: string;
  readonly parts: readonly Part[];
  /** True when the result depends only on the stage count (no `step:S`), so it may be cached per count. */
  readonly byCount: boolean;
}

/**
 * What is wrong with a selection, as data: `syntax` (not the grammar, found before any work),
 * `not_single` (a list or range where one stage is wanted), `stage_outside` and `step_outside`
 * (the schedule has no such stage or step).
 */
export interface SelectionError {
  code: 'syntax' | 'not_single' | 'stage_outside' | 'stage_reversed' | 'step_outside';
  error: string;
}

export interface SelectionOptions {
  /** Exactly one stage is wanted (`--plot-stage`, a tune target): first, last, final, K, -K or step:S. */
  single?: boolean;
}

const FORMS = 'all, none, first, last, an index, a..b, every:N or step:S';
const SINGLE_FORMS = 'first, last, final, an index or step:S';

/** `text` → a selection, or a syntax error (before any schedule is looked at). */
export function parseStageSelection(text: string, options: SelectionOptions = {}): StageSelection | SelectionError {
  const trimmed = text.trim();
  if (trimmed === '') return { code: 'syntax', error: 'empty stage selection' };
  const parts: Part[] = [];
  for (const raw of trimmed.split(',')) {
    const part = parsePart(raw.trim());
    if ('error' in part) return part;
    parts.push(part);
  }
  if (options.single && (parts.length !== 1 || (parts[0].kind !== 'stage' && parts[0].kind !== 'step'))) {
    return { code: 'not_single', error: `${quoted(trimmed)} is not one stage (use ${SINGLE_FORMS})` };
  }
  return { text: trimmed, parts, byCount: parts.every((p) => p.kind !== 'step') };
}

function parsePart(part: string): Part | SelectionError {
  if (part === 'all') return { kind: 'all' };
  if (part === 'none') return { kind: 'none' };
  const every = /^every:(\d+)$/.exec(part);
  if (every) {
    const n = Number(every[1]);
    if (n < 1) return { code: 'syntax', error: `every:N needs N ≥ 1 (got ${quoted(part)})` };
    return { kind: 'every', n };
  }
  const step = /^step:(\d+)$/.exec(part);
  if (step) return { kind: 'step', step: Number(step[1]) };
  const range = /^(.+)\.\.(.+)$/.exec(part);
  if (range) {
    const from = stageEnd(range[1]);
    const to = stageEnd(range[2]);
    if (from === undefined || to === undefined) return { code: 'syntax', error: `${quoted(part)} is not a stage range (e.g. 0..10)` };
    return { kind: 'range', from, to, text: part };
  }
  const at = stageEnd(part);
  if (at === undefined) return { code: 'syntax', error: `${quoted(part)} is not a stage (use ${FORMS})` };
  return { kind: 'stage', at, text: part };
}

function stageEnd(text: string): StageEnd | undefined {
  if (text === 'first') return { index: 0 };
  if (text === 'last' || text === 'final') return { index: -1 };
  if (!/^-?\d+$/.test(text)) return undefined;
  return { index: Number(text) };
}

/** The stages a table has: a count, or the spans (needed by `step:S`). */
export type StageSpans = number | Pick<StageTable, 'count' | 'startStep' | 'endStep'>;

/** The stage indices `selection` names in `stages` (ascending, each once), or why it names none there. */
export function stagesOf(selection: StageSelection, stages: StageSpans): number[] | SelectionError {
  const count = typeof stages === 'number' ? stages : stages.count;
  const chosen = new Set<number>();
  const absolute = (end: StageEnd) => (end.index < 0 ? count + end.index : end.index);
  for (const part of selection.parts) {
    switch (part.kind) {
      case 'all':
        for (let i = 0; i < count; i++) chosen.add(i);
        break;
      case 'none':
        break;
      case 'every':
        for (let i = 0; i < count; i += part.n) chosen.add(i);
        chosen.add(count - 1);
        break;
      case 'range': {
        const a = absolute(part.from);
        const b = absolute(part.to);
        if (a < 0 || b >= count) return { code: 'stage_outside', error: `stage range ${excerpt(part.text)} is outside 0..${count - 1}` };
        if (a > b) return { code: 'stage_reversed', error: `stage range ${excerpt(part.text)} is reversed (stage ${a} after stage ${b}); write the lower end first: ${b}..${a}` };
        for (let i = a; i <= b; i++) chosen.add(i);
        break;
      }
      case 'stage': {
        const i = absolute(part.at);
        if (i < 0 || i >= count) return { code: 'stage_outside', error: `stage ${excerpt(part.text)} does not exist: the schedule has stages 0..${count - 1}` };
        chosen.add(i);
        break;
      }
      case 'step': {
        if (typeof stages === 'number') return { code: 'step_outside', error: `step:${part.step} needs the schedule's stage boundaries, not only its stage count` };
        const i = stageOfStep(stages as StageTable, part.step);
        if (i < 0) return { code: 'step_outside', error: `step:${part.step} is outside the schedule's steps 1..${stages.endStep[stages.count - 1]}` };
        chosen.add(i);
        break;
      }
    }
  }
  return [...chosen].sort((a, b) => a - b);
}

/** Parse and apply in one call: the stages `spec` selects in `stages`, or why it selects none. */
export function selectStages(spec: string, stages: StageSpans): number[] | SelectionError {
  const selection = parseStageSelection(spec);
  return 'error' in selection ? selection : stagesOf(selection, stages);
}

/**
 * The stages `spec` selects in `schedule`, or an OptionError issue at `path` naming the schedule:
 * how library functions that take a selection report a bad one.
 */
export function selectedStages(spec: string, schedule: Schedule, path: (string | number)[] = ['stages']): number[] | { issue: ConfigIssue } {
  const chosen = selectStages(spec, schedule.stages);
  if (Array.isArray(chosen)) return chosen;
  return { issue: { code: 'invalid_option', path, message: `${chosen.error} (schedule ${quoted(schedule.name)})` } };
}

/**
 * A selection applied point after point (a sweep, a tune): parsed once, and cached per stage count
 * when it does not depend on the step boundaries (a swept `steps` or `stages` changes the count).
 * A syntax error is returned for every table.
 */
export function stageSelector(spec: string, options: SelectionOptions = {}): (stages: StageSpans) => number[] | SelectionError {
  const selection = parseStageSelection(spec, options);
  if ('error' in selection) return () => selection;
  if (!selection.byCount) return (stages) => stagesOf(selection, stages);
  const cache = new Map<number, number[] | SelectionError>();
  return (stages) => {
    const count = typeof stages === 'number' ? stages : stages.count;
    let hit = cache.get(count);
    if (!hit) {
      hit = stagesOf(selection, stages);
      cache.set(count, hit);
    }
    return hit;
  };
}
