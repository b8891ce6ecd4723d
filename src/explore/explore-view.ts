import { reportRecords, scheduleHeader, stageRecords, stageReportOf } from '../analysis/analyze.js';
import { scheduleSummary } from '../analysis/schedule-summary.js';
import { linearGrid } from '../filter/grid.js';
import { jsonDocument } from '../util/json-document.js';
import { plotFigures, type PlotFigure } from '../plot/plot-figures.js';
import { resolvePlotOptions, type PlotOptions } from '../plot/plot-options.js';
import { uniqueSlugs } from '../plot/file-slug.js';
import { formatIssue, type ConfigIssue } from '../schedule/issues.js';
import { parseSchedules } from '../schedule/parse.js';
import type { Schedule, StageRecord } from '../types.js';
import { jsonNumber, jsonValue } from '../util/json-value.js';
import { LIBRARY_VOCABULARY, type Vocabulary } from '../vocabulary.js';
import { exactAtStep } from './exact-at-step.js';
import { labelStem } from './label-stem.js';
import type { PageState } from './page-state.js';

/** The page's words for the knobs a message may advise turning. */
export const PAGE_VOCABULARY: Vocabulary = { ...LIBRARY_VOCABULARY, allowUnstable: 'the "allow unstable" box' };

/** Frequencies of the analysed responses: analyze's default grid (linearGrid(512), rad/sample). */
export const EXPLORE_FREQUENCIES = 512;

/** The headline numbers of one schedule, as text with the digits `analyze --format json` writes. */
export interface ScheduleSummary {
  name: string;
  steps: number;
  stageCount: number;
  /** Training step the stage slider stands at, and the stage holding it. */
  step: number;
  stage: number;
  /** Metrics of the last stage (`analyze --stages last`), and of the slider's stage. */
  final: SummaryNumbers;
  atStep: SummaryNumbers;
  /** The schedule in words, as analyze's JSON `summary` gives it. */
  words: string[];
  /** With the exact-vs-frozen figure: the largest gap between |H(t, ω)| and |H_k(ω)| at the slider's step, dB. */
  exactGapDb?: string;
}

/** A stage's numbers as JSON text (jsonNumber: shortest round-trip, null where undefined). */
export interface SummaryNumbers {
  stage: number;
  u: string;
  v: string;
  dcGain: string;
  dcGainDb: string;
  nyquistGainDb: string;
  cutoffFrequency: string;
  noiseGain: string;
  groupDelayDc: string;
  filterType: string;
}

/** A message of the text where the editor shows it: 1-based line and column (absent: not from a place in the text). */
export interface LocatedMessage {
  line?: number;
  column?: number;
  severity: 'error' | 'warning' | 'info';
  /** The whole line as `validate` prints it. */
  message: string;
}

export interface ExploreView {
  /** Problems of the text, `label:line:col: key.path: message` as `validate` prints them; none when it analysed. */
  issues: string[];
  warnings: string[];
  /** The issues and warnings again, each at its place in the text (the YAML pane's diagnostics). */
  messages: LocatedMessage[];
  summaries: ScheduleSummary[];
  /** With several schedules their overlay at the slider's position first; then every schedule's chosen figure. */
  figures: PlotFigure[];
  /** The analysis as `analyze --format json` writes it (all stages, 512 frequencies), built on demand. */
  recordsJson(): string;
}

/**
 * What the page shows for a state: the text parsed and validated as the CLI does (the same
 * located messages as `validate`), every stage of every schedule analysed on analyze's grid
 * (512 frequencies), the headline numbers, and the Vega-Lite specs the CLI draws: several schedules overlaid
 * at the slider's position (`plot --kind compare`), then each schedule's chosen figure (curves at
 * the first stage, the slider's stage and the last; or the exact response at the slider's step
 * beside its stage's frozen one). Pure: the same state gives the same view.
 */
export function exploreView(state: PageState, label: string, plot: Partial<PlotOptions> = {}): ExploreView {
  const parsed = parseSchedules(state.text, { allowUnstable: state.allowUnstable, defaultName: labelStem(label) || 'schedule', vocabulary: PAGE_VOCABULARY });
  const warnings = parsed.warnings.map((w) => formatIssue(label, w));
  const messages: LocatedMessage[] = [
    ...parsed.issues.map((i) => located(i, 'error', formatIssue(label, i))),
    ...parsed.warnings.map((w) => located(w, w.severity === 'note' ? 'info' : 'warning', formatIssue(label, w))),
  ];
  if (parsed.issues.length > 0) return { issues: parsed.issues.map((i) => formatIssue(label, i)), warnings, messages, summaries: [], figures: [], recordsJson: () => '' };
  const frequencies = linearGrid(EXPLORE_FREQUENCIES);
  // As analyze by default: every stage up to 1000 of them, display stages above (a 10⁶-step run stays small).
  const analyses = parsed.schedules.map((schedule) => {
    const report = stageReportOf(schedule, { stages: 'auto' });
    const records = [...reportRecords(schedule, report, { frequencies, response: true })];
    return { schedule, records, report, words: scheduleSummary(records, schedule) };
  });
  const summaries = analyses.map(({ schedule, words }) => summary(schedule, words, state.position, frequencies));
  const options = resolvePlotOptions({ ...plot, comparePositions: [state.position] });
  const figures = parsed.schedules.length > 1 ? plotFigures(parsed.schedules, ['compare'], options) : [];
  analyses.forEach(({ schedule }, n) => {
    if (state.figure === 'exact-vs-frozen') {
      const at = exactAtStep(schedule, summaries[n].step, options, uniqueSlugs([schedule.name])[0]);
      summaries[n].exactGapDb = jsonNumber(at.gapDb);
      figures.push(at.figure);
      return;
    }
    const stages = state.figure === 'magnitude' || state.figure === 'phase' || state.figure === 'group-delay' ? `first,${summaries[n].stage},last` : null;
    figures.push(...plotFigures([schedule], [state.figure], { ...options, stages }));
  });
  return {
    issues: [],
    warnings,
    messages,
    summaries,
    figures,
    recordsJson: () => {
      // analyze --format json's document (json-writer.ts's layout), written into a string.
      let json = '';
      const doc = jsonDocument({ write: (text) => void (json += text) });
      doc.header();
      doc.array('schedules');
      for (const { schedule, records, report, words } of analyses) {
        doc.object();
        for (const [key, value] of Object.entries(scheduleHeader(schedule, frequencies, report))) doc.field(key, value);
        doc.array('stages');
        doc.records(records.map(jsonValue));
        doc.close();
        doc.field('summary', words);
        doc.close();
      }
      doc.end();
      return json;
    },
  };
}

function located(issue: ConfigIssue, severity: LocatedMessage['severity'], message: string): LocatedMessage {
  // A value from elsewhere (`--set`, an origin) has no place in the text, even if its key has one.
  return issue.line !== undefined && issue.origin === undefined ? { line: issue.line, column: issue.column ?? 1, severity, message } : { severity, message };
}

/** The training step at a position (fraction of the steps): step 1 at 0, the last step at 1. */
export function stepAt(steps: number, position: number): number {
  return Math.min(steps, Math.max(1, Math.round(position * steps)));
}

/**
 * The numbers at the slider's step and at the end: real stages (`analyze --stages step:S` and
 * `--stages last`), never the display stages a long per-step schedule is tabulated in (a display
 * stage's index is not a stage index, and its values are those of its last step, not of step S).
 */
function summary(schedule: Schedule, words: string[], position: number, frequencies: Float64Array): ScheduleSummary {
  const step = stepAt(schedule.steps, position);
  const [stage, last] = stageRecords(schedule, { stages: `step:${step},last`, frequencies, response: false });
  const final = last ?? stage; // one record when step S lies in the last stage
  return { name: schedule.name, steps: schedule.steps, stageCount: schedule.stages.count, step, stage: stage.index, final: numbers(final), atStep: numbers(stage), words };
}

function numbers(r: StageRecord): SummaryNumbers {
  const m = r.metrics;
  return {
    stage: r.index,
    u: jsonNumber(r.u),
    v: jsonNumber(r.v),
    dcGain: jsonNumber(m.dcGain),
    dcGainDb: jsonNumber(m.dcGainDb),
    nyquistGainDb: jsonNumber(m.nyquistGainDb),
    cutoffFrequency: jsonNumber(m.cutoffFrequency),
    noiseGain: jsonNumber(m.noiseGain),
    groupDelayDc: jsonNumber(m.groupDelayDc),
    filterType: m.filterType,
  };
}
