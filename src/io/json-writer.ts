import { jsonArray } from '../util/json-value.js';
import type { AnalysisWriter, WriterOptions } from './analysis-writer.js';
import { jsonDocument, jsonText } from '../util/json-document.js';
import type { TextSink } from './sink.js';

/**
 * One JSON document, streamed: { schemaVersion, tool, schedules: [ { name, source, steps,
 * stageCount, frequencies, stages: [ … ], atSteps?: [ … ], summary: [ sentences ] } ] }. Each stage
 * record is one line, so diffs are per stage. The summary comes last: the header's when given (the
 * stages are a selection), else endSchedule's.
 */
export function jsonWriter(sink: TextSink, options: WriterOptions): AnalysisWriter {
  const doc = jsonDocument(sink);
  let atSteps = false;
  let given: string[] | undefined;
  return {
    begin: async () => {
      await doc.header();
      await doc.array('schedules');
    },
    schedule: async (h) => {
      given = h.summary;
      await doc.object();
      await doc.field('name', h.name);
      await doc.field('source', h.source);
      await doc.field('steps', h.steps);
      await doc.field('stageCount', h.stageCount);
      if (h.display) await doc.field('display', h.display);
      await doc.field('frequencies', jsonText(options.response ? jsonArray(h.frequencies) : '[]'));
      await doc.array('stages');
    },
    stage: (r) => doc.record(r),
    // "atSteps" beside "stages", only when steps were asked for (so frozen output is unchanged).
    atStep: async (a) => {
      if (!atSteps) {
        atSteps = true;
        await doc.close();
        await doc.array('atSteps');
      }
      await doc.record(a);
    },
    endSchedule: async (summary) => {
      atSteps = false;
      await doc.close();
      await doc.field('summary', given ?? summary ?? []);
      await doc.close();
    },
    end: () => doc.end(),
    // At the end, built from the stages as they pass, when they are every stage (or display stages).
    summaryFirst: (covers) => !covers,
  };
}
