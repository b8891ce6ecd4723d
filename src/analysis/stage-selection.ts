import { excerpt, quoted } from '../util/excerpt.js';
import type { ConfigIssue } from '../schedule/issues.js';
import type { Schedule } from '../types.js';
/**
 * `--stages`: which stages to report. Grammar (comma-separated, combined as a set, reported in order):
 *   all | none | first | last | <index> | <from>..<to> | every:<n> (0, n, 2n, … and the last stage)
 * Indices count from 0; negative indices count from the end (−1 = last), as in Python.
 */
export function selectStages(spec: string, count: number): number[] | { error: string } {
  const trimmed = spec.trim();
  if (trimmed === '' ) return { error: 'empty stage selection' };
  if (trimmed === 'all') return Array.from({ length: count }, (_, i) => i);
  if (trimmed === 'none') return [];
  const chosen = new Set<number>();
  const index = (text: string): number | undefined => {
    if (text === 'first') return 0;
    if (text === 'last') return count - 1;
    if (!/^-?\d+$/.test(text)) return undefined;
    const n = Number(text);
    return n < 0 ? count + n : n;
  };
  for (const raw of trimmed.split(',')) {
    const part = raw.trim();
    const every = /^every:(\d+)$/.exec(part);
    if (every) {
      const n = Number(every[1]);
      if (n < 1) return { error: `every:N needs N ≥ 1 (got ${quoted(part)})` };
      for (let i = 0; i < count; i += n) chosen.add(i);
      chosen.add(count - 1);
      continue;
    }
    const range = /^(.+)\.\.(.+)$/.exec(part);
    if (range) {
      const a = index(range[1]);
      const b = index(range[2]);
      if (a === undefined || b === undefined) return { error: `${quoted(part)} is not a stage range (e.g. 0..10)` };
      if (a < 0 || b >= count || a > b) return { error: `stage range ${excerpt(part)} is outside 0..${count - 1}` };
      for (let i = a; i <= b; i++) chosen.add(i);
      continue;
    }
    const i = index(part);
    if (i === undefined) return { error: `${quoted(part)} is not a stage (use all, none, first, last, an index, a..b or every:N)` };
    if (i < 0 || i >= count) return { error: `stage ${excerpt(part)} does not exist: the schedule has stages 0..${count - 1}` };
    chosen.add(i);
  }
  return [...chosen].sort((a, b) => a - b);
}

/**
 * The stages `spec` selects in `schedule`, or an OptionError issue at `path` naming the schedule:
 * how library functions that take a selection report a bad one.
 */
export function selectedStages(spec: string, schedule: Schedule, path: (string | number)[] = ['stages']): number[] | { issue: ConfigIssue } {
  const chosen = selectStages(spec, schedule.stages.count);
  if (Array.isArray(chosen)) return chosen;
  return { issue: { code: 'invalid_option', path, message: `${chosen.error} (schedule ${schedule.name})` } };
}
