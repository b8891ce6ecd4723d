import { z } from 'zod';
import { selectedStages } from '../analysis/stage-selection.js';
import type { ConfigIssue } from '../schedule/issues.js';
import { fromZodIssues } from '../schedule/zod-issues.js';
import type { Schedule } from '../types.js';
import { PLOT_FORMATS } from './plot-format.js';
import { PLOT_KINDS } from './plot-kind.js';

/** Bounds of the numeric plot options, [min, max] (the CLI's flags share them). */
export const PLOT_LIMITS = {
  width: [50, 4000],
  height: [30, 4000],
  frequencies: [2, 10_000],
  /** Curves in one figure beyond which a plot is unreadable (and its spec huge). */
  stageCount: [1, 200],
  mapBins: [1, 4000],
  mapRows: [2, 2000],
  interactiveStageCount: [1, 200],
  pngScale: [Number.MIN_VALUE, 8],
} as const satisfies Record<string, readonly [number, number]>;

const bounded = (key: keyof typeof PLOT_LIMITS) => z.int().min(PLOT_LIMITS[key][0]).max(PLOT_LIMITS[key][1]);

/** A partial PlotOptions as a library caller may pass it to renderPlots. */
const PlotOptionsInput = z
  .strictObject({
    theme: z.enum(['light', 'dark']),
    width: bounded('width'),
    height: bounded('height'),
    frequencyScale: z.enum(['log', 'linear']),
    frequencyUnit: z.enum(['rad', 'cycles', 'period']),
    frequencies: bounded('frequencies'),
    omegaMin: z.number().gt(0).lt(Math.PI).nullable(),
    stageCount: bounded('stageCount'),
    stages: z.string().nullable(),
    mapBins: bounded('mapBins'),
    mapRows: bounded('mapRows'),
    compareLayout: z.enum(['overlay', 'facet']),
    comparePositions: z.array(z.number().min(0).max(1)).min(1),
    interactive: z.boolean(),
    interactiveStageCount: bounded('interactiveStageCount'),
    view: z.enum(['momentum', 'update']),
  })
  .partial();

const RenderOptionsInput = z.object({
  kinds: z.array(z.enum(PLOT_KINDS)).min(1),
  formats: z.array(z.enum(PLOT_FORMATS)).min(1),
  plot: PlotOptionsInput.optional(),
  dataFile: z.boolean().optional(),
  output: z.string().min(1).optional(),
  png: z.strictObject({ scale: z.number().gt(0).max(PLOT_LIMITS.pngScale[1]).optional(), fontDirs: z.array(z.string()).optional() }).optional(),
});

/**
 * renderPlots' options as issues (paths into the options object): unknown kinds and formats, plot
 * options of the wrong type or out of bounds, a stage selection that does not fit every schedule.
 */
export function renderOptionIssues(schedules: unknown, options: unknown): ConfigIssue[] {
  if (!Array.isArray(schedules) || !schedules.every((s) => typeof (s as Schedule)?.stages?.count === 'number')) {
    return [{ code: 'invalid_option', path: ['schedules'], message: 'expected a list of schedules (parseSchedules(…).schedules)' }];
  }
  const parsed = RenderOptionsInput.safeParse(options, { reportInput: true });
  if (!parsed.success) return fromZodIssues(parsed.error.issues, [], (p) => (p[0] === 'plot' ? Object.keys(PlotOptionsInput.shape) : []));
  if (parsed.data.plot?.view === 'update') {
    const without = (schedules as Schedule[]).find((s) => s.lr === undefined);
    if (without) return [{ code: 'invalid_option', path: ['plot', 'view'], message: `the update view needs a learning rate: schedule ${without.name} has no lr`, received: 'update' }];
  }
  const stages = parsed.data.plot?.stages;
  if (typeof stages !== 'string') return [];
  for (const s of schedules as Schedule[]) {
    const chosen = selectedStages(stages, s, ['plot', 'stages']);
    const max = PLOT_LIMITS.stageCount[1];
    if ('issue' in chosen) return [chosen.issue];
    if (chosen.length > max) {
      return [{ code: 'too_big', path: ['plot', 'stages'], message: `${chosen.length} stages of schedule ${s.name} would be drawn; at most ${max} curves fit in a figure (thin the selection with every:N)` }];
    }
  }
  return [];
}
