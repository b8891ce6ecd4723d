/**
 * Which piecewise segment a stage takes. The rule (docs/config.md, the schema): the value applies from
 * the stage containing step `from` (1-based) on; a later segment starting in the same stage wins there.
 * So stage k takes the last segment whose `from` is ≤ the stage's last step. `froms` are the segments'
 * first steps in increasing order (checked by the caller).
 *
 * Binary search: O(log segments) per stage, so 2·10⁵ segments over 10⁵ stages cost ~2·10⁶ comparisons.
 */
export function segmentOfStage(froms: Float64Array, lastStep: number): number {
  let lo = 0;
  let hi = froms.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >>> 1;
    if (froms[mid] <= lastStep) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}
