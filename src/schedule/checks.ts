import { isStablePolynomial } from '../filter/polynomial-roots.js';
import type { BankTable, RationalTable, StageTable } from '../types.js';
import type { Vocabulary } from '../vocabulary.js';
import type { ConfigIssue } from './issues.js';
import { LIMITS } from './limits.js';
import { stageSteps, stageNames } from './resolve-warnings.js';
import type { Partition } from './stages.js';

type Path = (string | number)[];

/**
 * The checks of a schedule that its schema cannot make, each written once: parse runs the partition
 * checks on every document, resolveSchedule runs them again on configs patched after validation (a
 * sweep point), then checks the coefficients it made. Messages that give advice name the knob through
 * a Vocabulary (the library's `allowUnstable: true`, the CLI's `--allow-unstable`).
 */

/** stages and stageLength together, and more stages than steps. */
export function partitionIssues(config: { steps: number; stages?: number; stageLength?: number }, base: Path): ConfigIssue[] {
  const issues: ConfigIssue[] = [];
  if (config.stages !== undefined && config.stageLength !== undefined) {
    issues.push({ code: 'conflict', path: [...base, 'stageLength'], message: 'give either stages or stageLength, not both' });
  }
  if (config.stages !== undefined && config.stages > config.steps) {
    issues.push({ code: 'too_big', path: [...base, 'stages'], message: `must be ≤ steps (${config.steps})`, received: config.stages });
  }
  return issues;
}

/** A stageLength that gives more than LIMITS.maxStages stages, checked before the partition is made. */
export function stageLengthIssue(steps: number, stageLength: number, base: Path): ConfigIssue | undefined {
  const count = Math.ceil(steps / stageLength);
  if (count <= LIMITS.maxStages) return undefined;
  return { code: 'too_big', path: [...base, 'stageLength'], message: `gives ${count} stages, more than ${LIMITS.maxStages}`, received: stageLength };
}

/** A preset with its own step → stage rule given a stageLength. */
export function ownPartitionIssue(preset: string, base: Path): ConfigIssue {
  return { code: 'conflict', path: [...base, 'stageLength'], message: `preset ${preset} derives stage lengths from steps and stages; give stages` };
}

/** A preset whose stage rule gives one stage per step, over more than LIMITS.maxStages steps. */
export function stagePerStepIssue(preset: string, steps: number, base: Path): ConfigIssue {
  return { code: 'too_big', path: [...base, 'steps'], message: `preset ${preset} has one stage per step: at most ${LIMITS.maxStages} steps`, received: steps };
}

function unstableAdvice(vocabulary: Vocabulary): string {
  return `use ${vocabulary.allowUnstable} to analyse it anyway`;
}

function fmt(x: number): string {
  return Number.isNaN(x) ? 'NaN' : String(x);
}

/** First-order stages: non-finite u or v is always an error; |u| ≥ 1 is one unless allowed. Names up to 3 stages. */
export function firstOrderIssues(table: StageTable, uPath: Path, vPath: Path, allowUnstable: boolean, vocabulary: Vocabulary): ConfigIssue[] {
  // The usual case in one pass without allocating (a sweep checks every point): all stable and finite.
  let clean = true;
  for (let i = 0; i < table.count && clean; i++) clean = Math.abs(table.u[i]) < 1 && Number.isFinite(table.v[i]);
  if (clean) return [];
  const issues: ConfigIssue[] = [];
  const report = (path: Path, indices: number[], what: string, values: Float64Array) => {
    if (indices.length === 0) return;
    issues.push({ code: 'invalid_stage', path, message: `${what} in ${stageNames(table, indices, (i) => fmt(values[i]))}` });
  };
  const nonFiniteU: number[] = [];
  const nonFiniteV: number[] = [];
  const unstable: number[] = [];
  for (let i = 0; i < table.count; i++) {
    if (!Number.isFinite(table.u[i])) nonFiniteU.push(i);
    else if (!allowUnstable && Math.abs(table.u[i]) >= 1) unstable.push(i);
    if (!Number.isFinite(table.v[i])) nonFiniteV.push(i);
  }
  report(uPath, nonFiniteU, 'u is not a finite number', table.u);
  report(vPath, nonFiniteV, 'v is not a finite number', table.v);
  report(uPath, unstable, `|u| must be < 1 for a stable filter (${unstableAdvice(vocabulary)}); got`, table.u);
  return issues;
}

/**
 * A filter bank: every coefficient finite, and (unless allowed) |u| < 1 in every branch. Branches are
 * named from 1 (u1, u2… as tables and coefficients count them); `branchKey` gives the path, under
 * `path`, of the parameter that makes a branch's u.
 */
export function bankIssues(bank: BankTable, spans: Partition, path: Path, allowUnstable: boolean, vocabulary: Vocabulary, branchKey?: (branch: number) => Path | undefined): ConfigIssue[] {
  const B = bank.branches;
  const at = (k: number) => stageSteps(k, spans.startStep[k], spans.endStep[k]);
  for (let k = 0; k < spans.count; k++) {
    if (!Number.isFinite(bank.c0[k])) return [{ code: 'invalid_stage', path, message: `the feed-through weight is not a finite number in ${at(k)}: ${fmt(bank.c0[k])}` }];
    for (let i = 0; i < B; i++) {
      const [c, u, v] = [bank.c[k * B + i], bank.u[k * B + i], bank.v[k * B + i]];
      if (!Number.isFinite(c) || !Number.isFinite(u) || !Number.isFinite(v)) {
        return [{ code: 'invalid_stage', path, message: `branch ${i + 1} has a non-finite coefficient: c = ${fmt(c)}, u = ${fmt(u)}, v = ${fmt(v)} in ${at(k)}` }];
      }
      if (!allowUnstable && Math.abs(u) >= 1) {
        const key = branchKey?.(i);
        return [{ code: 'invalid_stage', path: key ? [...path, ...key] : path, message: `|u| must be < 1 for a stable filter (${unstableAdvice(vocabulary)}); got branch ${i + 1} u = ${fmt(u)} in ${at(k)}` }];
      }
    }
  }
  return [];
}

/** A rational schedule: finite coefficients, and (unless allowed) every pole inside the unit circle (Schur–Cohn). */
export function rationalIssues(rational: RationalTable, spans: Partition, path: Path, allowUnstable: boolean, vocabulary: Vocabulary): ConfigIssue[] {
  const { nb, na } = rational;
  for (let k = 0; k < spans.count; k++) {
    const b = rational.b.subarray(k * nb, (k + 1) * nb);
    const a = rational.a.subarray(k * na, (k + 1) * na);
    if (![...b, ...a].every(Number.isFinite)) return [{ code: 'invalid_stage', path, message: `a coefficient is not a finite number in stage ${k}` }];
    if (!allowUnstable && !isStablePolynomial(a)) {
      return [{ code: 'invalid_stage', path: [...path, 'a'], message: `a pole is on or outside the unit circle in ${stageSteps(k, spans.startStep[k], spans.endStep[k])}: the filter is unstable (${unstableAdvice(vocabulary)})` }];
    }
  }
  return [];
}
