/**
 * Axis of counts (training steps, samples): "200", "1.4k", "117k", "1M". Vega's `~s` format gives
 * every tick the SI prefix and precision of the step between ticks, so 200 and 600 read "0.2k" and
 * "0.6k"; here each label is scaled by its own magnitude and printed with `~g` (at most 6
 * significant digits, trailing zeros dropped; nice ticks need 1–3).
 */
export const STEP_LABELS = {
  labelExpr:
    "abs(datum.value) >= 1e6 ? format(datum.value / 1e6, '~g') + 'M' : abs(datum.value) >= 1e3 ? format(datum.value / 1e3, '~g') + 'k' : format(datum.value, '~g')",
  labelOverlap: true,
  /** About one tick per 70 px of a 560 px panel: 500-step ticks over 4 000 steps, 10k over 117 000. */
  tickCount: 8,
} as const;
