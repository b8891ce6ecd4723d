import { selectedStages } from '../analysis/stage-selection.js';
import type { Schedule } from '../types.js';
import { uniqueSlugs } from './file-slug.js';
import { plotGrid } from './plot-grid.js';
import type { PlotKind } from './plot-kind.js';
import type { PlotOptions } from './plot-options.js';
import { coefficientRecords, metricsRecords, responseMapRecords, trainingBins } from './figure-records.js';
import { compareSources } from './compare-sources.js';
import { responseRecords, withExact, type ExactResponses, type ResponseRecords } from './response-records.js';
import { curveStages } from './spread-stages.js';
import { bodeSpec } from './specs/bode.js';
import { coefficientsSpec } from './specs/coefficients.js';
import { compareSpec } from './specs/compare.js';
import { groupDelaySpec } from './specs/group-delay.js';
import { magnitudeSpec } from './specs/magnitude.js';
import { metricsSpec } from './specs/metrics.js';
import { phaseSpec } from './specs/phase.js';
import { responseMapSpec } from './specs/response-map.js';
import type { TopLevelSpec } from './specs/vega-lite-spec.js';
import type { StepBins } from './step-bins.js';
import { learningRateOf, updateRecords } from './update-view.js';
import { OptionError } from '../schedule/issues.js';

/** One figure: a Vega-Lite spec and the names it is filed under. */
export interface PlotFigure {
  /** File stem: `<schedule-slug>-<kind>`, or `compare` for several schedules. */
  id: string;
  kind: PlotKind;
  /** The schedule's name, or null for `compare` of several schedules. */
  schedule: string | null;
  /** Slug of the schedule (page name of the HTML output), or 'compare' for several schedules. */
  slug: string;
  spec: TopLevelSpec;
}


/**
 * Every requested figure for every schedule, in a fixed order (schedules as given, kinds in
 * PLOT_KINDS order, compare last). Pure: the same schedules and options give the same specs.
 *
 * Throws an OptionError when `options.stages` is not a valid selection for some schedule (the CLI
 * checks this first and reports a usage error).
 */
export function plotFigures(
  schedules: readonly Schedule[],
  kinds: readonly PlotKind[],
  options: PlotOptions,
  exact?: ExactResponses,
): PlotFigure[] {
  const figures: PlotFigure[] = [];
  const slugs = uniqueSlugs(schedules.map((s) => s.name));
  const want = new Set(kinds);
  const order: PlotKind[] = ['magnitude', 'phase', 'group-delay', 'bode', 'response-map', 'coefficients', 'metrics'];
  schedules.forEach((schedule, n) => {
    const lr = options.view === 'update' ? learningRateOf(schedule) : undefined;
    const omega = plotGrid([schedule], options, options.frequencies);
    const cache = new Map<number, ResponseRecords>();
    const records = (count: number): ResponseRecords => {
      let r = cache.get(count);
      if (!r) {
        const { stages, distinct } = stagesToDraw(schedule, options, count);
        r = withExact(schedule, { ...responseRecords(schedule, stages, omega), ...(stages.length < count && options.stages === null ? { distinct } : {}) }, exact);
        cache.set(count, r);
      }
      return r;
    };
    // The figures over training share one binning of the stages: log-spaced when a transient at the
    // start would be merged away (trainingBins).
    let trained: StepBins | undefined;
    const training = (): StepBins => (trained ??= trainingBins(schedule, options.mapBins));
    const count = schedule.stages.count;
    const curveCount = options.stageCount;
    for (const kind of order) {
      if (!want.has(kind)) continue;
      let spec: TopLevelSpec;
      if (kind === 'magnitude') {
        const drawn = records(options.interactive ? options.interactiveStageCount : curveCount);
        spec = magnitudeSpec(lr ? updateRecords(drawn, lr) : drawn, options, count);
      }
      else if (kind === 'phase') spec = phaseSpec(records(curveCount), { ...options, interactive: false }, count);
      else if (kind === 'group-delay') spec = groupDelaySpec(records(curveCount), { ...options, interactive: false }, count);
      else if (kind === 'bode') spec = bodeSpec(records(curveCount), options, count);
      else if (kind === 'response-map') spec = responseMapSpec(responseMapRecords(schedule, options, training()), options);
      else if (kind === 'coefficients') spec = coefficientsSpec(coefficientRecords(schedule, options, training()), options);
      else spec = metricsSpec(metricsRecords(schedule, options, training()), options);
      figures.push({ id: `${slugs[n]}-${kind}`, kind, schedule: schedule.name, slug: slugs[n], spec });
    }
  });
  if (want.has('compare') && schedules.length > 0) {
    const omega = plotGrid(
      schedules,
      options,
      options.frequencies,
    );
    // One schedule's compare (its stages across training) is named after it: `compare.svg` from each of
    // several runs into one directory would overwrite the others'.
    const id = schedules.length === 1 ? `${slugs[0]}-compare` : 'compare';
    figures.push({
      id,
      kind: 'compare',
      schedule: schedules.length === 1 ? schedules[0].name : null,
      slug: schedules.length === 1 ? slugs[0] : 'compare',
      spec: compareSpec(compareSources(schedules, options.comparePositions, omega, exact), options),
    });
  }
  return figures;
}

/** The stages drawn as curves: the user's selection, or `count` distinct ones spread over training (curveStages). */
function stagesToDraw(schedule: Schedule, options: PlotOptions, count: number): { stages: number[]; distinct?: number } {
  if (options.stages === null) return curveStages(schedule, count);
  const chosen = selectedStages(options.stages, schedule);
  if ('issue' in chosen) throw new OptionError([chosen.issue]);
  return { stages: chosen };
}
