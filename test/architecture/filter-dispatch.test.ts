import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { sourceFiles } from './import-graph.js';

/**
 * One dispatch on the filter kind (plan §2.3): the kinds 'first-order', 'bank' and 'rational' are
 * spelled only where the model defines them (src/types.ts), where resolve makes them
 * (src/schedule/resolve.ts), where the presets declare theirs (src/schedule/presets/) and in the one
 * module that dispatches on them (src/filter/stage-filter.ts). Every other module asks stage-filter,
 * so a new kind is added in those places and nowhere else.
 */
const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const KINDS = new Set(['first-order', 'bank', 'rational']);
const ALLOWED = [/^src\/types\.ts$/, /^src\/filter\/stage-filter\.ts$/, /^src\/schedule\/resolve\.ts$/, /^src\/schedule\/presets\//];

/** `file:line: 'kind'` for every string literal (or literal type) that spells a filter kind. */
function kindLiterals(file: string, text: string): string[] {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const found: string[] = [];
  const visit = (node: ts.Node) => {
    if ((ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) && KINDS.has(node.text)) {
      found.push(`${file}:${source.getLineAndCharacterOfPosition(node.getStart()).line + 1}: '${node.text}'`);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

describe('the filter kinds are spelled only in the model, resolve, the presets and the dispatch module', () => {
  it('no other source file has a string literal naming a filter kind', () => {
    const offending = sourceFiles(ROOT, 'src')
      .filter((file) => !ALLOWED.some((re) => re.test(file)))
      .flatMap((file) => kindLiterals(file, readFileSync(ROOT + file, 'utf8')));
    expect(offending).toEqual([]);
  });

  it('the check sees a dispatch written elsewhere (self-test)', () => {
    const text = "export const f = (s: { filter: { kind: string } }) => (s.filter.kind === 'bank' ? 1 : s.filter.kind === `rational` ? 2 : 0);";
    expect(kindLiterals('src/plot/x.ts', text)).toEqual(["src/plot/x.ts:1: 'bank'", "src/plot/x.ts:1: 'rational'"]);
  });
});
