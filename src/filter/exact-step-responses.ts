import type { BankTable } from '../types.js';
import { sameRecursion } from './bank-table.js';
import { emptyComplexResponse, type ComplexResponse } from './complex-response.js';
import { ExactResponseWalker, type WalkedSchedule } from './exact-response.js';
import { ImpulseResponse } from './impulse-response.js';
import { RationalExactWalker } from './rational-exact.js';

/**
 * What the two exact paths cost, in nanoseconds, measured on one core of the development machine
 * (Node 20; 10⁶-step per-step momentum, 512 frequencies; W = 178 terms: 6 µs, the DFTs 88 µs, Horner 0.66 ms):
 * - jump: one run of equal recursions × one branch × one frequency of ExactResponseWalker (19 ns stepped,
 *   more for a closed-form jump of a long run);
 * - term: one lag × one branch of ImpulseResponse.prepare;
 * - fftPoint: one point of the three real DFTs (×N·log₂N) of the on-grid sum;
 * - horner: one lag × one frequency of the off-grid sum.
 */
const EXACT_COST_NS = { jump: 20, term: 30, fftPoint: 3, horner: 7 } as const;

/**
 * Walks estimated below this many ns (1 ms) always take the walker, the reference path: a short schedule's
 * output then stays the walker's to the last bit, and no one waits for the difference.
 */
export const WALK_ALWAYS_NS = 1e6;

/**
 * Exact responses H(t, ω) at ascending steps, each by the cheaper of two paths:
 *
 * - the walker (ExactResponseWalker; RationalExactWalker for rational schedules, the only path there),
 *   from where it stands: runs of equal recursions × branches × frequencies;
 * - the truncated impulse response (ImpulseResponse): W·branches scalar terms, then one real DFT on a
 *   linear grid (W·frequencies otherwise), whatever the number of stages before t.
 *
 * The walker's cost is known from the stage table (counted incrementally, O(stages) in all); the impulse
 * response is computed only up to the number of terms that stays cheaper. Both give the full sum to
 * rounding, so the choice never shows in the result. Buffers are allocated once.
 */
export class ExactStepResponses {
  private readonly walker: ExactResponseWalker | RationalExactWalker;
  private readonly impulse: ImpulseResponse | undefined;
  private readonly bank: BankTable | undefined;
  private readonly frequencies: number;
  private readonly force: 'walker' | 'impulse' | undefined;
  /** Recursion changes counted so far: changes[k] = stages j ≤ k whose recursion differs from j − 1's. */
  private scanned = 0;
  private changes = 0;
  private walkerChanges = 0;
  /** Which path the last `at` took (for tests and benchmarks). */
  lastPath: 'walker' | 'impulse' | undefined;

  constructor(schedule: WalkedSchedule, walker: ExactResponseWalker | RationalExactWalker, omega: Float64Array, options: { path?: 'walker' | 'impulse' } = {}) {
    this.walker = walker;
    this.frequencies = omega.length;
    if (walker instanceof ExactResponseWalker) {
      this.bank = walker.bank;
      if (options.path !== 'walker') this.impulse = new ImpulseResponse(schedule, walker.bank, omega);
    }
    this.force = options.path;
  }

  /** The frozen response H_k(e^{jω}) of stage k, what the exact one is compared with, into `out`. */
  frozen(k: number, out: ComplexResponse = emptyComplexResponse(this.frequencies)): ComplexResponse {
    return this.walker.frozenComplex(k, out);
  }

  /** H(t, ω) with the output weights of stage k (the stage containing t) into `out`; t not below the last t asked. */
  at(t: number, k: number, out: ComplexResponse = emptyComplexResponse(this.frequencies)): ComplexResponse {
    const { impulse, walker } = this;
    if (impulse && this.force !== 'walker') {
      const walkCost = this.force === 'impulse' ? Infinity : this.walkerCost(k);
      const fixed = impulseFixedNs(this.frequencies, impulse.onGrid);
      if (walkCost > Math.max(fixed, WALK_ALWAYS_NS)) {
        const perTerm = impulseTermNs(this.bank!.branches, this.frequencies, impulse.onGrid);
        if (impulse.prepare(t, k, Math.floor((walkCost - fixed) / perTerm))) {
          this.lastPath = 'impulse';
          return impulse.output(out);
        }
      }
    }
    walker.advanceTo(t);
    this.walkerChanges = this.countChanges(k);
    this.lastPath = 'walker';
    return walker.output(k, out);
  }

  /** Estimated ns for the walker to reach stage k from where it stands. */
  private walkerCost(k: number): number {
    return walkNs(this.countChanges(k) - this.walkerChanges + 1, this.bank!.branches, this.frequencies);
  }

  /** Recursion changes in stages 1 … k, counted forward once over the whole request sequence. */
  private countChanges(k: number): number {
    const bank = this.bank;
    if (!bank) return 0;
    while (this.scanned < k) {
      this.scanned++;
      if (!sameRecursion(bank, this.scanned, this.scanned - 1)) this.changes++;
    }
    return this.changes;
  }
}

/** The walker's cost model: `runs` runs of equal recursions × branches × frequencies, ns. */
export function walkNs(runs: number, branches: number, frequencies: number): number {
  return runs * branches * frequencies * EXACT_COST_NS.jump;
}

/** The impulse path's cost that does not grow with the window, ns: the three DFTs on a linear grid (none off it). */
export function impulseFixedNs(frequencies: number, onGrid: boolean): number {
  if (!onGrid) return 0;
  const N = 2 * (frequencies - 1);
  return 3 * N * Math.log2(N) * EXACT_COST_NS.fftPoint;
}

/** The impulse path's cost per term of the window, ns: the term itself per branch, Horner's sum per frequency off the grid. */
export function impulseTermNs(branches: number, frequencies: number, onGrid: boolean): number {
  return branches * EXACT_COST_NS.term + (onGrid ? 1 : frequencies * EXACT_COST_NS.horner);
}
