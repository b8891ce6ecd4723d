import { z } from 'zod';
import { PythonError } from '../../math/python-float.js';
import { type Kwargs, LrScheduler, type ParamGroup } from './scheduler.js';
import { every, torchOnlyKeys } from './scheduler-keys.js';

/** torch.optim.lr_scheduler.OneCycleLR's kwargs and defaults; `total_steps` defaults to the run (⌈steps/every⌉). */
export const OneCycleLRSpec = z.strictObject({
  scheduler: z.literal('OneCycleLR'),
  max_lr: z.number().describe('peak learning rate'),
  total_steps: z.int().min(1).optional().describe('scheduler steps in the cycle (default: ⌈steps/every⌉, or epochs·steps_per_epoch)'),
  epochs: z.int().min(1).optional(),
  steps_per_epoch: z.int().min(1).optional(),
  pct_start: z.number().min(0).max(1).default(0.3).describe('fraction of the cycle spent increasing the learning rate'),
  anneal_strategy: z.enum(['cos', 'linear']).default('cos'),
  cycle_momentum: z.boolean().default(true).describe("cycle the optimizer's momentum (SGD momentum, Adam betas[0]) inversely to the learning rate"),
  base_momentum: z.number().default(0.85),
  max_momentum: z.number().default(0.95),
  div_factor: z.number().default(25).describe('initial_lr = max_lr/div_factor'),
  final_div_factor: z.number().default(1e4).describe('min_lr = initial_lr/final_div_factor'),
  three_phase: z.boolean().default(false),
  every,
  ...torchOnlyKeys,
});
export type OneCycleLRSpec = z.output<typeof OneCycleLRSpec>;

/**
 * torch's `_annealing_cos(start, end, pct)` is `end + (start − end)/2.0·(cos(π·pct) + 1)` and
 * `_annealing_linear` is `(end − start)·pct + start`. Both take a weight w computed once per step
 * (cos(π·pct) + 1, or pct): torch evaluates the same cosine for the lr and the momentum.
 */
const annealCos = (start: number, end: number, cosOut: number): number => end + (start - end) / 2.0 * cosOut;
const annealLinear = (start: number, end: number, pct: number): number => (end - start) * pct + start;

type Field = (g: { [K in keyof ParamGroup]-?: number }) => number;

/** The group fields a phase reads, as accessors: a keyed read by a field name costs more than the whole step. */
const initialLr: Field = (g) => g.initialLr;
const maxLr: Field = (g) => g.maxLr;
const minLr: Field = (g) => g.minLr;
const maxMomentum: Field = (g) => g.maxMomentum;
const baseMomentum: Field = (g) => g.baseMomentum;

/** A phase as torch's `_schedule_phases` entry: the group fields it anneals between. */
interface Phase {
  endStep: number;
  startLr: Field;
  endLr: Field;
  startMomentum: Field;
  endMomentum: Field;
}

/**
 * The 1cycle policy (Smith & Topin 2017, "Super-Convergence"), as torch computes it: a direct
 * (not chained) form of the epoch. Phase ends are `float(pct_start·T) − 1`, [`float(2·pct_start·T) − 2`],
 * `T − 1`; within a phase pct = (e − start)/(end − start). Epochs beyond total_steps raise, as in torch
 * ("Tried to step …").
 */
export class OneCycleLR extends LrScheduler {
  private readonly totalSteps: number;
  private readonly phases: Phase[];
  private readonly cos: boolean;
  private readonly cycleMomentum: boolean;

  constructor(group: ParamGroup, spec: Kwargs<OneCycleLRSpec>, totalSteps: number) {
    super(group);
    this.totalSteps = totalSteps;
    const T = totalSteps;
    this.phases = spec.three_phase
      ? [
          { endStep: spec.pct_start * T - 1, startLr: initialLr, endLr: maxLr, startMomentum: maxMomentum, endMomentum: baseMomentum },
          { endStep: 2 * spec.pct_start * T - 2, startLr: maxLr, endLr: initialLr, startMomentum: baseMomentum, endMomentum: maxMomentum },
          { endStep: T - 1, startLr: initialLr, endLr: minLr, startMomentum: maxMomentum, endMomentum: maxMomentum },
        ]
      : [
          { endStep: spec.pct_start * T - 1, startLr: initialLr, endLr: maxLr, startMomentum: maxMomentum, endMomentum: baseMomentum },
          { endStep: T - 1, startLr: maxLr, endLr: minLr, startMomentum: baseMomentum, endMomentum: maxMomentum },
        ];
    this.cos = spec.anneal_strategy === 'cos';
    group.initialLr = spec.max_lr / spec.div_factor;
    group.maxLr = spec.max_lr;
    group.minLr = group.initialLr / spec.final_div_factor;
    this.cycleMomentum = spec.cycle_momentum;
    if (this.cycleMomentum) {
      group.momentum = spec.max_momentum;
      group.maxMomentum = spec.max_momentum;
      group.baseMomentum = spec.base_momentum;
    }
    this.init();
  }

  protected getLr(): number {
    const stepNum = this.lastEpoch;
    if (stepNum > this.totalSteps) {
      throw new PythonError('ValueError', `Tried to step ${stepNum + 1} times. The specified number of total steps is ${this.totalSteps}`);
    }
    // Read from the group at each step, as torch does: a later OneCycleLR (a SequentialLR child) overwrites them.
    const g = this.group as { [K in keyof ParamGroup]-?: number };
    let startStep = 0;
    for (let i = 0; i < this.phases.length; i++) {
      const phase = this.phases[i];
      const endStep = phase.endStep;
      if (stepNum <= endStep || i === this.phases.length - 1) {
        if (endStep - startStep === 0) {
          // torch's (step − start)/(end − start) with end = start: say which phase and why, after torch's own words.
          const fix = `phase ${i + 1} of ${this.phases.length} ends where it starts (scheduler step ${endStep}); change pct_start or total_steps`;
          throw new PythonError('ZeroDivisionError', `float division by zero: ${fix}`);
        }
        const pct = (stepNum - startStep) / (endStep - startStep);
        if (this.cos) {
          const cosOut = Math.cos(Math.PI * pct) + 1;
          if (this.cycleMomentum) g.momentum = annealCos(phase.startMomentum(g), phase.endMomentum(g), cosOut);
          return annealCos(phase.startLr(g), phase.endLr(g), cosOut);
        }
        if (this.cycleMomentum) g.momentum = annealLinear(phase.startMomentum(g), phase.endMomentum(g), pct);
        return annealLinear(phase.startLr(g), phase.endLr(g), pct);
      }
      startStep = phase.endStep;
    }
    throw new Error('unreachable: the last phase always applies');
  }
}
