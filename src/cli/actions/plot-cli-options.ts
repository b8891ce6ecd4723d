import { parseFrequency } from '../../filter/parse-frequency.js';
import { selectStages } from '../../analysis/stage-selection.js';
import { isPlotFormat, PLOT_FORMATS, type PlotFormat } from '../../plot/plot-format.js';
import { isPlotKind, PLOT_KINDS, type PlotKind } from '../../plot/plot-kind.js';
import { PLOT_LIMITS } from '../../plot/plot-option-checks.js';
import { resolvePlotOptions, type PlotOptions, type PlotView, type ThemeName } from '../../plot/plot-options.js';
import type { Schedule } from '../../types.js';
import { didYouMean } from '../../util/suggest.js';
import { CliError } from '../errors.js';
import { outputFormat } from '../output.js';
import type { InputOptions } from '../options.js';
import { quoted } from '../../util/excerpt.js';

/** `momentum-fr plot` options as commander hands them over (strings, except flags). */
export interface PlotCliOptions extends InputOptions {
  kind?: string;
  output?: string;
  outDir?: string;
  format?: string;
  theme: ThemeName;
  width: string;
  height: string;
  pngScale: string;
  dataFile?: boolean;
  freqs: string;
  scale: 'log' | 'linear';
  fmin?: string;
  units: 'rad' | 'cycles' | 'period';
  stages?: string;
  curves: string;
  exact?: boolean;
  view?: PlotView;
  mapColumns: string;
  mapRows: string;
  compareAt: string;
  facet?: boolean;
  force?: boolean;
}

/** Where the files go without -o or --out-dir. */
export const DEFAULT_PLOT_DIR = 'momentum-fr-out/plots';

const MAX_CURVES = PLOT_LIMITS.stageCount[1];

/** The plot request, validated: every value checked before anything is computed or written. */
export interface PlotRequest {
  kinds: PlotKind[];
  formats: PlotFormat[];
  plot: PlotOptions;
  pngScale: number;
  dataFile: boolean;
  /** -o as given (relative to the working directory), `-` for stdout, or undefined. */
  output?: string;
  /** Directory of the files when there is no -o. */
  outDir: string;
}

/** Checks every option (usage errors are CliError, exit 2) and fills in the defaults. */
export function plotRequest(options: PlotCliOptions, scheduleCount: number): PlotRequest {
  if (options.output !== undefined && options.outDir !== undefined) throw new CliError('-o and --out-dir cannot be combined: -o names the file (or prefix) itself');
  const kinds = parseKinds(options.kind, scheduleCount);
  const formats = parseFormats(options.format, options.output);
  if (options.dataFile && !formats.includes('vl.json')) throw new CliError('--data-file applies to the .vl.json format only');
  const fmin = options.fmin === undefined ? null : (parseFrequency(options.fmin) ?? NaN);
  if (fmin !== null && !(fmin > 0 && fmin < Math.PI)) throw new CliError(`--fmin: expected a number in (0, π) rad/sample (got ${quoted(options.fmin ?? '')})`);
  const plot = resolvePlotOptions({
    theme: options.theme,
    width: integer('--width', options.width, ...PLOT_LIMITS.width),
    height: integer('--height', options.height, ...PLOT_LIMITS.height),
    frequencyScale: options.scale,
    frequencyUnit: options.units,
    frequencies: integer('--freqs', options.freqs, ...PLOT_LIMITS.frequencies),
    omegaMin: fmin,
    stageCount: integer('--curves', options.curves, ...PLOT_LIMITS.stageCount),
    stages: options.stages ?? null,
    mapBins: integer('--map-columns', options.mapColumns, ...PLOT_LIMITS.mapBins),
    mapRows: integer('--map-rows', options.mapRows, ...PLOT_LIMITS.mapRows),
    compareLayout: options.facet ? 'facet' : 'overlay',
    comparePositions: parseFractions(options.compareAt),
    view: options.view,
  });
  const pngScale = Number(options.pngScale);
  if (!(pngScale > 0 && pngScale <= PLOT_LIMITS.pngScale[1])) throw new CliError(`--png-scale: expected a number in (0, 8] (got ${quoted(options.pngScale)})`);
  return { kinds, formats, plot, pngScale, dataFile: options.dataFile === true, output: options.output, outDir: options.outDir ?? DEFAULT_PLOT_DIR };
}

/** `--view update` needs a learning rate in every schedule, checked before any figure is built. */
export function checkView(view: PlotView, schedules: readonly Schedule[]): void {
  if (view !== 'update') return;
  const without = schedules.find((s) => s.lr === undefined);
  if (without) throw new CliError(`--view update draws α·H: schedule ${without.name} has no lr (give lr: in its config)`);
}

/** `--stages` against each schedule, before any figure is built. */
export function checkStages(stages: string | null, schedules: readonly Schedule[]): void {
  if (stages === null) return;
  for (const s of schedules) {
    const chosen = selectStages(stages, s.stages);
    if (!Array.isArray(chosen)) throw new CliError(`--stages: ${chosen.error} (schedule ${s.name})`);
    if (chosen.length > MAX_CURVES) {
      throw new CliError(`--stages: ${chosen.length} stages of schedule ${s.name} would be drawn; at most ${MAX_CURVES} curves fit in a figure (thin the selection with every:N)`);
    }
  }
}

/** `magnitude,phase` or `all`; without --kind or with `all`, every per-schedule kind, and compare for several schedules. */
export function parseKinds(text: string | undefined, scheduleCount: number): PlotKind[] {
  if (text === undefined) return PLOT_KINDS.filter((k) => k !== 'compare' || scheduleCount > 1);
  const wanted = new Set<PlotKind>();
  for (const raw of text.split(',')) {
    const word = raw.trim();
    if (word === 'all') PLOT_KINDS.forEach((k) => (k !== 'compare' || scheduleCount > 1) && wanted.add(k));
    else if (isPlotKind(word)) wanted.add(word);
    else throw new CliError(`--kind: unknown plot kind ${quoted(word)}${didYouMean(word, [...PLOT_KINDS, 'all'])}; expected ${PLOT_KINDS.join(', ')} or all`);
  }
  return PLOT_KINDS.filter((k) => wanted.has(k));
}

/**
 * --format list, else the -o extension. One --format decides the format of -o whatever its name
 * (`-o /dev/stdout`, `-o >(cmd)`, a device); several need --out-dir.
 */
export function parseFormats(text: string | undefined, output: string | undefined): PlotFormat[] {
  const listed = text === undefined ? undefined : [...new Set(text.split(',').map((f) => f.trim().replace(/^\./, '')))];
  for (const f of listed ?? []) {
    if (!isPlotFormat(f)) throw new CliError(`--format: unknown format ${quoted(f)}${didYouMean(f, PLOT_FORMATS)}; expected ${PLOT_FORMATS.join(', ')}`);
  }
  const formats = listed as PlotFormat[] | undefined;
  if (output === undefined) return formats ?? ['svg'];
  if (formats !== undefined && formats.length !== 1) throw new CliError(`-o ${output} is one file, but --format asks for ${formats.join(',')}; use --out-dir for several formats`);
  return [outputFormat('-o', output, '--format', formats?.[0], PLOT_FORMATS)];
}

function integer(name: string, text: string, min: number, max: number): number {
  const n = Number(text);
  if (!Number.isInteger(n) || n < min || n > max) throw new CliError(`${name}: expected an integer from ${min} to ${max} (got ${quoted(text)})`);
  return n;
}

function parseFractions(text: string): number[] {
  const values = text.split(',').map((t) => Number(t.trim()));
  if (text.trim() === '' || values.some((x) => !(x >= 0 && x <= 1))) throw new CliError(`--compare-at: expected fractions of training in [0, 1], e.g. 0,0.5,1 (got ${quoted(text)})`);
  return values;
}
