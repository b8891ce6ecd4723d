import { CST, isAlias, isCollection, isMap, isScalar, isSeq, Lexer, type Node } from 'yaml';
import type { ConfigIssue } from './issues.js';
import { LIMITS } from './limits.js';

type Path = (string | number)[];

/** An issue found in the YAML tree, at a character offset of the text. */
export type TreeIssue = Omit<ConfigIssue, 'line' | 'column'> & { offset: number };

/**
 * What must be refused before a YAML document becomes a JS value, found in one walk in document
 * order (an explicit stack, so that depth costs no recursion):
 * - nesting deeper than LIMITS.maxDepth, keys included (a `? [[[…]]]` key is nesting too);
 * - keys that are lists or mappings, directly or through an alias: JS objects have string keys,
 *   and the yaml package would stringify them (quadratic in the nesting, with a console warning);
 * - aliases whose anchor does not come before them (YAML 1.2 §3.2.2.2), which the yaml package
 *   reports only while building the value, without a position;
 * - a key written twice in one mapping, at the second, with its key path and the first one's line
 *   (`lineOf` turns an offset into a 1-based line): the yaml package's own error has neither.
 */
export function treeIssues(root: Node | null, lineOf: (offset: number) => number = () => 0): TreeIssue[] {
  const issues: TreeIssue[] = [];
  const anchors = new Map<string, Node>();
  const stack: { node: unknown; depth: number; path: Path }[] = [{ node: root, depth: 0, path: [] }];
  while (stack.length > 0) {
    const { node, depth, path } = stack.pop()!;
    if (!node || typeof node !== 'object') continue;
    const offset = (node as Node).range?.[0] ?? 0;
    if (isAlias(node)) {
      if (!anchors.has(node.source)) {
        issues.push({ code: 'yaml_alias', path, message: `alias *${node.source} has no anchor &${node.source} before it`, offset });
      }
      continue;
    }
    const anchor = (node as Node).anchor;
    if (anchor) anchors.set(anchor, node as Node);
    if (!isCollection(node)) continue;
    if (depth + 1 > LIMITS.maxDepth) {
      issues.push({ code: 'too_deep', path, message: `nesting deeper than ${LIMITS.maxDepth} levels`, offset });
      return issues;
    }
    const children: { node: unknown; depth: number; path: Path }[] = [];
    if (isMap(node)) {
      const seen = new Map<string, number>();
      for (const pair of node.items) {
        const key = pair.key as Node | null;
        const target = isAlias(key) ? anchors.get(key.source) : key;
        if (isCollection(target)) {
          issues.push({ code: 'invalid_key', path, message: 'a key must be a name or a number, not a list or a mapping', offset: key?.range?.[0] ?? offset });
          continue;
        }
        const name = isScalar(target) ? String(target.value) : '';
        const keyOffset = key?.range?.[0] ?? offset;
        const first = seen.get(name);
        if (first !== undefined) {
          issues.push({ code: 'duplicate_key', path: [...path, name], message: `duplicate key ${JSON.stringify(name)} (first at line ${lineOf(first)})`, offset: keyOffset });
          continue;
        }
        seen.set(name, keyOffset);
        if (key) children.push({ node: key, depth: depth + 1, path });
        children.push({ node: pair.value, depth: depth + 1, path: [...path, name] });
      }
    } else if (isSeq(node)) {
      node.items.forEach((item, i) => children.push({ node: item, depth: depth + 1, path: [...path, i] }));
    }
    // Reversed, so that the stack pops them in document order (anchors before their aliases).
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]);
  }
  // A map's duplicate keys are found before its children are walked: issues in line order (a stable sort).
  return issues.sort((a, b) => a.offset - b.offset);
}

/** Lexer tokens that mark structure but are not characters of the source. */
const NOT_SOURCE = new Set(['\x02', '\x18', '\x1f']);

/**
 * Nesting that is certainly deeper than LIMITS.maxDepth, found from the lexer's tokens before the
 * yaml parser builds anything: its parser takes seconds to minutes on a few MB of `[[[[…` or
 * `- - - - …` (superlinear in the depth). Counts flow brackets (exact: the lexer knows quoted and
 * block scalars) plus block indicators (`- ` and `? `) opened on the same line, a lower bound of the
 * depth, so a file this refuses is deeper than the limit; the tree walk checks the rest.
 */
export function textDepthIssue(text: string): TreeIssue | undefined {
  let flow = 0;
  let run = 0;
  let offset = 0;
  for (const token of new Lexer().lex(text)) {
    const type = CST.tokenType(token);
    if (type === 'flow-map-start' || type === 'flow-seq-start') flow++;
    else if (type === 'flow-map-end' || type === 'flow-seq-end') flow = Math.max(0, flow - 1);
    else if (type === 'seq-item-ind' || type === 'explicit-key-ind') run++;
    else if (type !== 'space' && type !== 'anchor' && type !== 'tag' && !NOT_SOURCE.has(token)) run = 0;
    if (flow + run > LIMITS.maxDepth) return { code: 'too_deep', path: [], message: `nesting deeper than ${LIMITS.maxDepth} levels`, offset };
    if (!NOT_SOURCE.has(token)) offset += token.length;
  }
  return undefined;
}
