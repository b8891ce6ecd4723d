import { PRESETS } from './presets/index.js';
import type { ScheduleConfig } from './schema.js';

type Path = readonly (string | number)[];

/** The schedulers that write the optimizer's momentum when cycle_momentum is on (its default), as torch's. */
const CYCLING = new Set(['OneCycleLR', 'CyclicLR']);

/**
 * Why a value the user changes (`--set`, a sweep axis) changes nothing, or undefined: with a learning
 * rate scheduled by OneCycleLR or CyclicLR (also inside SequentialLR) and cycle_momentum on, the
 * scheduler writes the optimizer's momentum parameter (the preset's momentumParam: pytorch-sgd's
 * `momentum`, adam-m's `beta1`) at every step, as torch does, so the number given for it is never
 * applied. The message names the keys that drive the momentum instead. `path` is relative to the
 * schedule, in the config's spelling (`momentum.momentum`, not the parsed `momentum.params`).
 */
export function overwrittenValueNote(config: ScheduleConfig, path: Path): string | undefined {
  if (config.momentum.preset === undefined) return undefined;
  const key = PRESETS.get(config.momentum.preset)?.momentumParam;
  if (key === undefined || path.length !== 2 || path[0] !== 'momentum' || path[1] !== key) return undefined;
  const cycling = cyclingScheduler(config.lr, ['lr']);
  if (!cycling) return undefined;
  const at = cycling.path.join('.');
  return `${at}'s ${cycling.name} overwrites momentum.${key} at every step (cycle_momentum, as torch), so changing it changes nothing; the momentum comes from ${at}.base_momentum and ${at}.max_momentum (or set ${at}.cycle_momentum: false to keep momentum.${key})`;
}

/**
 * The first OneCycleLR or CyclicLR with cycle_momentum on in a learning-rate value (SequentialLR's
 * children included), and its path below `path`; undefined when the value cycles no momentum.
 */
export function cyclingScheduler(value: unknown, path: (string | number)[]): { name: string; path: (string | number)[] } | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  const spec = value as Record<string, unknown>;
  if (typeof spec.scheduler === 'string' && CYCLING.has(spec.scheduler) && spec.cycle_momentum !== false) return { name: spec.scheduler, path };
  if (Array.isArray(spec.schedulers)) {
    for (let i = 0; i < spec.schedulers.length; i++) {
      const found = cyclingScheduler(spec.schedulers[i], [...path, 'schedulers', i]);
      if (found) return found;
    }
  }
  return undefined;
}
