import { PRESETS } from '../schedule/presets/index.js';
import type { ScheduleConfig } from '../schedule/schema.js';

/** Config keys of a schedule with a fixed meaning, as a plot axis names them. */
const KNOWN: Record<string, string> = {
  steps: 'Training steps',
  stages: 'Number of stages',
  lr: 'Learning rate α',
};

/**
 * Scheduler kwargs under `lr` that are not learning rates (momentum bounds, fractions, factors,
 * periods, counts): each is named for what it is; every other key under `lr` (max_lr, base_lr,
 * eta_min, an interp's fp…) is a learning rate.
 */
const LR_NON_RATES: Record<string, string> = {
  max_momentum: 'Maximum momentum',
  base_momentum: 'Base momentum',
  cycle_momentum: 'Cycle momentum',
  pct_start: 'Fraction of the cycle rising',
  div_factor: 'Initial division factor',
  final_div_factor: 'Final division factor',
  total_steps: 'Scheduler steps in the cycle',
  epochs: 'Epochs',
  steps_per_epoch: 'Steps per epoch',
  T_max: 'Cosine half-period',
  T_0: 'First restart period',
  T_mult: 'Period multiplier',
  gamma: 'Decay factor γ',
  step_size: 'Scheduler steps per decay',
  step_size_up: 'Scheduler steps rising',
  step_size_down: 'Scheduler steps falling',
  milestones: 'Milestones',
  total_iters: 'Scheduler steps of the ramp',
  factor: 'Factor',
  start_factor: 'Start factor',
  end_factor: 'End factor',
  power: 'Power',
  num_warmup_steps: 'Warm-up steps',
  num_training_steps: 'Scheduler training steps',
  num_cycles: 'Number of cycles',
  timescale: 'Timescale',
  every: 'Optimizer steps per scheduler step',
  xp: 'Interpolation points',
};

/** Custom coefficients (docs/config.md): m_t = u·m_{t−1} + v·g_t. */
const CUSTOM: Record<string, string> = {
  u: 'Feedback coefficient u',
  v: 'Gradient coefficient v',
};

/**
 * The human name of a swept config value, for a plot's axis title (the path itself goes in the
 * tooltip): a preset parameter's own description up to its first aside ("scaling factor c
 * (official: c_scaling); μ = c·Σ" → "Scaling factor c"; a value inside it, e.g. a scheduled
 * parameter's `fp.1`, in parentheses after it), the fixed meaning of steps, stages, lr,
 * u and v, and otherwise the path as written.
 *
 * Parameters
 * ----------
 * config : the swept schedule's config (its preset decides what `momentum.params.*` means).
 * configPath : where the value lives (SweepTarget.configPath), e.g. ['momentum', 'params', 'c'].
 * path : the path as the sweep's column shows it (`momentum.v`, `c`), the fallback.
 */
export function axisTitle(config: ScheduleConfig, configPath: readonly (string | number)[], path: string): string {
  return axisNames(config, configPath, path).title;
}

/**
 * The two names of a swept config value: `title`, as axisTitle gives it (a figure's axis), and
 * `short`, for a terminal table's header, where every character counts: the title's symbol with the
 * rest of its path ("Momentum factor μ (fp.1)" → "μ (fp.1)", "Scaling factor c" → "c", "Learning
 * rate α (max_lr)" → "α (max_lr)"), and for a value with no symbol (steps, a custom expression's own
 * parameter) the path's last two segments (`momentum.custom.params.mu` → "params.mu"; a path of one
 * or two segments as it is). Pipes and files keep the full path as the column's name.
 */
export function axisNames(config: ScheduleConfig, configPath: readonly (string | number)[], path: string): { title: string; short: string } {
  const title = titleOf(config, configPath, path);
  const named = /^(.*\S) (\S{1,2})( \(.*\))?$/u.exec(title);
  if (title !== path && named !== null && !/^[A-Za-z]{2}$/.test(named[2])) return { title, short: `${named[2]}${named[3] ?? ''}` };
  return { title, short: path.split('.').slice(-2).join('.') };
}

function titleOf(config: ScheduleConfig, configPath: readonly (string | number)[], path: string): string {
  const [head, kind, name, ...rest] = configPath.map(String);
  if (configPath.length === 1 && KNOWN[head] !== undefined) return KNOWN[head];
  if (head === 'lr') {
    const own = LR_NON_RATES[[...configPath].reverse().find((p): p is string => typeof p === 'string') ?? ''];
    return `${own ?? KNOWN.lr} (${configPath.slice(1).join('.')})`;
  }
  if (head !== 'momentum') return path;
  if (kind === 'params' && config.momentum.preset !== undefined) {
    const shape = PRESETS.get(config.momentum.preset)?.params.shape as Record<string, { description?: string }> | undefined;
    const description = shape?.[name]?.description;
    // A value inside a scheduled parameter ({ scheduler: interp, fp: [0.8, 0.937] }) is named after the
    // parameter, the rest of its path in parentheses, as lr's keys are: "Momentum factor μ (fp.1)".
    if (description !== undefined && description !== '') return `${capitalise(description.split(/ \(|; |: /)[0])}${rest.length > 0 ? ` (${rest.join('.')})` : ''}`;
  }
  if (kind === 'custom' && rest.length === 0 && CUSTOM[name] !== undefined) return CUSTOM[name];
  return path;
}

const capitalise = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);
