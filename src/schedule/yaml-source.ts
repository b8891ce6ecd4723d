import { isMap, isPair, isScalar, isSeq, LineCounter, parseAllDocuments, type Document, type Node } from 'yaml';
import type { ConfigIssue } from './issues.js';
import { LIMITS } from './limits.js';

/** One YAML (or JSON) document, with what is needed to point at its keys later. */
export interface SourceDocument {
  index: number;
  value: unknown;
  /** 1-based line:column of the node at `path` (or of its nearest ancestor present in the text). */
  locate(path: readonly (string | number)[], atKey?: boolean): { line: number; column: number } | undefined;
}

/**
 * Parses YAML (a superset of JSON) into plain values, refusing alias bombs (more than
 * LIMITS.maxAliases aliases), nesting deeper than LIMITS.maxDepth, oversized text and duplicate keys.
 * Syntax errors come back as issues with the parser's line and column.
 */
export function readYamlDocuments(text: string): { documents: SourceDocument[]; issues: ConfigIssue[] } {
  const issues: ConfigIssue[] = [];
  if (text.length > LIMITS.maxConfigBytes) {
    return { documents: [], issues: [{ code: 'too_big', path: [], message: `config is larger than ${LIMITS.maxConfigBytes} bytes` }] };
  }
  const lineCounter = new LineCounter();
  let docs: Document.Parsed[];
  try {
    docs = parseAllDocuments(text, { lineCounter, uniqueKeys: true, prettyErrors: false }) as Document.Parsed[];
  } catch (err) {
    // The parser recurses on nesting; a stack overflow means absurdly deep input.
    return { documents: [], issues: [{ code: 'too_deep', path: [], message: `could not parse: ${(err as Error).message}` }] };
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
    const depth = nodeDepth(doc.contents as Node | null, 0);
    if (depth > LIMITS.maxDepth) {
      issues.push({ code: 'too_deep', path: [], message: `nesting deeper than ${LIMITS.maxDepth} levels` });
      return;
    }
    let value: unknown;
    try {
      value = doc.toJS({ maxAliasCount: LIMITS.maxAliases });
    } catch (err) {
      issues.push({ code: 'alias_limit', path: [], message: firstLine((err as Error).message) });
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

function firstLine(message: string): string {
  return message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
}

function nodeDepth(node: Node | null, depth: number): number {
  if (depth > LIMITS.maxDepth) return depth;
  if (isMap(node) || isSeq(node)) {
    let max = depth + 1;
    for (const item of node.items) {
      const child = (isPair(item) ? item.value : item) as Node | null;
      max = Math.max(max, nodeDepth(child, depth + 1));
      if (max > LIMITS.maxDepth) break;
    }
    return max;
  }
  return depth;
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
