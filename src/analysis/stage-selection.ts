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
      if (n < 1) return { error: `every:N needs N ≥ 1 (got "${part}")` };
      for (let i = 0; i < count; i += n) chosen.add(i);
      chosen.add(count - 1);
      continue;
    }
    const range = /^(.+)\.\.(.+)$/.exec(part);
    if (range) {
      const a = index(range[1]);
      const b = index(range[2]);
      if (a === undefined || b === undefined) return { error: `"${part}" is not a stage range (e.g. 0..10)` };
      if (a < 0 || b >= count || a > b) return { error: `stage range ${part} is outside 0..${count - 1}` };
      for (let i = a; i <= b; i++) chosen.add(i);
      continue;
    }
    const i = index(part);
    if (i === undefined) return { error: `"${part}" is not a stage (use all, none, first, last, an index, a..b or every:N)` };
    if (i < 0 || i >= count) return { error: `stage ${part} does not exist: the schedule has stages 0..${count - 1}` };
    chosen.add(i);
  }
  return [...chosen].sort((a, b) => a - b);
}
