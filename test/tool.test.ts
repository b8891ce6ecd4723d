import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { sourceFiles } from './architecture/import-graph.js';
import { documentHeader, SCHEMA_VERSION, TOOL } from '../src/tool.js';

const ROOT = fileURLToPath(new URL('../', import.meta.url));

/** The code of a TypeScript file without its comments (a `//` inside a string, as in a URL, is kept). */
function code(text: string): string {
  return text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`\\])\/\/.*$/gm, '$1');
}

describe('tool', () => {
  it('TOOL is the name and version of package.json', () => {
    const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { name: string; version: string };
    expect(TOOL).toEqual({ name: pkg.name, version: pkg.version });
  });

  it('documentHeader() is { schemaVersion: 1, tool }, in that key order, a fresh object each call', () => {
    const header = documentHeader();
    expect(JSON.stringify(header)).toBe(`{"schemaVersion":1,"tool":{"name":"${TOOL.name}","version":"${TOOL.version}"}}`);
    expect(SCHEMA_VERSION).toBe(1);
    expect(documentHeader()).not.toBe(header);
    expect(documentHeader().tool).not.toBe(header.tool);
  });

  it('no other source file spells the schemaVersion key, the tool name as a string or reads package.json', () => {
    const offenders: string[] = [];
    for (const file of sourceFiles(ROOT, 'src')) {
      if (file === 'src/tool.ts') continue;
      const lines = code(readFileSync(`${ROOT}${file}`, 'utf8')).split('\n');
      lines.forEach((line, i) => {
        if (/schemaVersion|(['"`])momentum-fr\1|package\.json/.test(line)) offenders.push(`${file}:${i + 1}: ${line.trim()}`);
      });
    }
    expect(offenders).toEqual([]);
  });

  it('imports nothing, so a browser bundle can take it', () => {
    expect(readFileSync(new URL('../src/tool.ts', import.meta.url), 'utf8')).not.toMatch(/^\s*import\b/m);
  });
});
