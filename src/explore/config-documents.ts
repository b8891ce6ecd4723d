import { isMap, isScalar, isSeq, parseAllDocuments, type Document } from 'yaml';
import { LIMITS } from '../schedule/limits.js';
import { textDepthIssue } from '../schedule/yaml-tree.js';

/** Where one schedule sits in a config text: its document and the key path inside it. */
export interface ScheduleLocation {
  /** Index of the YAML document (`---` separated) holding the schedule. */
  document: number;
  /** Key path of the schedule's mapping inside that document: [] or ['schedules', i]. */
  path: (string | number)[];
}

/**
 * The YAML documents of a config text and the schedules in them, in the order parseSchedules
 * reads them: each document is one schedule, or a `schedules:` list of them. The documents keep
 * their comments and layout, so an edit (setNumber) changes one value and nothing else.
 */
export function configDocuments(text: string): { documents: Document.Parsed[]; schedules: ScheduleLocation[] } {
  // What readYamlDocuments refuses before parsing (too big, too deep: the yaml parser would take
  // minutes or run out of memory) has no schedules here; validation says why.
  if (text.length > LIMITS.maxConfigBytes || textDepthIssue(text) !== undefined) return { documents: [], schedules: [] };
  let list: Document.Parsed[];
  try {
    const documents = parseAllDocuments(text);
    list = Array.isArray(documents) ? documents : [];
  } catch {
    return { documents: [], schedules: [] }; // a stack overflow on nesting the lexer count missed
  }
  const schedules: ScheduleLocation[] = [];
  list.forEach((doc, document) => {
    if (doc.errors.length > 0 || !isMap(doc.contents)) return;
    const many = doc.get('schedules', true);
    if (isSeq(many)) many.items.forEach((item, i) => isMap(item) && schedules.push({ document, path: ['schedules', i] }));
    else schedules.push({ document, path: [] });
  });
  return { documents: list, schedules };
}

/**
 * The text with one number replaced (or added, with the mappings on its way): `path` starts with
 * the document's index. A number the text writes is replaced in place, its characters only (the
 * parser's range of the scalar), so every other character stays, an inline `{ … }` included; a
 * number the text leaves out is added by the yaml package (comments and key order kept). The number
 * is written as JavaScript writes it (shortest round-trip decimal), so it reads back to the same double.
 */
export function setNumber(text: string, path: readonly (string | number)[], value: number): string {
  const { documents } = configDocuments(text);
  const [index, ...keys] = path;
  const doc = documents[index as number];
  if (doc === undefined) throw new RangeError(`setNumber: no document ${String(index)} in the text`);
  const node = doc.getIn(keys, true);
  if (isScalar(node) && typeof node.value === 'number' && node.range !== undefined && node.range !== null) {
    const [start, end] = node.range;
    return text.slice(0, start) + String(value) + text.slice(end);
  }
  // A key added to an inline `{ … }`: written before its closing brace, the mapping kept on its line.
  const parent = doc.getIn(keys.slice(0, -1), true);
  const key = keys.at(-1);
  if (node === undefined && isMap(parent) && parent.flow && parent.range && typeof key === 'string' && /^[A-Za-z_][A-Za-z0-9_]*$/.test(key)) {
    const close = text.lastIndexOf('}', parent.range[1] - 1);
    let at = close;
    while (at > parent.range[0] && /\s/.test(text[at - 1])) at--;
    if (close >= parent.range[0]) {
      const entry = parent.items.length > 0 ? `, ${key}: ${String(value)}` : ` ${key}: ${String(value)}`;
      return text.slice(0, at) + entry + text.slice(at);
    }
  }
  doc.setIn(keys, value);
  return documents.map((d) => String(d)).join('');
}
