import { fitNumber } from '../../util/table-number.js';
import type { TextSink } from '../../io/sink.js';
import { jsonDocument } from '../../util/json-document.js';
import { rowWriter } from '../../io/row-writer.js';
import { tableLine } from '../../io/table-line.js';
import { tableNumber } from '../../util/table-number.js';
import { displayStagesWidth, stagesCell, stepRange } from '../table-writer.js';
import { fill, movement, RowSampler } from '../terminal-table.js';
import type { SignalSpec } from '../../spectral/signals.js';
import { allWithinTolerance, withinTolerance, type ScheduleSimulation, type SimulationTolerance } from '../../spectral/simulation.js';
import type { StageComparison } from '../../spectral/stage-agreement.js';
import { spanTimeConstant } from '../../spectral/stage-spans.js';
import { NARROW_RANGE_DB, type DisplayStageCount } from '../../spectral/display-stage-count.js';

export interface SimulationReport {
  signal: SignalSpec & { steps: number };
  tolerance: SimulationTolerance & { coherenceThreshold: number };
  simulations: ScheduleSimulation[];
  /** JSON: include the per-stage spectra arrays. */
  spectra: boolean;
  /**
   * Per simulation (a per-step schedule under --stages auto): the count of display stages that judges
   * the most (judgedDisplayStageCount), what the table suggests when the count used judges none.
   */
  displayCounts?: readonly (DisplayStageCount | undefined)[];
  /** The display stages were chosen by that count (no --display-stages). */
  displayChosen?: boolean;
}

const ROW_COLUMNS = ['schedule', 'stage', 'startStep', 'endStep', 'u', 'v', 'samples', 'nperseg',
  'maxDeviationDb', 'medianDeviationDb', 'coherenceThreshold', 'frequenciesUsed', 'withinTolerance', 'memoryLimited'] as const;

/** Stages with at least one compared frequency. */
function compared(sim: ScheduleSimulation): number {
  return sim.stages.filter((st) => st.agreement.frequenciesUsed > 0).length;
}

/** Stages measured but not judged: their filter's memory is long against a Welch segment (memoryLimited). */
function memoryLimited(sim: ScheduleSimulation): number {
  return sim.stages.filter((st) => st.agreement.frequenciesUsed > 0 && st.memoryLimited).length;
}

function stageJson(s: StageComparison, report: SimulationReport): Record<string, unknown> {
  const { spectra, ...rest } = s;
  return { ...rest, withinTolerance: withinTolerance(s, report.tolerance), ...(report.spectra ? { spectra } : {}) };
}

function rowCells(name: string, s: StageComparison, tol: SimulationTolerance): (string | number | boolean | null)[] {
  const a = s.agreement;
  return [name, s.index, s.startStep, s.endStep, s.u, s.v, s.samples, s.nperseg, a.maxDeviationDb, a.medianDeviationDb,
    a.coherenceThreshold, a.frequenciesUsed, withinTolerance(s, tol), s.memoryLimited];
}

/**
 * JSON: { schemaVersion, tool, signal, tolerance, schedules: [ { name, source, steps, stageCount,
 * stagesCompared, stagesJudged, withinTolerance, stages: [ { index, startStep, endStep, u, v, samples, nperseg, agreement,
 * withinTolerance, spectra? } ] } ] }, one stage per line. withinTolerance is null for a stage not judged
 * (nothing compared, or memoryLimited) and for a schedule none of whose stages is judged.
 */
export async function writeSimulationJson(sink: TextSink, report: SimulationReport): Promise<void> {
  const doc = jsonDocument(sink);
  await doc.header();
  await doc.field('signal', report.signal);
  await doc.field('tolerance', report.tolerance);
  await doc.array('schedules');
  for (const sim of report.simulations) {
    const s = sim.schedule;
    await doc.object();
    await doc.field('name', s.name);
    await doc.field('source', s.source);
    await doc.field('steps', s.steps);
    await doc.field('stageCount', s.stages.count);
    await doc.field('stagesCompared', compared(sim));
    await doc.field('stagesJudged', sim.stages.filter((st) => withinTolerance(st, report.tolerance) !== null).length);
    await doc.field('withinTolerance', allWithinTolerance(sim.stages, report.tolerance));
    await doc.array('stages');
    for (const st of sim.stages) await doc.record(stageJson(st, report));
    await doc.close();
    await doc.close();
  }
  await doc.end();
}

/** One tidy row per (schedule, stage): CSV with a header, or NDJSON objects. */
export async function writeSimulationRows(sink: TextSink, report: SimulationReport, format: 'csv' | 'ndjson'): Promise<void> {
  const rows = rowWriter(sink, format, ROW_COLUMNS);
  await rows.begin();
  for (const sim of report.simulations) {
    for (const st of sim.stages) await rows.row(rowCells(sim.schedule.name, st, report.tolerance));
  }
}

const num = (x: number | null, digits = 4): string => tableNumber(x, digits);

/**
 * Display stages none of which is judged: the filter's longest memory, and the count of display
 * stages the default's own rule picks (judgedDisplayStageCount), if any would be judged.
 */
function fewerDisplayStages(sim: ScheduleSimulation, best: DisplayStageCount | undefined): string {
  const steps = Math.max(...sim.stages.map((st) => st.endStep));
  const tau = Math.max(...sim.stages.map((st) => spanTimeConstant(sim.schedule, st)));
  const typical = Math.round(steps / sim.stages.length);
  const why = `no display stage long enough to judge: they last about ${typical} steps and the filter remembers up to τ ≈ ${tableNumber(tau, 3)} steps`;
  if (best === undefined || best.measurable === 0) return `${why}, longer than any grouping can hold`;
  return `${why}; --display-stages ${best.displayStages} (spans of about ${Math.round(steps / best.displayStages)} steps) leaves ${best.measurable} of them long enough to judge, ${best.preferred} with the stated tolerance and segments that resolve the test sine (the most of any count)`;
}

/** The steps column (`1–390`) reads left to right. */
const STEPS_COLUMN: ReadonlySet<number> = new Set([1]);

/**
 * Aligned table: one line per stage and a verdict per schedule. The steps are those simulated (a
 * stage cut by --steps shows where the signal ended); a stage with no frequency compared is "–", not
 * "ok"; u and v fit their columns (fitNumber). On a terminal (`terminal`) a long table is sampled
 * as analyze's is (first, last, evenly spaced, each flip of the verdict), with a line saying so.
 */
export async function writeSimulationTable(
  sink: TextSink,
  report: SimulationReport,
  color: { ok: (s: string) => string; bad: (s: string) => string; dim: (s: string) => string },
  terminal?: { all: boolean; columns: number },
): Promise<void> {
  const tol = report.tolerance;
  // Text lines fill a terminal's width; a pipe gets each on one line.
  const text = (words: string, paint: (s: string) => string = (x) => x) => `${(terminal ? fill(words, terminal.columns) : [words]).map((l) => paint(l)).join('\n')}\n`;
  for (const [index, sim] of report.simulations.entries()) {
    // Display stages: the first column names the real stages each row groups (what --stages takes), as analyze's table does.
    const display = sim.stages.some((st) => st.display !== undefined);
    const header = [display ? 'stages' : 'stage', 'steps', 'u', 'v', 'freqs', 'median dB', 'max dB*', 'ok?'];
    // The steps column holds "first–last" of the simulated steps, at most 2·digits + 1 characters.
    const simulatedSteps = Math.min(report.signal.steps, sim.schedule.steps);
    const widths = [display ? displayStagesWidth(sim.schedule.stages.count) : 6, Math.min(17, Math.max(5, 2 * String(simulatedSteps).length + 1)), 10, 10, 6, 10, 8, 4];
    const line = (cells: string[]) => tableLine(cells, widths, STEPS_COLUMN);
    const simulated = Math.min(report.signal.steps, sim.schedule.steps);
    const cut = simulated < sim.schedule.steps ? ` (steps 1–${simulated} of ${sim.schedule.steps} simulated)` : '';
    const chosen = report.displayChosen === true && report.displayCounts?.[index] !== undefined ? `, the count that judges the most of them with the stated tolerance and segments that resolve the test sine, each judged one spanning at most ${NARROW_RANGE_DB} dB of frozen |H_k| at the sine (--display-stages N sets another)` : '';
    const shown = display ? `; its ${sim.schedule.stages.count} stages shown as ${sim.stages.length} display stages${chosen}` : '';
    await sink.write(text(`${sim.schedule.name}: measured |P_xy/P_xx| vs frozen |H_k| over frequencies with coherence ≥ ${tol.coherenceThreshold}${cut}${shown}`));
    await sink.write(`${color.dim(line(header))}\n`);
    const all = terminal === undefined || terminal.all;
    const last = sim.stages.at(-1);
    const sampler = new RowSampler<string>(all ? 0 : sim.stages.length, last === undefined ? undefined : [sim.stages[0].startStep, last.endStep]);
    let bad = 0;
    let unmeasured = 0;
    let previous: string | undefined;
    for (const [position, st] of sim.stages.entries()) {
      const a = st.agreement;
      const measured = a.frequenciesUsed > 0;
      const ok = withinTolerance(st, tol);
      if (ok === false) bad++;
      if (!measured) unmeasured++;
      const biased = measured && st.memoryLimited;
      const verdict = !measured ? '–' : biased ? 'τ' : ok ? 'ok' : 'off';
      const changed = previous !== undefined && verdict !== previous;
      previous = verdict;
      const before = sim.stages[position - 1];
      const moved = movement([st.u, st.v], before && [before.u, before.v]);
      const end = Math.min(st.endStep, simulated);
      // Padded before colouring: tableLine counts an escape's characters as width.
      const pad = (m: string) => m.padStart(widths[7]);
      const mark = !measured ? color.dim(pad('–')) : biased ? color.dim(pad('τ')) : ok ? color.ok(pad('ok')) : color.bad(pad('off'));
      const row = line([stagesCell(st), stepRange(st.startStep, end), fitNumber(st.u, 10, 6), fitNumber(st.v, 10, 6), String(a.frequenciesUsed), num(a.medianDeviationDb, 3), num(a.maxDeviationDb, 3), mark]);
      // Every row streams out (no terminal, --all); else the sample is written once decided.
      if (sampler.keep(position, { changed, moved, steps: [st.startStep, st.endStep] }, row) && all) await sink.write(`${row}\n`);
    }
    if (!all) for (const row of sampler.rows()) await sink.write(`${row}\n`);
    if (sampler.omitted > 0) {
      await sink.write(text(`… ${sim.stages.length - sampler.omitted} of ${sim.stages.length} stages shown (first, last, evenly spaced, where u or v change most, and where the verdict changes); --all shows every stage`, color.dim));
    }
    const limited = memoryLimited(sim);
    const widened = sim.stages.filter((st) => st.agreement.frequenciesUsed > 0 && st.memoryBias !== undefined).length;
    const n = compared(sim) - limited;
    // Stages long enough to judge (a Welch segment, a memory within the measured bias), measured or not.
    const judgeable = sim.stages.filter((st) => st.nperseg > 0 && !st.memoryLimited).length;
    const hint = n === 0 && display && judgeable === 0;
    const [verdict, paint] = hint
      ? [fewerDisplayStages(sim, report.displayCounts?.[index]), color.bad]
      : compared(sim) === 0 && judgeable > 0
      ? [`no stage measured: no frequency reached coherence ≥ ${tol.coherenceThreshold} in the ${judgeable} stage(s) long enough to judge (less noise: --noise; or a lower --coherence); nothing was judged`, color.bad]
      : compared(sim) === 0
      ? [`no stage long enough to measure (each needs ≥ 16 steps; these coefficients change more often): --display-stages N (under --stages auto, the default) measures runs of them together (each against the range of its frozen |H_k|), --series FILE writes the input and the output to compare over time`, color.bad]
      : n === 0
        ? ['no measured stage judged: every one is shorter than its filter\'s memory (τ below)', color.dim]
        : bad === 0
          ? [`all ${n} judged stage(s) within tolerance`, color.ok]
          : [`${bad} of ${n} judged stage(s) outside tolerance`, color.bad];
    // The tolerance belongs to a verdict on judged stages, not to a hint that nothing was judged.
    await sink.write(text(n === 0 ? verdict : `${verdict} (median ≤ ${tol.medianDeviationDb} dB, max ≤ ${tol.maxDeviationDb} dB)`, paint));
    if (widened > 0) await sink.write(text(`${widened} judged stage(s) remember long against their Welch segments (nperseg/4 ≤ τ ≤ nperseg): judged against the larger of the tolerance and the deviations the estimate itself showed for such stages (docs/spectral.md)`, color.dim));
    if (limited > 0) await sink.write(text(`τ ${limited} measured stage(s) not judged: the filter's time constant τ is beyond what the estimate's bias was measured for (τ > nperseg, or ≥ nperseg/4 with segments outside 16–256 steps); see docs/spectral.md`, color.dim));
    if (display) await sink.write(text('display stages: each row groups the real stages in its first column; u and v are those at its last step; the measured gain is judged against the range of the frozen |H_k| over the row\'s stages (docs/spectral.md)', color.dim));
    if (unmeasured > 0 && compared(sim) > 0) await sink.write(text(`– ${unmeasured} stage(s) not measured: no frequency with coherence ≥ ${tol.coherenceThreshold} (too short or too quiet)`, color.dim));
    await sink.write(`${text('* max dB: the largest deviation beyond the resolution of a Welch bin (±0.72 bins for hann); the median counts every compared frequency, so it can be larger: see docs/spectral.md', color.dim)}\n`);
  }
}
