/**
 * "Did you mean …?": the closest candidate by Damerau–Levenshtein distance, if it is close enough
 * (the same rule as commander's suggestSimilar: distance ≤ 40 % of the length).
 */
export function suggestSimilar(word: string, candidates: Iterable<string>): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const c of candidates) {
    // The distance is at least the difference in length: skip hopeless (e.g. 10 MB) words cheaply.
    if (Math.abs(word.length - c.length) > Math.max(1, Math.floor(0.4 * c.length))) continue;
    const d = editDistance(word.toLowerCase(), c.toLowerCase());
    if (d < bestDistance && d <= Math.max(1, Math.floor(0.4 * c.length))) {
      best = c;
      bestDistance = d;
    }
  }
  return best;
}

function editDistance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => [i, ...new Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0][j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
    }
  }
  return d[a.length][b.length];
}

/** ` (did you mean "x"?)` or '' */
export function didYouMean(word: string, candidates: Iterable<string>): string {
  const s = suggestSimilar(word, candidates);
  return s ? ` (did you mean "${s}"?)` : '';
}
