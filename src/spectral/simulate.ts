import type { Schedule } from '../types.js';

/**
 * The momentum buffer m_t for a gradient sequence g under a schedule: the time-variant filter
 * run sample by sample (not its frozen approximation).
 *
 *     m_t = u_t · m_{t−1} + v_t · g_t,   m_0 = 0,   t = 1 … g.length
 *
 * where (u_t, v_t) = (u_i, v_i) of the stage i with startStep_i ≤ t ≤ endStep_i. If
 * `schedule.firstStepCopy` (PyTorch SGD, FSGDM), m_1 = g_1 whatever v_1 is.
 *
 * Parameters
 * ----------
 * schedule : stages of constant (u, v) covering steps 1 … schedule.steps.
 * g : gradients (any units), g[0] = g_1 (steps are 1-based, arrays 0-based).
 *
 * Returns
 * -------
 * m with m[t − 1] = m_t, same length and units as g.
 *
 * Notes
 * -----
 * g may be shorter than the schedule (its first g.length steps are run); a longer g is a
 * programmer error (RangeError), since the schedule says nothing about those steps.
 * Inside a stage of |u| < 1 the output approaches the frozen response
 * H(ω) = v/(1 − u·e^{−jω}) after ~ln(ε)/ln|u| steps (paper §6).
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
