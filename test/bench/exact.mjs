// Exact time-variant response (issue 4): the closed-form walker vs the O(steps × frequencies) recursion.
import '../../dist/index-node.js'; // provides mathjs to configs with expressions, as the library's Node.js entry does
import { analyze } from '../../dist/analysis/analyze.js';
import { bankOf, exactWalker } from '../../dist/filter/stage-filter.js';
import { linearGrid } from '../../dist/filter/grid.js';
import { parseSchedules } from '../../dist/schedule/parse.js';

/** Median ms of `runs` calls of fn, after one warm-up call (shared by the bench parts). */
export function median(fn, runs) {
  fn();
  const times = [];
  for (let r = 0; r < runs; r++) {
    const t0 = performance.now();
    fn();
    times.push(performance.now() - t0);
  }
  return times.sort((a, b) => a - b)[Math.floor(runs / 2)];
}

/** H(T, ω) by stepping every branch's recursion H_i ← v + u·e^{−jω}·H_i through every step (typed arrays). */
function bruteForce(schedule, omega) {
  const bank = bankOf(schedule);
  const B = bank.branches;
  const n = omega.length;
  const cos = omega.map(Math.cos);
  const sin = omega.map(Math.sin);
  const hr = new Float64Array(B * n);
  const hi = new Float64Array(B * n);
  const { startStep, endStep } = schedule.stages;
  let k = 0;
  for (let t = 1; t <= schedule.steps; t++) {
    while (endStep[k] < t) k++;
    for (let i = 0; i < B; i++) {
      const u = bank.u[k * B + i];
      const v = t === 1 && schedule.firstStepCopy ? 1 : bank.v[k * B + i];
      const o = i * n;
      for (let f = 0; f < n; f++) {
        const zr = u * cos[f];
        const zi = -u * sin[f];
        const a = hr[o + f];
        const b = hi[o + f];
        hr[o + f] = v + zr * a - zi * b;
        hi[o + f] = zr * b + zi * a;
      }
    }
  }
  void startStep;
  return hr[0];
}

function exact(schedule, omega) {
  const w = exactWalker(schedule, omega);
  w.advanceTo(schedule.steps);
  return w.response().magnitude[0];
}

export async function bench() {
  const omega = linearGrid(512);
  const rows = [];
  const cases = [
    ['FSGDM 117000 steps (301 stages) × 512 freqs', 'steps: 117000\nstages: 300\nmomentum: { preset: fsgdm }', '≤ 50 ms'],
    ['adam-m 10⁶ per-step stages × 512 freqs', 'steps: 1000000\nmomentum: { preset: adam-m, beta1: 0.9 }', '≤ 500 ms'],
    // β3 changes every step during the warm-up: no run to jump over, each step is stepped (with H, H′, H″)
    ['AdEMAMix 10⁴ steps, β3 warm-up over all of them (stepped, with H′ and H″; the brute force has H only) × 512 freqs', 'steps: 10000\nmomentum: { preset: ademamix, T_alpha_beta3: 10000 }', '≤ 150 ms'],
  ];
  for (const [name, yaml, goal] of cases) {
    const parsed = parseSchedules(yaml);
    if (parsed.issues.length > 0) throw new Error(`${name}: ${parsed.issues[0].message}`);
    const schedule = parsed.schedules[0];
    const ms = median(() => exact(schedule, omega), 5);
    const t0 = performance.now();
    bruteForce(schedule, omega);
    const brute = performance.now() - t0;
    rows.push({ name: `exact response at the last step, ${name}`, ms, goal, note: `brute-force O(steps × freqs) recursion: ${brute.toFixed(0)} ms` });
  }
  // What a user pays: parse (one stage per step for adam-m) + metrics + exact response and transients.
  const full = [
    ['analyze --mode both, FSGDM all 301 stages × 512 freqs (in process)', 'steps: 117000\nstages: 300\nmomentum: { preset: fsgdm }', 'all', '≤ 250 ms'],
    ['analyze --mode exact --stages last, adam-m 10⁶ steps (in process, incl. parsing)', 'steps: 1000000\nmomentum: { preset: adam-m }', 'last', '≤ 1000 ms'],
  ];
  // rational filters have no closed form for an arbitrary order: stepped, O(steps × freqs × order).
  full.push(['analyze --mode both, rational 20000 steps (2 stages, order ≤ 2) × 512 freqs', 'steps: 20000\nstages: 2\nmomentum: { preset: rational, b: [[0.1], [0.05, 0.01, -0.05]], a: [[1, -0.9], [2, -3.2, 1.62]] }', 'all', '≤ 1000 ms']);
  for (const [name, yaml, stages, goal] of full) {
    rows.push({ name, ms: median(() => analyze(yaml, { stages, mode: stages === 'all' ? 'both' : 'exact' }), 3), goal });
  }
  return rows;
}
