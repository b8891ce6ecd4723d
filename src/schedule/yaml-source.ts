import { isMap, isScalar, isSeq, LineCounter, parseAllDocuments, type Document, type Node } from 'yaml';
import type { ConfigIssue } from './issues.js';
import { LIMITS } from './limits.js';
import { excerpt, EXCERPT_LENGTH } from '../util/excerpt.js';
import { textDepthIssue, treeIssues } from './yaml-tree.js';

/** One YAML (or JSON) document, with what is needed to point at its keys later. */
export interface SourceDocument {
  index: number;
  value: unknown;
  /** 1-based line:column of the node at `path` (or of its nearest ancestor present in the text). */
  locate(path: readonly (string | number)[], atKey?: boolean): { line: number; column: number } | undefined;
}

/**
 * Parses YAML (a superset of JSON) into plain values, refusing alias bombs (more than
 * LIMITS.maxAliases aliases), nesting deeper than LIMITS.maxDepth (keys included), oversized text,
 * duplicate keys, keys that are lists or mappings, and aliases without an anchor: each with its line
 * and column, before any JS value is built. Syntax errors come back with the parser's position.
 */
export function readYamlDocuments(text: string): { documents: SourceDocument[]; issues: ConfigIssue[] } {
  const issues: ConfigIssue[] = [];
  if (text.length > LIMITS.maxConfigBytes) {
    return { documents: [], issues: [{ code: 'too_big', path: [], message: `config is larger than ${LIMITS.maxConfigBytes} bytes`, line: 1, column: 1 }] };
  }
  const lineCounter = new LineCounter();
  const deep = textDepthIssue(text);
  if (deep) {
    const { offset, ...issue } = deep;
    lineCounter.addNewLine(0);
    for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) lineCounter.addNewLine(i + 1);
    const p = lineCounter.linePos(offset);
    return { documents: [], issues: [{ ...issue, line: p.line, column: p.col }] };
  }
  let docs: Document.Parsed[];
  try {
    // logLevel 'error': the yaml package would print its warnings with console.warn; ours are issues.
    docs = parseAllDocuments(text, { lineCounter, uniqueKeys: true, prettyErrors: false, logLevel: 'error' }) as Document.Parsed[];
  } catch {
    // The parser recurses on nesting; a stack overflow means absurdly deep input.
    return { documents: [], issues: [{ code: 'too_deep', path: [], message: `nesting too deep to parse (at most ${LIMITS.maxDepth} levels)`, line: 1, column: 1 }] };
  }
  if (!Array.isArray(docs)) docs = [docs];
  const documents: SourceDocument[] = [];
  const position = (offset: number) => {
    const p = lineCounter.linePos(offset);
    return { line: p.line, column: p.col };
  };
  docs.forEach((doc, index) => {
    for (const e of doc.errors) {
      const at = position(e.pos[0]);
      issues.push({ code: 'yaml_syntax', path: [], message: firstLine(e.message), ...at });
    }
    if (doc.errors.length > 0) return;
    const found = treeIssues(doc.contents as Node | null);
    if (found.length > 0) {
      issues.push(...found.map(({ offset, ...issue }) => ({ ...issue, ...position(offset) })));
      return;
    }
    let value: unknown;
    try {
      value = doc.toJS({ maxAliasCount: LIMITS.maxAliases });
    } catch (err) {
      issues.push({ code: 'alias_limit', path: [], message: firstLine((err as Error).message), ...position((doc.contents as Node | null)?.range?.[0] ?? 0) });
      return;
    }
    if (value === null || value === undefined) return; // empty document (e.g. after a trailing ---)
    documents.push({
      index,
      value,
      locate(path, atKey = false) {
        const offset = locateOffset(doc.contents as Node | null, path, atKey);
        return offset === undefined ? undefined : position(offset);
      },
    });
  });
  return { documents, issues };
}

/** The parser's message without its position (ours is added) and cut short: it may quote a long token. */
function firstLine(message: string): string {
  return excerpt(message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, ''), 2 * EXCERPT_LENGTH);
}

/** Start offset of the node at `path`; the deepest existing ancestor when the path is missing. */
function locateOffset(root: Node | null, path: readonly (string | number)[], atKey: boolean): number | undefined {
  let node: Node | null = root;
  let best = node?.range?.[0];
  for (let i = 0; i < path.length; i++) {
    const key = path[i];
    if (isMap(node)) {
      const pair = node.items.find((p) => isScalar(p.key) && String(p.key.value) === String(key));
      if (!pair) return best;
      const keyNode = pair.key as Node;
      const last = i === path.length - 1;
      if (last && atKey) return keyNode.range?.[0] ?? best;
      node = pair.value as Node | null;
      best = node?.range?.[0] ?? keyNode.range?.[0] ?? best;
    } else if (isSeq(node) && typeof key === 'number') {
      node = (node.items[key] as Node | undefined) ?? null;
      if (!node) return best;
      best = node.range?.[0] ?? best;
    } else {
      return best;
    }
  }
  return best;
}
