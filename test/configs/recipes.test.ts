import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { appliedColumns, coefficientSegments } from '../../src/schedule/coefficient-columns.js';
import { parseSchedules } from '../../src/schedule/parse.js';
import type { Schedule } from '../../src/types.js';
import { ROOT } from '../support/cli.js';

/**
 * The recipe configs (configs/*.yaml that mirror real training runs, docs/own-run.md) apply, step for
 * step, what their training scripts apply: each checked against the script's own formula written out
 * here (the official FSGDM code, torch's closed forms, numpy.interp), not against momentum-fr's output.
 */

function load(file: string): Schedule {
  const { schedules, issues, warnings } = parseSchedules(readFileSync(join(ROOT, 'configs', file), 'utf8'));
  expect(issues).toEqual([]);
  expect(warnings.filter((w) => w.severity === 'warning')).toEqual([]);
  expect(schedules).toHaveLength(1);
  return schedules[0];
}

/** Every step's applied coefficients, by column name: values[name][t − 1] for step t. */
function perStep(schedule: Schedule): Record<string, Float64Array> {
  const columns = appliedColumns(schedule);
  const out: Record<string, Float64Array> = {};
  for (const name of columns.names) out[name] = new Float64Array(schedule.steps);
  for (const seg of coefficientSegments(schedule, columns)) {
    columns.names.forEach((name, c) => out[name].fill(columns.at(seg, c), seg.startStep - 1, seg.endStep));
  }
  return out;
}

/** The largest |ours − ref(t)| over steps 1…T, with the step where it occurs. */
function worst(values: Float64Array, ref: (t: number) => number): { error: number; step: number } {
  let error = 0;
  let step = 0;
  for (let t = 1; t <= values.length; t++) {
    const e = Math.abs(values[t - 1] - ref(t));
    if (!(e <= error)) [error, step] = [e, t];
  }
  return { error, step };
}

/** torch.optim.lr_scheduler.OneCycleLR._annealing_cos (torch 1.13 and upstream). */
const annealingCos = (start: number, end: number, pct: number) => end + ((start - end) / 2) * (Math.cos(Math.PI * pct) + 1);

/** numpy.interp(x, [x0, x1], [y0, y1]) between the points: slope·(x − x0) + y0 (numpy/core/src/multiarray/compiled_base.c). */
const interp = (x: number, [x0, x1]: [number, number], [y0, y1]: [number, number]) => (x <= x0 ? y0 : x >= x1 ? y1 : ((y1 - y0) / (x1 - x0)) * (x - x0) + y0);

describe('configs/fsgdm-cifar100-official.yaml: the official FSGDM CIFAR-100 run (github.com/yinleung/FSGDM)', () => {
  const schedule = load('fsgdm-cifar100-official.yaml');
  const steps = perStep(schedule);

  it('runs 300 epochs × 391 batches = 117 300 optimizer steps', () => {
    expect(schedule.steps).toBe(117_300);
  });

  it('applies the official u at every step: fsgdm.py, u_s = S/(S + cΣ), S = ⌊s/δ⌋·δ, δ = ⌊Σ/N⌋, Σ = 117 000, N = 300', () => {
    const sigma = 117_000;
    const delta = Math.floor(sigma / 300); // sigma // n_stages
    const mu = 0.033 * sigma; // c_scaling * sigma
    const official = (s: number) => {
      const S = Math.floor(s / delta) * delta;
      return S / (S + mu);
    };
    // Spot values, by hand: u = 0 before the first multiple of δ = 390, 390/(390 + 3861) at 390, and past Σ
    // the last stage S = 117 000 up to step 117 300 (117 300/390 = 300.77).
    expect(delta).toBe(390);
    expect([1, 389, 390, 779, 780, 117_000, 117_300].map((s) => steps.u[s - 1])).toEqual([
      0,
      0,
      390 / (390 + 3861),
      390 / (390 + 3861),
      780 / (780 + 3861),
      117_000 / (117_000 + 3861),
      117_000 / (117_000 + 3861),
    ]);
    expect(worst(steps.u, official).error).toBeLessThanOrEqual(1e-15);
    // v = v_coefficient = 1, and the first step copies the gradient (buf = clone(d_p)): weight 1 too.
    expect(worst(steps.v, () => 1).error).toBe(0);
    expect(schedule.firstStepCopy).toBe(true);
  });

  it('differs from tying Σ to the run’s length (sigma: steps) at 45 150 steps, as issue 13 measured', () => {
    const tied = 117_300;
    const d = Math.floor(tied / 300);
    const u = (s: number) => {
      const S = Math.floor(s / d) * d;
      return S / (S + 0.033 * tied);
    };
    let differ = 0;
    for (let s = 1; s <= 117_300; s++) if (Math.abs(steps.u[s - 1] - u(s)) > 1e-12) differ++;
    expect(differ).toBe(45_150);
  });

  it('applies the lr of CosineAnnealingLR(T_max=300) from lr = 0.1, stepped once per epoch of 391 batches', () => {
    // torch's closed form (CosineAnnealingLR._get_closed_form_lr): η_min + (base − η_min)(1 + cos(π·e/T_max))/2.
    const lr = (s: number) => (0.1 * (1 + Math.cos((Math.PI * Math.floor((s - 1) / 391)) / 300))) / 2;
    expect(steps.lr[0]).toBe(0.1);
    expect(steps.lr[390]).toBe(0.1); // step 391: the last batch of epoch 0
    expect(steps.lr[391]).toBeCloseTo(0.05 * (1 + Math.cos(Math.PI / 300)), 16); // step 392: epoch 1
    // Epoch 299: 0.05·(1 + cos(299π/300)) = 0.1·sin²(π/600) (mpmath, 30 digits: 2.74153172439340089514e-6);
    // 1 + cos(…) near 0 cancels, so float64 (torch's and ours) keeps about 13 digits of it.
    expect(Math.abs(steps.lr[117_299] - 2.7415317243934009e-6)).toBeLessThanOrEqual(1e-18);
    // torch chains the epochs (each value from the previous one); the closed form agrees to rounding.
    expect(worst(steps.lr, lr).error).toBeLessThanOrEqual(1e-16);
  });
});

describe('configs/resnet-cifar-onecycle.yaml: SGD(momentum=0.9) + OneCycleLR(max_lr=0.1, epochs=30, steps_per_epoch=391)', () => {
  const schedule = load('resnet-cifar-onecycle.yaml');
  const steps = perStep(schedule);
  // OneCycleLR: phase ends at scheduler epochs pct_start·T − 1 and T − 1; optimizer step t uses epoch t − 1.
  const T = 30 * 391;
  const up = 0.3 * T - 1;
  const initial = 0.1 / 25;
  const min = initial / 1e4;
  const at = (t: number) => {
    const e = t - 1;
    return e <= up
      ? { lr: annealingCos(initial, 0.1, e / up), momentum: annealingCos(0.95, 0.85, e / up) }
      : { lr: annealingCos(0.1, min, (e - up) / (T - 1 - up)), momentum: annealingCos(0.85, 0.95, (e - up) / (T - 1 - up)) };
  };

  it('cycles lr 0.004 → 0.1 → 4e-7 and momentum 0.95 → 0.85 → 0.95 as torch does, at every step', () => {
    expect(schedule.steps).toBe(11_730);
    expect(steps.lr[3518]).toBe(0.1); // step 3519 = pct_start·total_steps: the peak
    expect(steps.u[3518]).toBe(0.85);
    expect(steps.lr[T - 1]).toBeCloseTo(4e-7, 20);
    expect(steps.u[T - 1]).toBe(0.95);
    expect(worst(steps.lr, (t) => at(t).lr).error).toBeLessThanOrEqual(1e-16);
    expect(worst(steps.u, (t) => (t === 1 ? steps.u[0] : at(t).momentum)).error).toBeLessThanOrEqual(1e-15);
    expect(steps.u[0]).toBe(0.95); // momentum at step 1 (the copy makes it irrelevant to the buffer)
    expect(worst(steps.v, () => 1).error).toBe(0); // dampening 0
  });
});

describe('configs/transformer-adamw-warmup-cosine.yaml: AdamW β1 0.9 + get_cosine_schedule_with_warmup(2000, 100 000)', () => {
  const schedule = load('transformer-adamw-warmup-cosine.yaml');
  const steps = perStep(schedule);
  // transformers' lr_lambda (optimization.py): e/W during warm-up, then ½(1 + cos(π·2·num_cycles·progress)), ≥ 0.
  const lr = (t: number) => {
    const e = t - 1;
    if (e < 2000) return 6e-4 * (e / Math.max(1, 2000));
    const progress = (e - 2000) / Math.max(1, 100_000 - 2000);
    return 6e-4 * Math.max(0, 0.5 * (1 + Math.cos(Math.PI * 0.5 * 2 * progress)));
  };

  it('applies the warm-up and cosine lr and Adam’s bias-corrected first moment at every step', () => {
    expect(steps.lr[0]).toBe(0); // Hugging Face's warm-up starts at 0
    expect(steps.lr[2000]).toBe(6e-4); // step 2001: the end of the warm-up
    expect(worst(steps.lr, lr).error).toBeLessThanOrEqual(1e-18);
    expect(worst(steps.u1, () => 0.9).error).toBe(0);
    expect(worst(steps.v1, () => 1 - 0.9).error).toBe(0);
    // torch: step_size = lr / (1 − β1^t), the bias correction at step t.
    expect(worst(steps.c1, (t) => 1 / (1 - 0.9 ** t)).error).toBeLessThanOrEqual(1e-14);
  });
});

describe('configs/yolo-nesterov-warmup.yaml: YOLOv5 train.py warm-up (np.interp) and linear lr per epoch, SGD nesterov', () => {
  const schedule = load('yolo-nesterov-warmup.yaml');
  const steps = perStep(schedule);
  const nb = 1849;
  const nw = Math.max(Math.round(3.0 * nb), 100);
  const lf = (x: number) => (1 - x / 300) * (1.0 - 0.01) + 0.01;
  // Optimizer step t is batch ni = t − 1 of epoch ⌊ni/nb⌋; after the warm-up lr is set per epoch by LambdaLR.
  const lr = (t: number) => {
    const ni = t - 1;
    const epoch = Math.floor(ni / nb);
    return ni <= nw ? interp(ni, [0, nw], [0.0, 0.01 * lf(epoch)]) : 0.01 * lf(epoch);
  };
  const momentum = (t: number) => interp(t - 1, [0, nw], [0.8, 0.937]);

  it('warms momentum from 0.8 to 0.937 and lr from 0 over 5547 iterations, then decays lr linearly per epoch', () => {
    expect(nw).toBe(5547);
    expect(schedule.steps).toBe(300 * nb);
    // torch's SGD(nesterov=True) steps along d = g + μ·buf, buf = μ·buf + g: a bank with c0 = 1, u1 = c1 = μ, v1 = 1.
    expect(steps.u1[0]).toBe(0.8);
    expect(steps.u1[nw]).toBe(0.937); // ni = nw
    expect(steps.lr[0]).toBe(0);
    expect(worst(steps.u1, momentum).error).toBeLessThanOrEqual(1e-16);
    expect(worst(steps.c1, momentum).error).toBeLessThanOrEqual(1e-16);
    expect(worst(steps.c0, () => 1).error).toBe(0);
    // The config writes y·ni/nw where numpy computes (y/nw)·ni: equal up to rounding.
    let relative = 0;
    for (let t = 2; t <= schedule.steps; t++) relative = Math.max(relative, Math.abs(steps.lr[t - 1] - lr(t)) / lr(t));
    expect(relative).toBeLessThanOrEqual(1e-15);
    expect(steps.lr[schedule.steps - 1]).toBeCloseTo(0.01 * (0.01 + 0.99 / 300), 18); // epoch 299
    expect(worst(steps.v1, () => 1).error).toBe(0); // dampening 0
  });
});
