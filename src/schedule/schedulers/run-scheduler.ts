import { PythonError } from '../../math/python-float.js';
import type { ConfigIssue } from '../issues.js';
import { LIMITS } from '../limits.js';
import { type BuiltScheduler, buildScheduler, oneCycleTotalSteps } from './build-scheduler.js';
import { epochOfStep } from './scheduler.js';
import type { SchedulerSpec } from './scheduler-value.js';

/** A scheduler's values over a run, one per optimizer step. */
export interface SchedulerRun {
  /** value[t − 1] is what optimizer step t applies (t = 1…steps): lr, or the momentum parameter it drives. */
  value: Float64Array;
  /** With cycle_momentum (OneCycleLR, CyclicLR default true): the momentum / beta1 torch writes, per optimizer step. */
  momentum?: Float64Array;
}

type Path = readonly (string | number)[];

/**
 * Runs a scheduler as a training loop does: constructed (its initial step writes epoch 0), then
 * `optimizer.step(); scheduler.step()` with the scheduler stepped once every `every` optimizer
 * steps, so optimizer step t applies epoch e = ⌊(t − 1)/every⌋ (see `epochOfStep`). The loop's
 * last `scheduler.step()` (epoch ⌊steps/every⌋) runs too, because torch raises there when the run
 * is longer than OneCycleLR's cycle.
 *
 * @param spec a parsed scheduler value (`SchedulerValue`, defaults filled in).
 * @param steps optimizer steps of the run, a positive integer (RangeError otherwise); more than
 *   LIMITS.maxStages is an issue, found before anything is allocated.
 * @param path key path of the value in the config, prefixed to every issue's path.
 * @returns the values, or issues: torch's ValueErrors and ZeroDivisionErrors located at the
 *   kwarg (code `scheduler_arg`), a run longer than OneCycleLR's cycle (`scheduler_range`), or a
 *   run longer than the budget (`too_big`).
 */
export function runScheduler(spec: SchedulerSpec, steps: number, path: Path): SchedulerRun | { issues: ConfigIssue[] } {
  const name = spec.scheduler;
  if (!Number.isInteger(steps) || steps < 1) throw new RangeError(`steps must be a positive integer (got ${steps})`);
  if (steps > LIMITS.maxStages) {
    const message = `${name} gives one value per step: at most ${LIMITS.maxStages} steps`;
    return { issues: [{ code: 'too_big', path: [...path], message, received: steps }] };
  }
  const every = spec.every;
  const epochs = Math.ceil(steps / every);
  const lastEpoch = Math.floor(steps / every);
  if (spec.scheduler === 'OneCycleLR') {
    const total = oneCycleTotalSteps(spec, epochs);
    if (lastEpoch > total) return { issues: [tooShortCycle(spec, total, lastEpoch, path)] };
  }
  let built: BuiltScheduler | { issues: ConfigIssue[] };
  try {
    built = buildScheduler(spec, epochs, path);
  } catch (error) {
    return { issues: [raised(error, name, 0, every, path)] };
  }
  if ('issues' in built) return built;
  const { group } = built;
  const value = new Float64Array(steps);
  const momentum = group.momentum !== undefined ? new Float64Array(steps) : undefined;
  let epoch = 0;
  try {
    for (let t = 1; t <= steps; t++) {
      const e = epochOfStep(t, every);
      for (; epoch < e; epoch++) built.step();
      if (built.settled?.()) {
        // Every later step holds these values: the rest of the run in one fill (a sweep re-runs it at every point).
        value.fill(group.lr, t - 1);
        momentum?.fill(group.momentum as number, t - 1);
        epoch = lastEpoch;
        break;
      }
      value[t - 1] = group.lr;
      if (momentum !== undefined) momentum[t - 1] = group.momentum as number;
    }
    for (; epoch < lastEpoch; epoch++) built.step();
  } catch (error) {
    return { issues: [raised(error, name, epoch + 1, every, path)] };
  }
  return momentum !== undefined ? { value, momentum } : { value };
}

/** OneCycleLR's own error, said before the run: the loop's scheduler.step() would pass total_steps. */
function tooShortCycle(spec: { total_steps?: number; epochs?: number }, total: number, lastEpoch: number, path: Path): ConfigIssue {
  const key = spec.total_steps !== undefined ? 'total_steps' : 'epochs';
  return {
    code: 'scheduler_range',
    path: [...path, key],
    message:
      `OneCycleLR's cycle has ${total} steps but the run calls scheduler.step() ${lastEpoch} times: ` +
      `torch raises "Tried to step ${total + 2} times. The specified number of total steps is ${total}" ` +
      `(give total_steps ≥ ${lastEpoch}, or fewer steps)`,
    received: total,
  };
}

/** A Python exception of the reproduced code, as an issue naming the step; anything else is a bug. */
function raised(error: unknown, name: string, epoch: number, every: number, path: Path): ConfigIssue {
  if (!(error instanceof PythonError)) throw error;
  const when = epoch === 0 ? 'when constructed' : `at scheduler step ${epoch} (after optimizer step ${epoch * every})`;
  return { code: 'scheduler_arg', path: [...path], message: `torch's ${name} raises ${error.type} ${when}: ${error.message}` };
}
