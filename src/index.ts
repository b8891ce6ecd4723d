// Re-exports only: the library's public API.
export { analyze, stageRecords, scheduleHeader, type AnalyzeOptions, type ScheduleHeader } from './analysis/analyze.js';
export { selectStages } from './analysis/stage-selection.js';
export { parseSchedules, type ParseOptions, type ParseResult } from './schedule/parse.js';
export { ConfigError, formatIssue, type ConfigIssue } from './schedule/issues.js';
export { PRESETS } from './schedule/presets/index.js';
export { configJsonSchema } from './schedule/schema.js';
export { starterYaml } from './schedule/starter.js';
export { linearGrid, logGrid } from './filter/grid.js';
export { frozenResponse, frozenMagnitudeSquared } from './filter/frozen-response.js';
export { stageMetrics, cutoffFrequency, unityGainFrequency, timeConstant } from './filter/metrics.js';
export { run } from './cli/main.js';
export type * from './types.js';
