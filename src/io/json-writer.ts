import { jsonArray, jsonValue } from './number-format.js';
import type { AnalysisWriter, WriterOptions } from './analysis-writer.js';
import type { TextSink } from './sink.js';

/**
 * One JSON document, streamed: { schemaVersion, tool, schedules: [ { name, source, steps,
 * stageCount, frequencies, stages: [ … ] } ] }. Each stage record is one line, so diffs are per stage.
 */
export function jsonWriter(sink: TextSink, options: WriterOptions): AnalysisWriter {
  let scheduleCount = 0;
  let stageCount = 0;
  let atStepCount = 0;
  return {
    begin: () => sink.write(`{\n  "schemaVersion": 1,\n  "tool": ${jsonValue(options.tool)},\n  "schedules": [`),
    schedule: (h) => {
      stageCount = 0;
      const sep = scheduleCount++ > 0 ? ',' : '';
      return sink.write(
        `${sep}\n    {\n      "name": ${JSON.stringify(h.name)},\n      "source": ${JSON.stringify(h.source)},\n` +
          `      "steps": ${h.steps},\n      "stageCount": ${h.stageCount},\n` +
          `      "frequencies": ${options.response ? jsonArray(h.frequencies) : '[]'},\n      "stages": [`,
      );
    },
    stage: (r) => sink.write(`${stageCount++ > 0 ? ',' : ''}\n        ${jsonValue(r)}`),
    // "atSteps" beside "stages", only when steps were asked for (so frozen output is unchanged).
    atStep: (a) => sink.write(`${atStepCount++ === 0 ? `${stageCount > 0 ? '\n      ' : ''}],\n      "atSteps": [` : ','}\n        ${jsonValue(a)}`),
    endSchedule: () => {
      const close = atStepCount > 0 ? '\n      ]' : `${stageCount > 0 ? '\n      ' : ''}]`;
      atStepCount = 0;
      return sink.write(`${close}\n    }`);
    },
    end: () => sink.write(`${scheduleCount > 0 ? '\n  ' : ''}]\n}\n`),
  };
}
