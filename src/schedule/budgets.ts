/**
 * Budgets: how much one command may allocate, write and compute, checked before anything is allocated or
 * written, so that a 3 KB config or one option cannot ask for gigabytes or hours. LIMITS (limits.ts) bound
 * each value on its own; budgets bound their products (schedules × stages × frequencies, steps ×
 * frequencies, points × stages, …), which is where small inputs turn into large work.
 *
 * Each command estimates its work from counts it knows up front and compares it with a budget here; an
 * excess is a BudgetIssue (data: what, the estimate, the budget, what to reduce). The CLI names the
 * options to change (cli/budget-message.ts); the library throws BudgetError or returns the issue.
 *
 * Memory budgets are hard: past them the process would crash. Output and time budgets are soft: the
 * CLI's --force lifts them, for a run that is really meant to be that large.
 */
export const BUDGETS = {
  /**
   * Stage tables of all schedules of one command together: 1 GiB. A first-order stage holds 32 bytes (u, v,
   * first and last step as float64), a filter-bank stage 8 + 24·branches more, a rational stage 8·(nb + na)
   * more: 3·10⁷ first-order stages, or one 10⁷-step adam-m run (64 bytes per step) with room to spare.
   */
  stageTableBytes: 2 ** 30,
  /**
   * Arrays one command holds at once besides the stage tables: 1 GiB, a fraction of a CI runner's memory
   * (GitHub's hosted Linux runners have 7–16 GB). An FFT (96–256 bytes per nfft sample), spectrogram values
   * and Welch's median table (8 bytes each), simulated signals (8 bytes per step and schedule), figures
   * (about 1 KB per data point), PNG pixels (4 bytes each), the responses analyze() returns (32 bytes per
   * frequency each). Together with the stage tables, a command stays within about 2.5 GB.
   */
  workingSetBytes: 2 ** 30,
  /**
   * Data one command writes: 256 MiB, estimated as rows × columns × OUTPUT_BYTES_PER_NUMBER. Output is
   * written at about 30 MB/s (JSON of 6·10⁶ stage-frequencies, 480 MB, took 15 s), so this is about ten
   * seconds of writing; a 1.8 GB file nobody asked for (every per-step stage of an adam-m run) is refused.
   */
  outputBytes: 2 ** 28,
  /**
   * Computing time, estimated as counts × COST_NS: one minute, about what a user waits for at a terminal
   * before suspecting a hang. A longer run is meant only if asked for (--force).
   */
  seconds: 60,
} as const;

export type BudgetName = keyof typeof BUDGETS;

/**
 * Bytes per number of written output: shortest round-trip doubles are up to 24 characters and mostly
 * 17–20, plus a separator or a JSON key (fsgdm's 154 112 stage-frequencies: 79 bytes per 4 numbers in
 * JSON, 148 per 11 columns in CSV).
 */
export const OUTPUT_BYTES_PER_NUMBER = 20;

/**
 * What the budgeted operations cost, in nanoseconds, measured on one core of the development machine
 * (Node 20, a shared 2-core VM). Estimates only need the right order of magnitude.
 */
export const COST_NS = {
  /** One frequency × one coefficient × one step of the stepped rational walk (2·10⁵ steps × 512 × 3 in 6.4 s). */
  rationalUpdate: 20,
  /** One frequency of one stage of the exact walk with its transient metrics (10⁶ adam-m stages × 512 in 186 s). */
  exactStageFrequency: 360,
  /** One stage of a table re-resolved from custom expressions at a sweep or tune point (10⁷ in 17 s). */
  expressionStage: 1700,
  /** One stage of a preset's table re-resolved at a sweep or tune point (10⁷ fsgdm stages in 0.45 s). */
  presetStage: 50,
  /**
   * One frequency of one exact response at a display stage's end or an --at-steps step, besides reaching
   * it (exactResponsesSeconds): magnitude, phase, group delay and the frozen-vs-exact gap (10⁴ display
   * stages of a 10⁶-step OneCycleLR run × 512 frequencies in 4.6 s, 0.9 µs each).
   */
  exactResponseFrequency: 900,
  /** One stage's metrics (a filter bank's search grid dominates: 10⁶ adam-m stages in 5.5 s). */
  stageMetrics: 5500,
  /** One row of a sweep: metrics and formatting (2·10⁵ ema-sgdm rows, 42 MB of CSV, in 2.7 s). */
  sweepRow: 13500,
  /** One data point of a figure in one format (2·10⁶ points: 15 s as SVG, 22 s as .vl.json). */
  plotPoint: 10_000,
} as const;

/**
 * What a user can change to make the work smaller, in the library's terms; the CLI maps each to its
 * option (cli/budget-message.ts).
 */
export type BudgetKnob =
  | 'steps'
  | 'stageCount'
  | 'schedules'
  | 'stageSelection'
  | 'displayStages'
  | 'frequencies'
  | 'atSteps'
  | 'response'
  | 'runs'
  | 'points'
  | 'atFreqs'
  | 'range'
  | 'nfft'
  | 'nperseg'
  | 'noverlap'
  | 'simulateSteps'
  | 'curves'
  | 'mapCells'
  | 'kinds'
  | 'pngSize';

/** A budget exceeded, as data (zod's issue shape: code, then what and by how much). */
export interface BudgetIssue {
  code: 'over_budget';
  budget: BudgetName;
  /** What is too large, from the counts behind the estimate: "exact responses at 2000 steps × 1000000 frequencies". */
  what: string;
  /** The estimate, in the budget's unit (bytes or seconds). */
  estimate: number;
  limit: number;
  /** What to reduce, most effective first. */
  reduce: BudgetKnob[];
  /** Output and time budgets may be lifted on request (--force); memory budgets may not. */
  forcible: boolean;
}

/** The issue when `estimate` exceeds `budget`, else undefined. NaN and ∞ count as over. */
export function overBudget(budget: BudgetName, estimate: number, what: string, reduce: BudgetKnob[]): BudgetIssue | undefined {
  const limit = BUDGETS[budget];
  if (estimate <= limit) return undefined;
  return { code: 'over_budget', budget, what, estimate, limit, reduce, forcible: budget === 'outputBytes' || budget === 'seconds' };
}

/** The first issue of a list of checks, skipping soft ones when `force` is set. */
export function firstOverBudget(checks: readonly (BudgetIssue | undefined)[], force = false): BudgetIssue | undefined {
  return checks.find((c) => c !== undefined && !(force && c.forcible));
}

/** Thrown by library functions whose work exceeds a memory budget (a RangeError: the argument is too large). */
export class BudgetError extends RangeError {
  constructor(readonly issue: BudgetIssue) {
    super(budgetText(issue, (k) => k));
    this.name = 'BudgetError';
  }
}

/** Throws BudgetError for the first issue that is not lifted by `force`. */
export function assertWithinBudget(checks: readonly (BudgetIssue | undefined)[], force = false): void {
  const issue = firstOverBudget(checks, force);
  if (issue) throw new BudgetError(issue);
}

const VERBS: Record<BudgetName, (amount: string) => string> = {
  stageTableBytes: (x) => `would need ${x} of memory for stage tables`,
  workingSetBytes: (x) => `would need ${x} of memory`,
  outputBytes: (x) => `would write about ${x}`,
  seconds: (x) => `would take about ${x}`,
};

/**
 * One line: what, the estimate, the budget and what to change, with the knobs named by `name` (option
 * names of the library or flags of the CLI): "the output (2000 step responses × 1000000 frequencies) would
 * write about 149 GiB, more than the budget of 256 MiB; use fewer --freqs, fewer --at-steps or --force".
 */
export function budgetText(issue: BudgetIssue, name: (knob: BudgetKnob) => string, force?: string): string {
  const amount = (x: number) => (issue.budget === 'seconds' ? duration(x) : bytes(x));
  const advice = issue.reduce.map(name);
  if (issue.forcible && force) advice.push(force);
  const change = advice.length === 0 ? '' : `; use ${advice.length === 1 ? advice[0] : `${advice.slice(0, -1).join(', ')} or ${advice[advice.length - 1]}`}`;
  return `${issue.what} ${VERBS[issue.budget](amount(issue.estimate))}, more than the budget of ${amount(issue.limit)}${change}`;
}

/** Bytes in binary units, 3 significant digits: 1 GiB, 61.3 GiB, 256 MiB. */
export function bytes(n: number): string {
  if (!Number.isFinite(n)) return 'unboundedly many bytes';
  const units = ['bytes', 'KiB', 'MiB', 'GiB', 'TiB', 'PiB', 'EiB'];
  let u = 0;
  let x = n;
  while (x >= 1024 && u < units.length - 1) {
    x /= 1024;
    u++;
  }
  return `${u === 0 ? Math.round(x) : Number(x.toPrecision(3))} ${units[u]}`;
}

/** Seconds as s, min, h or days, 2 significant digits. */
export function duration(s: number): string {
  if (!Number.isFinite(s)) return 'forever';
  if (s < 120) return `${Number(s.toPrecision(2))} s`;
  if (s < 7200) return `${Number((s / 60).toPrecision(2))} min`;
  if (s < 172800) return `${Number((s / 3600).toPrecision(2))} h`;
  return `${Number((s / 86400).toPrecision(2))} days`;
}

/** A count for messages: exact below 10⁶, else two significant digits: 400000000 → "4.0e8". */
export function count(n: number): string {
  if (n < 1e6 && Number.isInteger(n)) return String(n);
  const [m, e] = n.toExponential(1).split('e');
  return `${m}e${Number(e)}`;
}

/** `count(n)` and the noun, plural unless n = 1: "1 stage record", "2000 stage records". */
export function counted(n: number, noun: string): string {
  return `${count(n)} ${n === 1 ? noun : `${noun}s`}`;
}
