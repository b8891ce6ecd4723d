import { segmentTrend } from './detrend.js';
import { rfftPlan } from '../math/fft-plan.js';
import type { SegmentLayout } from './segment-layout.js';

/** Writes the one-sided spectrum (⌊nfft/2⌋ + 1 bins) of the segment of x starting at `start`. */
export type SegmentTransform = (x: Float64Array, start: number, outRe: Float64Array, outIm: Float64Array) => void;

/**
 * The per-segment step of Welch's method, as scipy's _fft_helper: X = rfft(w · detrend(x_seg), nfft).
 *
 * One scratch buffer of nfft samples is reused for every segment; samples nperseg … nfft−1
 * stay zero (the zero-padding). Detrending and windowing share one pass:
 * buf[i] = (x[start+i] − (offset + slope·i)) · w[i].
 */
export function segmentTransform(layout: SegmentLayout): SegmentTransform {
  const { nperseg, nfft, window, detrend } = layout;
  const plan = rfftPlan(nfft);
  const buf = new Float64Array(nfft);
  const line = new Float64Array(2);
  return (x, start, outRe, outIm) => {
    segmentTrend(x, start, nperseg, detrend, line);
    const offset = line[0], slope = line[1];
    for (let i = 0; i < nperseg; i++) buf[i] = (x[start + i] - (offset + slope * i)) * window[i];
    plan.transform(buf, outRe, outIm);
  };
}
