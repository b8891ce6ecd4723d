import { isMap, isScalar, isSeq, LineCounter, parseAllDocuments, type Document, type ErrorCode, type Node } from 'yaml';
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
    // uniqueKeys off: a duplicate key is found by treeIssues, with its key path and the first key's line.
    docs = parseAllDocuments(text, { lineCounter, uniqueKeys: false, prettyErrors: false, logLevel: 'error' }) as Document.Parsed[];
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
    // The first error of a document: the ones after it are mostly its consequences.
    const error = doc.errors[0];
    if (error !== undefined) {
      const deeper = error.code === 'BLOCK_AS_IMPLICIT_KEY' || error.code === 'BAD_INDENT' ? deeperKey(text, error.pos[0], error.code === 'BAD_INDENT') : undefined;
      if (deeper) {
        issues.push({ code: 'yaml_syntax', path: pathAt(doc.contents as Node | null, deeper.siblingOffset), message: deeper.message, ...position(deeper.offset) });
        return;
      }
      issues.push({ code: 'yaml_syntax', path: pathAt(doc.contents as Node | null, error.pos[0]), message: syntaxMessage(error.code, error.message), ...position(error.pos[0]) });
      return;
    }
    const found = treeIssues(doc.contents as Node | null, (offset) => position(offset).line);
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

/**
 * The yaml package's syntax errors in a user's words (its messages name its own grammar: "implicit keys",
 * "compact mappings", "flow map in block collection"); others as it says them.
 */
function syntaxMessage(code: ErrorCode, message: string): string {
  switch (code) {
    case 'TAB_AS_INDENT':
      return 'a tab indents this line: YAML indents with spaces';
    case 'BAD_INDENT':
      if (message.startsWith('Flow map')) return 'a { … } mapping is not closed: end it with } (on the same indentation)';
      if (message.startsWith('Flow sequence')) return 'a [ … ] list is not closed: end it with ] (on the same indentation)';
      return 'this line is not indented as the keys before it';
    case 'BLOCK_AS_IMPLICIT_KEY':
      return message.startsWith('A block sequence')
        ? 'a "- " list item where a key was expected (indent the list under its key)'
        : 'a mapping cannot start on the line of its key ("a: b: 1"): put it on the next lines, indented, or write { b: 1 }';
    case 'MULTILINE_IMPLICIT_KEY':
      return 'a key must be on one line (a missing ":" or a wrong indentation above?)';
    case 'MISSING_CHAR':
      if (message.startsWith('Missing closing')) return `a quoted value is not closed (missing ${message.includes("'") ? "'" : '"'})`;
      if (message.startsWith('Implicit map keys')) return 'expected "key: value" here (a missing ":"?)';
      if (message.startsWith('Flow sequence must end')) return 'a [ … ] list is not closed: end it with ]';
      if (message.startsWith('Flow map must end')) return 'a { … } mapping is not closed: end it with }';
      break;
    case 'BAD_DQ_ESCAPE':
      return `${message.replace(/^Invalid escape sequence/, 'invalid escape')} in a "…" value: write \\\\ for a backslash, or quote with '…'`;
    case 'BAD_SCALAR_START':
      return `${message.replace(/^Plain value cannot start with reserved character/, 'a value cannot start with')} unquoted: quote it`;
    case 'BLOCK_IN_FLOW':
      return 'a "- " list or "key:" lines cannot be inside [ … ] or { … }';
    case 'UNEXPECTED_TOKEN': {
      if (message.startsWith('Unexpected block-seq-ind')) return 'a "- " list item on the line of a key (start the list on the next line, indented)';
      if (message.endsWith('at node end')) return 'unexpected text after a value (a missing "," or line break?)';
      const token = /: "(.*)"$/s.exec(message.split('\n')[0]);
      if (token) return excerpt(`unexpected "${token[1]}"`, 2 * EXCERPT_LENGTH);
      break;
    }
    case 'KEY_OVER_1024_CHARS':
      return 'a key longer than 1024 characters';
  }
  return firstLine(message);
}

/** A block key line: its indentation, "- " item marks, then a key (plain or quoted) and ":". */
const KEY_LINE = /^( *)((?:- +)*)("[^"]*"|'[^']*'|[^\s#'"\-[{][^#]*?):(?: |$)/;

/**
 * A key indented deeper than the key line above it, which the yaml package reports either as a mapping on
 * the line of a key (after a plain value, the deeper line reads as its continuation) or as a bad indentation
 * (after a quoted, flow or commented value): advice naming the deeper line and the key to line it up with.
 * `offset` is the parser's error: on the upper key's line (`atLowerLine` false) or at or before the deeper line.
 */
function deeperKey(text: string, offset: number, atLowerLine: boolean): { offset: number; siblingOffset: number; message: string } | undefined {
  const lines: { start: number; text: string }[] = [];
  for (let start = 0; start <= text.length; ) {
    const end = text.indexOf('\n', start);
    const stop = end < 0 ? text.length : end;
    lines.push({ start, text: text.slice(start, stop).replace(/\r$/, '') });
    if (end < 0) break;
    start = end + 1;
  }
  const content = (l: { text: string }) => !/^\s*(#|$)/.test(l.text);
  const at = lines.findIndex((l, i) => i === lines.length - 1 || lines[i + 1].start > offset);
  let upper: number;
  let lower: number;
  if (atLowerLine) {
    lower = lines.findIndex((l, i) => i >= at && content(l));
    upper = lower < 0 ? -1 : lines.findLastIndex((l, i) => i < lower && content(l));
  } else {
    // A mapping really written on the line of its key ("a: b: 1") keeps its own advice.
    const rest = lines[at].text.slice(offset - lines[at].start).replace(/\s#.*$/, '');
    if (/:(?: |$)/.test(rest)) return undefined;
    upper = at;
    lower = lines.findIndex((l, i) => i > at && content(l));
  }
  if (upper < 0 || lower < 0) return undefined;
  const a = KEY_LINE.exec(lines[upper].text);
  const b = KEY_LINE.exec(lines[lower].text);
  if (!a || !b || b[2] !== '') return undefined;
  const aColumn = a[1].length + a[2].length;
  if (b[1].length <= aColumn) return undefined;
  const name = (key: string) => key.replace(/^(["'])(.*)\1$/, '$2');
  const [deep, sibling] = [name(b[3]), name(a[3])];
  return {
    offset: lines[lower].start + b[1].length,
    siblingOffset: lines[upper].start + aColumn,
    message: `${deep} is indented deeper than ${sibling} (line ${upper + 1}); indent it like ${sibling}`,
  };
}

/**
 * The key path of a syntax error at `offset` in a (partly parsed) tree: the keys whose value holds the
 * offset; [] when it is between top-level entries (the tree after an error may be
 * partial, so only spans that contain the offset are trusted).
 */
function pathAt(root: Node | null, offset: number): (string | number)[] {
  const path: (string | number)[] = [];
  const holds = (n: unknown) => {
    const r = (n as Node | null)?.range;
    return r != null && r[0] <= offset && offset < r[1];
  };
  let node: unknown = root;
  for (;;) {
    if (isMap(node)) {
      const pair = node.items.find((p) => holds(p.key) || holds(p.value));
      // An error inside a key (a key spilling over lines) is at the mapping: that key is the bad token.
      if (!pair || !isScalar(pair.key) || holds(pair.key)) return path;
      path.push(String(pair.key.value));
      node = pair.value;
    } else if (isSeq(node)) {
      const index = node.items.findIndex(holds);
      if (index < 0) return path;
      path.push(index);
      node = node.items[index];
    } else return path;
  }
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
