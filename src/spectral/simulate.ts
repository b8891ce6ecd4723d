import type { BankTable, RationalTable, Schedule } from '../types.js';
import { matchFilter } from '../filter/stage-filter.js';

/**
 * The output of a schedule's momentum filter for a gradient sequence g, run sample by sample
 * through the real time-variant recursion (not its frozen approximation):
 *
 *     first order:  m_t = u_t·m_{t−1} + v_t·g_t,   m_0 = 0
 *     filter bank:  d_t = c0_t·g_t + Σ_i c_{i,t}·m_{i,t},   m_{i,t} = u_{i,t}·m_{i,t−1} + v_{i,t}·g_t
 *     rational:     y_t = Σ_k b_{k,t}·g_{t−k} − Σ_{k≥1} a_{k,t}·y_{t−k}   (a_0 = 1, g_s = y_s = 0 for s ≤ 0)
 *
 * with the coefficients of the stage i such that startStep_i ≤ t ≤ endStep_i, t = 1 … g.length.
 * If `schedule.firstStepCopy` (PyTorch SGD, FSGDM, Nesterov), m_1 = g_1 (in every branch)
 * whatever v_1 is.
 *
 * Parameters
 * ----------
 * schedule : stages covering steps 1 … schedule.steps; `bank` or `rational` when present.
 * g : gradients (any units), g[0] = g_1 (steps are 1-based, arrays 0-based).
 *
 * Returns
 * -------
 * The filter output (m_t, the bank's d_t, or y_t) with out[t − 1] at step t; same length and
 * units as g.
 *
 * Notes
 * -----
 * g may be shorter than the schedule (its first g.length steps are run); a longer g is a
 * programmer error (RangeError), since the schedule says nothing about those steps. At a stage
 * switch the state carries over (branch buffers; past inputs and outputs of a rational filter,
 * direct form I), as in a training loop that changes its coefficients. Inside a stage the
 * output approaches the frozen response H_k after a few time constants (paper §6).
 *
 * References
 * ----------
 * Li et al., "On the Performance Analysis of Momentum Method: A Frequency Domain
 * Perspective", ICLR 2025, eq. for m_t; PyTorch torch.optim.SGD (first-step copy).
 */
export function runMomentum(schedule: Schedule, g: Float64Array): Float64Array {
  if (g.length > schedule.steps) {
    throw new RangeError(`gradient sequence has ${g.length} steps but schedule '${schedule.name}' covers ${schedule.steps}`);
  }
  return matchFilter(schedule, {
    firstOrder: () => runFirstOrder(schedule, g),
    bank: (bank) => runBank(schedule, bank, g),
    rational: (rational) => runRational(schedule, rational, g),
  });
}

/** m_t = u_k·m_{t−1} + v_k·g_t stage by stage (m_1 = g_1 with a first-step copy). */
function runFirstOrder(schedule: Schedule, g: Float64Array): Float64Array {
  const { count, startStep, endStep, u, v } = schedule.stages;
  const m = new Float64Array(g.length);
  let prev = 0;
  for (let i = 0; i < count && startStep[i] <= g.length; i++) {
    const ui = u[i], vi = v[i];
    const last = Math.min(endStep[i], g.length);
    for (let t = startStep[i]; t <= last; t++) {
      prev = t === 1 && schedule.firstStepCopy ? g[0] : ui * prev + vi * g[t - 1];
      m[t - 1] = prev;
    }
  }
  return m;
}

function runBank(schedule: Schedule, bank: BankTable, g: Float64Array): Float64Array {
  const { count, startStep, endStep } = schedule.stages;
  const B = bank.branches;
  const state = new Float64Array(B);
  const d = new Float64Array(g.length);
  for (let k = 0; k < count && startStep[k] <= g.length; k++) {
    const last = Math.min(endStep[k], g.length);
    const c0 = bank.c0[k];
    for (let t = startStep[k]; t <= last; t++) {
      const x = g[t - 1];
      let out = c0 * x;
      for (let i = 0; i < B; i++) {
        const j = k * B + i;
        state[i] = t === 1 && schedule.firstStepCopy ? x : bank.u[j] * state[i] + bank.v[j] * x;
        out += bank.c[j] * state[i];
      }
      d[t - 1] = out;
    }
  }
  return d;
}

function runRational(schedule: Schedule, table: RationalTable, g: Float64Array): Float64Array {
  const { count, startStep, endStep } = schedule.stages;
  const { nb, na, b, a } = table;
  const y = new Float64Array(g.length);
  for (let k = 0; k < count && startStep[k] <= g.length; k++) {
    const last = Math.min(endStep[k], g.length);
    for (let t = startStep[k]; t <= last; t++) {
      const i = t - 1;
      if (t === 1 && schedule.firstStepCopy) {
        y[0] = g[0];
        continue;
      }
      let acc = 0;
      for (let q = 0; q < nb && q <= i; q++) acc += b[k * nb + q] * g[i - q];
      for (let q = 1; q < na && q <= i; q++) acc -= a[k * na + q] * y[i - q];
      y[i] = acc;
    }
  }
  return y;
}
