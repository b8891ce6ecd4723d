import { counted, OUTPUT_BYTES_PER_NUMBER, overBudget, type BudgetIssue } from '../schedule/budgets.js';

/** The size of a Welch or spectrogram computation, from its segment layout (segmentLayout). */
export interface SpectralWork {
  nfft: number;
  /** Full segments of one series. */
  segments: number;
  /** Frequency bins returned: ⌊nfft/2⌋ + 1 one-sided, nfft two-sided. */
  bins: number;
  /** A spectrogram keeps every segment's spectrum; Welch averages them. */
  spectrogram: boolean;
  /** Welch's median average keeps every segment's periodogram until the medians are taken. */
  median: boolean;
  /** Series computed and held until written (each trace column, and its momentum-filtered copy). */
  series: number;
}

const isPowerOfTwo = (n: number): boolean => n >= 2 && (n & (n - 1)) === 0;

/**
 * Bytes per FFT sample of one transform with its plan, scratch and result buffers: a power of two takes
 * fft.js's tables (measured 82 bytes per sample at nfft = 2²² in `spectrum`), any other size Bluestein's
 * chirp-z through a power of two ≥ 2·nfft − 1 (measured 234 bytes at nfft = 4·10⁶ + 1).
 */
const FFT_BYTES = { powerOfTwo: 96, other: 256 };

/** ns per nfft·log2(nfft) of one real FFT: 2–4 for powers of two, 33–53 through Bluestein (measured at 10⁶). */
const FFT_NS = { powerOfTwo: 4, other: 50 };

/**
 * Memory held at once: the FFT of size nfft, and the spectrogram values (8 bytes per segment and bin, every
 * series) or the median table of one series, against BUDGETS.workingSetBytes. Knobs: --nfft, --nperseg
 * (fewer bins), --noverlap (fewer segments).
 */
export function spectralMemory(work: SpectralWork): BudgetIssue | undefined {
  const fft = work.nfft * (isPowerOfTwo(work.nfft) ? FFT_BYTES.powerOfTwo : FFT_BYTES.other);
  const held = work.spectrogram ? work.series * work.segments * work.bins * 8 : work.median ? work.segments * work.bins * 8 : 0;
  const what = held > fft
    ? `${work.spectrogram ? 'the spectrogram' : 'the median average'} (${counted(work.segments, 'segment')} × ${counted(work.bins, 'bin')}${work.spectrogram && work.series > 1 ? ` × ${work.series} series` : ''})`
    : `an FFT of nfft = ${work.nfft} samples`;
  return overBudget('workingSetBytes', fft + held, what, held > fft ? ['noverlap', 'nperseg', 'nfft'] : ['nfft']);
}

/** Time: segments × one FFT each, every series. */
export function spectralTime(work: SpectralWork): BudgetIssue | undefined {
  const perFft = work.nfft * Math.log2(Math.max(2, work.nfft)) * (isPowerOfTwo(work.nfft) ? FFT_NS.powerOfTwo : FFT_NS.other);
  const seconds = (work.series * work.segments * perFft) / 1e9;
  return overBudget('seconds', seconds, `${counted(work.series * work.segments, 'FFT')} of ${work.nfft} samples`, ['nfft', 'noverlap']);
}

/** Written bytes: one row per bin (per segment for a spectrogram) and series, with 2–4 numbers. */
export function spectralOutput(work: SpectralWork, format: string): BudgetIssue | undefined {
  const rows = work.series * work.bins * (work.spectrogram ? work.segments : 1);
  const numbers = format === 'json' ? (work.spectrogram ? 1 : 2) : format === 'ndjson' ? 8 : 4;
  const what = `the output (${counted(rows, 'row')})`;
  return overBudget('outputBytes', rows * numbers * OUTPUT_BYTES_PER_NUMBER, what, work.spectrogram ? ['noverlap', 'nperseg', 'nfft'] : ['nfft']);
}
