import { configDocuments } from './config-documents.js';
import { parseSchedules } from '../schedule/parse.js';
import { isTable } from '../schedule/schedule-value.js';
import type { ReadTable } from '../schedule/table-values.js';

/** Most table values a page's YAML carries: beyond, the text in its textarea is no longer something to read or edit. */
export const MAX_PAGE_TABLE_VALUES = 100_000;

/**
 * The config text with every `{ table: file }` value replaced by the values the file holds
 * (`{ table: [0.1, 0.1, …] }`, `column` dropped), read by `read` as the CLI reads them: a page has
 * no files, and analyses what it carries. Comments and layout of the rest are kept. Returns the text
 * and how many values it now carries (the caller refuses more than MAX_PAGE_TABLE_VALUES); a text
 * without tables comes back unchanged. Problems reading them are the CLI's validation's to report.
 */
export function embedTables(text: string, read: ReadTable): { text: string; values: number } {
  if (!text.includes('table')) return { text, values: 0 };
  const { configs, issues } = parseSchedules(text, { readTable: read });
  if (issues.length > 0) return { text, values: 0 };
  const { documents, schedules } = configDocuments(text);
  let values = 0;
  configs.forEach((config, i) => {
    const where = schedules[i];
    if (where === undefined) return;
    const doc = documents[where.document];
    const embed = (value: unknown, keys: string[]): void => {
      if (!isTable(value) || !(value.table instanceof Float64Array)) return;
      const at = [...where.path, ...keys];
      if (typeof doc.getIn([...at, 'table']) !== 'string') return;
      values += value.table.length;
      doc.setIn([...at, 'table'], doc.createNode(Array.from(value.table), { flow: true }));
      doc.deleteIn([...at, 'column']);
    };
    embed(config.lr, ['lr']);
    const momentum = config.momentum as unknown as Record<string, unknown>;
    const holder = (momentum.preset === undefined ? momentum.custom : momentum.params) as Record<string, unknown>;
    for (const key of Object.keys(holder ?? {})) embed(holder[key], ['momentum', key]);
  });
  return values === 0 ? { text, values } : { text: documents.map((d) => String(d)).join(''), values };
}
