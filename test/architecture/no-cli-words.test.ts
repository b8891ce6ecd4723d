import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { sourceFiles } from './import-graph.js';
import { isCore } from './layer-table.js';

/**
 * The core names no CLI flag and no CLI command in its texts: a message that gives advice asks a
 * Vocabulary for the words (src/vocabulary.ts; the CLI's are in src/cli/messages.ts), so the library
 * says `allowUnstable: true` where the CLI says `--allow-unstable`. Comments may name flags.
 *
 * Ratchet: the sites other engineers remove in this round are listed, each with who; the test fails
 * on a new site, and on a listed site that has gone.
 */
const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** `file: word` of the sites still in the core (one entry per file and word), and who removes each. */
const SITES_BEING_REMOVED: Record<string, string> = {
  'src/schedule/resolve.ts: --allow-unstable': 'i12-core (resolve.ts names allowUnstable through the Vocabulary)',
  'src/sweep/point-evaluator.ts: --allow-unstable': 'i12-core (point-evaluator.ts is deleted)',
  // No engineer of this round: the lead decides (see the report of i12-layers).
  'src/schedule/schema.ts: momentum-fr sweep': 'lead: a JSON Schema description naming the command that reads the sweep: block; rewording changes `momentum-fr schema`',
  'src/schedule/sweep-block.ts: --stages': 'lead: a JSON Schema description (docs/cookbook-sweeps.md repeats it); rewording changes `momentum-fr schema`',
  'src/schedule/starter.ts: momentum-fr schedule': "lead: the header of init's file (the tool's name, caught by the pattern); goes with plan A6 presetDocument",
  'src/schedule/starter.ts: momentum-fr validate': "lead: the header of init's file names CLI commands; it belongs to the CLI (plan A6 presetDocument)",
  'src/schedule/starter.ts: momentum-fr schema': "lead: the header of init's file names CLI commands; it belongs to the CLI (plan A6 presetDocument)",
};

/**
 * The CLI words of a text: a flag at the start or after white space (`/(^|\s)--[a-z]/`), or
 * `momentum-fr` and a word (`/momentum-fr [a-z]/`), each named in full (`--stages`, `momentum-fr presets`).
 */
export function cliWords(text: string): string[] {
  return [...text.matchAll(/(?:^|\s)(--[a-z][a-z-]*)|(momentum-fr [a-z]+)/g)].map((m) => m[1] ?? m[2]);
}

/** The text of every string and template literal of a file (a template's literal parts, each on its own), with its line. */
export function literalTexts(file: string, text: string): { line: number; text: string }[] {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const out: { line: number; text: string }[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node) || ts.isTemplateHead(node) || ts.isTemplateMiddle(node) || ts.isTemplateTail(node)) {
      // An import's specifier is a path, not a message.
      if (!(ts.isStringLiteral(node) && (ts.isImportDeclaration(node.parent) || ts.isExportDeclaration(node.parent)))) {
        out.push({ line: source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1, text: node.text });
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return out;
}

/** Every CLI word in a literal of the core, as `file: word` (the key) and `file:line: text` (to show). */
function cliWordSites(): { key: string; where: string }[] {
  return sourceFiles(ROOT, 'src')
    .filter(isCore)
    .flatMap((file) =>
      literalTexts(file, readFileSync(`${ROOT}${file}`, 'utf8')).flatMap((l) =>
        cliWords(l.text).map((word) => ({ key: `${file}: ${word}`, where: `${file}:${l.line}: ${word} in ${JSON.stringify(l.text.length > 120 ? `${l.text.slice(0, 120)}…` : l.text)}` })),
      ),
    );
}

describe('the core spells no CLI flag or command (ratchet)', () => {
  const sites = cliWordSites();

  it('no string or template literal in the core names a flag or a command, beyond the sites being removed', () => {
    expect(sites.filter((s) => !(s.key in SITES_BEING_REMOVED)).map((s) => s.where), 'name the knob through a Vocabulary').toEqual([]);
  });

  it('every listed site is still there (delete the ones that went)', () => {
    const keys = new Set(sites.map((s) => s.key));
    expect(Object.keys(SITES_BEING_REMOVED).filter((k) => !keys.has(k))).toEqual([]);
  });

  it('finds flags and commands in plain strings and in every part of a template, and ignores comments and import paths', () => {
    const text = [
      "import { x } from './--not-a-flag.js';",
      '// use --allow-unstable in a comment',
      "const a = 'use --allow-unstable to analyse it';",
      'const b = `${a}; give --range lo:hi`;',
      'const c = `--stages: ${a} (see momentum-fr presets)`;',
      "const d = 'a − b, x--y, 1e-3, --- rule, -- a';",
    ].join('\n');
    const hits = literalTexts('src/filter/x.ts', text).flatMap((l) => cliWords(l.text).map((w) => `${l.line}: ${w}`));
    expect(hits).toEqual(['3: --allow-unstable', '4: --range', '5: --stages', '5: momentum-fr presets']);
  });

  it('uses the patterns of the rule: a flag at the start or after white space, or momentum-fr and a word', () => {
    expect(['--x', 'a\t--x-y', 'momentum-fr sweep'].map(cliWords)).toEqual([['--x'], ['--x-y'], ['momentum-fr sweep']]);
    for (const t of ['a--x', '---', 'momentum-fr', "momentum-fr's words"]) expect(cliWords(t), t).toEqual([]);
  });
});
