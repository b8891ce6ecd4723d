import type { ConfigIssue } from './issues.js';
import type { ColumnRuns } from './resolve-arena.js';

type Path = (string | number)[];

/**
 * Where torch.optim.SGD creates its momentum buffer, for a momentum that changes from step to step
 * (pytorch-sgd, nesterov, standard-sgdm). torch keeps no buffer while `momentum == 0` (the step is
 * d = g: u = 0, v = 1 for first-order momentum, the branch's weight c = μ = 0 for Nesterov) and
 * creates it at the first step with momentum ≠ 0 as a copy of g, without dampening
 * (`buf = torch.clone(d_p)`): u = 0, v = 1 there, in every branch. Later steps use
 * buf = μ·buf + (1 − dampening)·g.
 *
 * This is the one owner of the copy rule: when the buffer is created at step 1 the schedule's
 * `firstStepCopy` flag applies it (every reader sets v = 1 at step 1); at a later step the copy is a
 * stage of its own with those coefficients, so that every reader applies it unchanged (BufferedRuns
 * places it, for the stage walk and the per-step path alike).
 *
 * Notes
 * -----
 * Once the buffer exists, a step with momentum 0 applies g but leaves the buffer as it was (torch
 * writes the old buffer back to the optimizer state), and the next step with momentum ≠ 0 resumes
 * from it. No first-order filter or bank of momentum-fr holds a state the output skips, so that
 * case is an issue (`issue()`), located at the parameter.
 *
 * Reference: torch/optim/sgd.py, `_single_tensor_sgd` (`if momentum != 0: … if buf is None: buf =
 * torch.clone(d_p).detach()`), torch 1.13 and upstream.
 */
export class MomentumBuffer {
  /** The step whose gradient the buffer copied, or 0 while there is none. */
  created = 0;
  /** The first step with momentum 0 after the buffer was created, or 0. */
  zeroAfter = 0;

  /**
   * A run of steps starting at `start` over which momentum is `momentum`: the step of the run at which
   * the buffer is created (a copy of g), or 0 when none is. Runs come in step order.
   */
  visit(start: number, momentum: number): number {
    if (momentum === 0) {
      if (this.created > 0 && this.zeroAfter === 0) this.zeroAfter = start;
      return 0;
    }
    if (this.created > 0) return 0;
    this.created = start;
    return start;
  }

  /** The issue of a momentum that returns to 0 after the buffer was created, located at `path`. */
  issue(path: Path): ConfigIssue | undefined {
    if (this.zeroAfter === 0) return undefined;
    return {
      code: 'out_of_range',
      path,
      message: `is 0 at step ${this.zeroAfter}, after torch created its momentum buffer at step ${this.created}: torch then keeps that buffer unchanged and resumes from it, which no momentum filter expresses; keep it above 0 from step ${this.created} on`,
    };
  }
}

/**
 * Runs of equal values (ColumnRuns) fed in step order with torch's buffer copy placed among them: the
 * first step of the run at which the buffer is created (after step 1) becomes a stage of its own,
 * nothing merging into or out of it, with u = 0, v = 1 in the row's u and v columns (a bank's
 * branches are set from `copySteps` once the bank is made). Without a buffer, ColumnRuns as it is.
 */
export class BufferedRuns {
  /** The steps whose gradient the buffer copied (after step 1): at most one. */
  readonly copySteps: number[] = [];
  /** The last run added was a copy ending where it started: the next one cannot merge into it. */
  private boundary = false;

  /**
   * @param runs where the runs go.
   * @param buffer the buffer to place, or undefined when the schedule has none (no momentum parameter, no copy).
   * @param uColumn the row's u column (v follows it), or undefined when the row has no coefficients (a bank's parameters).
   */
  constructor(
    readonly runs: ColumnRuns,
    private readonly buffer: MomentumBuffer | undefined,
    private readonly uColumn: number | undefined,
  ) {}

  /** Steps start … end over which the row and `momentum` keep their values; `first`: a hard boundary opens the run. */
  add(start: number, end: number, first: boolean, row: Float64Array, momentum: number): void {
    const copy = this.buffer ? this.buffer.visit(start, momentum) : 0;
    if (copy <= 1) {
      this.runs.add(start, end, first || this.boundary, row);
      this.boundary = false;
      return;
    }
    this.copySteps.push(copy);
    const j = this.uColumn;
    const [u, v] = j === undefined ? [0, 0] : [row[j], row[j + 1]];
    if (j !== undefined) [row[j], row[j + 1]] = [0, 1];
    this.runs.add(copy, copy, true, row);
    if (j !== undefined) [row[j], row[j + 1]] = [u, v];
    if (end > copy) this.runs.add(copy + 1, end, true, row);
    this.boundary = end === copy;
  }
}
