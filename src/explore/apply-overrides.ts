import { Document } from 'yaml';
import { applyOverride } from '../schedule/config-path.js';
import type { Override } from '../schedule/parse.js';
import { configDocuments } from './config-documents.js';

/**
 * The config text with `--set` overrides written into it, for the page's YAML pane: each override
 * goes to every schedule of the text, a bare name resolved per schedule as parseSchedules resolves
 * it (applyOverride), so the page analyses what the CLI analyses with the same overrides. The rest
 * of the text (comments, order, style) is kept. Overrides that mean nothing in a schedule are left
 * out here: parseSchedules reports them.
 */
export function applyOverridesToText(text: string, overrides: readonly Override[]): string {
  if (overrides.length === 0) return text;
  const { documents, schedules } = configDocuments(text);
  for (const where of schedules) {
    const doc = documents[where.document];
    const node: unknown = where.path.length === 0 ? doc.toJS() : doc.getIn(where.path, false);
    const plain = (node as { toJSON?: () => unknown })?.toJSON?.() ?? node;
    const scratch = structuredClone(plain ?? {}) as Record<string, unknown>;
    for (const { path, value } of overrides) {
      const full = applyOverride(scratch, path, value);
      if (!('error' in full)) doc.setIn([...where.path, ...full], value);
    }
  }
  return documents.map((d) => String(d)).join('');
}

/** A config value (a preset's document) as YAML text. */
export function configText(value: unknown): string {
  return String(new Document(value));
}
