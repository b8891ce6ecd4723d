import { selectColumns } from './trace-columns.js';
import { TraceError, traceMessages } from './trace-error.js';

/**
 * Names of columns (keys) that count steps, most specific first: the first one a trace has is
 * its step column, against which samples are checked to be equally spaced. Matched without
 * regard to case, so TensorBoard's "Step" counts. Sources: PyTorch Lightning's CSVLogger
 * (epoch, step), Weights & Biases exports (_step, trainer/global_step), TensorBoard CSV
 * (Step), Hugging Face Trainer logs (global_step, epoch), Keras CSVLogger (epoch).
 */
const STEP_NAMES = ['global_step', 'trainer/global_step', 'step', '_step', 'iteration', 'iter', 'epoch'];

/** Columns that place a sample in time rather than measure anything (TensorBoard, W&B). */
const TIME_NAMES = ['wall time', 'wall_time', 'walltime', 'timestamp', '_timestamp', '_runtime'];

const normalized = (name: string): string => name.trim().toLowerCase();

/** Whether a column is an index (a step counter or a time stamp), not a signal. */
export function isIndexColumn(name: string): boolean {
  const n = normalized(name);
  return STEP_NAMES.includes(n) || TIME_NAMES.includes(n);
}

/** Index of the step column among `names` (the first of STEP_NAMES present), or −1. */
export function stepColumn(names: readonly string[]): number {
  const lower = names.map(normalized);
  for (const candidate of STEP_NAMES) {
    const i = lower.indexOf(candidate);
    if (i >= 0) return i;
  }
  return -1;
}

/**
 * The series to read, as indices into `names`: those asked for (see selectColumns), or by
 * default every column that is not an index. A trace of index columns only is an error.
 */
export function seriesColumns(names: readonly string[], wanted: readonly (string | number)[] | undefined, file: string): number[] {
  if (wanted !== undefined && wanted.length > 0) return selectColumns(names, wanted, file);
  const signals = names.map((_, i) => i).filter((i) => !isIndexColumn(names[i]));
  if (signals.length === 0 && names.length > 0) throw new TraceError('no-series', file, traceMessages.onlyIndexColumns(names));
  return signals;
}
