import { jsonValue } from '../util/json-value.js';
import { ConfigError, OptionError, type ConfigIssue, type ConfigWarning } from '../schedule/issues.js';
import { LIMITS } from '../schedule/limits.js';
import { parseConfig, parseSchedules, type ParseOptions } from '../schedule/parse.js';
import type { AnalysisResult, Schedule } from '../types.js';
import { stageReport } from './display-stages.js';

const MODES: readonly unknown[] = ['auto', 'frozen', 'exact', 'both'];

/** What `analyze` accepts: config text, a config object (what the YAML gives), or resolved schedules. */
export type AnalyzeInput = string | Schedule | Schedule[] | Record<string, unknown>;

/**
 * The schedules of analyze's input, and the warnings of its config. Config text or a config object
 * with problems throws a ConfigError with every issue (text: with line:col; objects: key paths only).
 */
export function schedulesOfInput(input: unknown, options: ParseOptions): { schedules: Schedule[]; warnings: ConfigWarning[] } {
  if (isSchedule(input)) return { schedules: [input], warnings: [] };
  if (Array.isArray(input) && input.length > 0 && input.every(isSchedule)) return { schedules: input, warnings: [] };
  const parsed = typeof input === 'string' ? parseSchedules(input, options) : parseConfig(input, options);
  if (parsed.issues.length > 0) throw new ConfigError('<config>', parsed.issues);
  return { schedules: parsed.schedules, warnings: parsed.warnings };
}

/** A resolved schedule (parseSchedules' output), as opposed to a config object (whose `stages` is a number). */
function isSchedule(x: unknown): x is Schedule {
  if (typeof x !== 'object' || x === null) return false;
  const { name, steps, stages } = x as Partial<Schedule>;
  if (typeof name !== 'string' || typeof steps !== 'number' || typeof stages !== 'object' || stages === null) return false;
  const arrays = [stages.startStep, stages.endStep, stages.u, stages.v];
  return Number.isInteger(stages.count) && arrays.every((a) => a instanceof Float64Array && a.length >= stages.count);
}

/**
 * analyze's options checked against its schedules; throws an OptionError naming each bad option
 * (path: the option's name), so that a bad `stages` or `atSteps` is not a RangeError mid-way.
 */
export function checkAnalyzeOptions(
  schedules: readonly Schedule[],
  options: { frequencies?: unknown; stages?: unknown; displayStages?: unknown; mode?: unknown; atSteps?: unknown },
): void {
  const issues: ConfigIssue[] = [];
  const { frequencies, stages, displayStages, mode, atSteps } = options;
  if (frequencies !== undefined) {
    const ok = frequencies instanceof Float64Array && frequencies.length >= 1 && frequencies.length <= LIMITS.maxFrequencies && frequencies.every(Number.isFinite);
    if (!ok) issues.push({ code: 'invalid_option', path: ['frequencies'], message: `expected a Float64Array of 1 to ${LIMITS.maxFrequencies} finite frequencies in rad/sample (linearGrid, logGrid)` });
  }
  if (mode !== undefined && !MODES.includes(mode)) issues.push({ code: 'invalid_option', path: ['mode'], message: "expected 'auto', 'frozen', 'exact' or 'both'", received: mode });
  if (displayStages !== undefined && !(Number.isInteger(displayStages) && (displayStages as number) >= 1 && (displayStages as number) <= LIMITS.maxStages)) {
    issues.push({ code: 'invalid_option', path: ['displayStages'], message: `expected a whole number of display stages from 1 to ${LIMITS.maxStages}`, received: displayStages });
  }
  if (stages !== undefined) {
    if (typeof stages !== 'string') issues.push({ code: 'invalid_option', path: ['stages'], message: 'expected a stage selection such as "first,last"', received: stages });
    else {
      const bad = schedules.map((s) => stageReport(s, stages)).find((report) => 'issue' in report);
      if (bad && 'issue' in bad) issues.push(bad.issue);
    }
  }
  if (atSteps !== undefined) {
    const list = Array.isArray(atSteps) ? atSteps : [];
    const bad = Array.isArray(atSteps) ? list.find((n) => !Number.isInteger(n) || n < 1 || schedules.some((s) => n > s.steps)) : atSteps;
    if (!Array.isArray(atSteps) || bad !== undefined) {
      issues.push({ code: 'invalid_option', path: ['atSteps'], message: 'expected a list of whole steps, each from 1 to the schedule\'s steps', received: bad });
    }
  }
  if (issues.length > 0) throw new OptionError(issues);
}

/**
 * Gives a result the CLI's JSON form: `JSON.stringify(result)` writes the same document as
 * `momentum-fr analyze --format json` (typed arrays as arrays, non-finite numbers as null).
 * Non-enumerable, so the result still compares and spreads as plain data.
 */
export function withJson<T extends Omit<AnalysisResult, 'toJSON'>>(result: T): T & Pick<AnalysisResult, 'toJSON'> {
  Object.defineProperty(result, 'toJSON', { value: () => JSON.parse(jsonValue({ ...result })), enumerable: false });
  return result as T & Pick<AnalysisResult, 'toJSON'>;
}
