import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { importGraph, importsOf, preProcessedSpecifiers, type ImportEdge } from './import-graph.js';
import { cycleRatchet, importCycles, layerOf, layerViolations, ratchet, tableProblems, type Exception, type KnownCycle } from './layer-check.js';
import { LAYERS } from './layer-table.js';

/**
 * The import graph of src/ against the layer rule of layer-table.ts (plan §2.4, over today's
 * folders: the physical move into src/core and src/node is not done). EXCEPTIONS holds only the
 * edges that other engineers remove in this round (each names who); it may only shrink.
 */
const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** Edges other engineers remove in this round (issue 12): each names who. Delete a row when its edge is gone. */
const EXCEPTIONS: Exception[] = [
  // i12-paths: METRIC_NAMES → src/metric-names.ts.
  // i12-writers: the sweep's document and rows move to the io writers; the specs to plot/specs; TOOL becomes a literal.
  { from: 'src/sweep/sweep-rows.ts', to: 'src/io/csv-line.ts', reason: 'sweep rows are formatted as CSV text inside the core', removedBy: 'i12-core (rows become cells; the io writers format them)' },
];
/** Today's import cycles (type-only imports count: they tie the files' concepts together all the same); each names who removes it. */
const KNOWN_CYCLES: KnownCycle[] = [
  {
    files: ['src/cli/actions/spectrum-action.ts', 'src/cli/actions/spectrum-plot.ts', 'src/cli/actions/spectrum-report.ts'],
    reason: 'the report and plot writers import their record types from the action',
    removedBy: 'i12-writers (reports and figures leave the action, with the series types)',
  },
];

/**
 * The back-edges the issue names, as synthetic imports: the checker must refuse every one of them
 * when it is not an exception, so the rule cannot silently loosen.
 */
const SYNTHETIC_BACK_EDGES: [from: string, to: string][] = [
  ['src/schedule/schema.ts', 'src/sweep/sweep-block.ts'],
  ['src/filter/rational-response.ts', 'src/spectral/fft.ts'],
  ['src/sweep/sweep-job.ts', 'src/io/tidy-rows.ts'],
  ['src/tune/tune-target.ts', 'src/io/tidy-rows.ts'],
  ['src/tune/tune-parameter.ts', 'src/cli/messages.ts'],
  ['src/sweep/sweep-plot-spec.ts', 'src/plot/specs/theme.ts'],
  ['src/spectral/plot-specs.ts', 'src/plot/specs/vega-lite-spec.ts'],
  ['src/index.ts', 'src/cli/main.ts'],
  // More of the same kinds: core → edge, a lower core layer → a higher one, side by side.
  ['src/index.ts', 'src/io/read-trace.ts'],
  ['src/index.ts', 'src/sweep/parallel/run-sweep.ts'],
  ['src/index.ts', 'src/plot/render/render-plots.ts'],
  ['src/math/fft.ts', 'src/types.ts'],
  ['src/types.ts', 'src/schedule/parse.ts'],
  ['src/schedule/issues.ts', 'src/types.ts'],
  ['src/schedule/synthetic.ts', 'src/analysis/analyze.ts'],
  ['src/spectral/synthetic.ts', 'src/sweep/sweep-job.ts'],
  ['src/sweep/synthetic.ts', 'src/spectral/welch.ts'],
  ['src/sweep/synthetic.ts', 'src/tune/brent-root.ts'],
  ['src/plot/synthetic.ts', 'src/plot/render/render-svg.ts'],
  ['src/io/synthetic.ts', 'src/cli/main.ts'],
];
/** Packages a layer must not load, likewise. */
const SYNTHETIC_PACKAGES: [from: string, pkg: string][] = [
  ['src/filter/synthetic.ts', 'commander'],
  ['src/schedule/synthetic.ts', 'node:fs'],
  ['src/schedule/expression.ts', 'mathjs'],
  ['src/schedule/expression.ts', 'node:module'],
  ['src/analysis/synthetic.ts', 'vega'],
  ['src/index.ts', 'chalk'],
  ['src/index.ts', 'node:worker_threads'],
  ['src/index.ts', '@resvg/resvg-js'],
];
/** Edges the table allows, so the self-test also sees the checker accept. */
const SYNTHETIC_ALLOWED: [from: string, to: string][] = [
  ['src/schedule/synthetic.ts', 'src/filter/grid.ts'],
  ['src/filter/rational-response.ts', 'src/math/fft.ts'],
  ['src/tune/synthetic.ts', 'src/sweep/sweep-job.ts'],
  ['src/plot/synthetic.ts', 'src/spectral/welch.ts'],
  ['src/cli/synthetic.ts', 'src/sweep/parallel/run-sweep.ts'],
  ['src/io/synthetic.ts', 'src/analysis/analyze.ts'],
  ['src/node.ts', 'src/cli/main.ts'],
  ['src/index.ts', 'src/analysis/analyze.ts'],
];

function edge(from: string, to: string, isPackage = false, typeOnly = false): ImportEdge {
  return { from, to, isPackage, kind: 'static', typeOnly, line: 1, specifier: to };
}

const graph = importGraph(ROOT);

describe('the layers of src/ (ratchet: no new back-edge, and the known ones only go away)', () => {
  it('the layer table names only layers it defines, and puts every source file in a layer', () => {
    expect(tableProblems(LAYERS)).toEqual([]);
    expect(graph.files.filter((f) => !layerOf(LAYERS, f))).toEqual([]);
  });

  it('the syntax walk finds every import TypeScript\'s pre-processor finds, in every source file', () => {
    const missed = graph.files.flatMap((f) => {
      const found = new Set(graph.edges.filter((e) => e.from === f).map((e) => e.specifier));
      return preProcessedSpecifiers(graph.text.get(f)!).filter((s) => !found.has(s)).map((s) => `${f}: ${s}`);
    });
    expect(missed).toEqual([]);
  });

  it('no file imports a higher layer, a package or a global its layer may not use, beyond the listed exceptions', () => {
    const { unexpected } = ratchet(layerViolations(LAYERS, graph), EXCEPTIONS);
    expect(unexpected.map((v) => `${v.from}:${v.line}: imports ${v.to}: ${v.rule}`), 'new back-edges: import from a lower layer instead').toEqual([]);
  });

  it('every listed exception still exists (delete the rows that a change removed)', () => {
    const { stale } = ratchet(layerViolations(LAYERS, graph), EXCEPTIONS);
    expect(stale.map((e) => `${e.from} -> ${e.to} (${e.removedBy})`), 'gone: delete these exceptions').toEqual([]);
  });

  it('the import cycles are the known ones, and every known one still exists', () => {
    const { unexpected, stale } = cycleRatchet(importCycles(graph.files, graph.edges), KNOWN_CYCLES);
    expect(unexpected.map((c) => c.join(' ↔ ')), 'new import cycles').toEqual([]);
    expect(stale.map((k) => k.files.join(' ↔ ')), 'gone: delete these known cycles').toEqual([]);
  });

  it('every exception and known cycle says why it exists and which engineer of this round removes it', () => {
    for (const e of [...EXCEPTIONS, ...KNOWN_CYCLES]) {
      expect(e.reason.length, JSON.stringify(e)).toBeGreaterThan(10);
      expect(e.removedBy, JSON.stringify(e)).toMatch(/^i12-(core|paths|writers|build) \(/);
    }
  });
});

/**
 * The spec builders lay out records; they compute nothing from a schedule (issue 12: "consuming analysis
 * records instead of recomputing them"). At run time a file of src/plot/specs/ imports only its
 * siblings and src/util/ (rounding); everything else, vega-lite included, only as types.
 */
const SPECS = 'src/plot/specs/';
function specRuntimeImports(edges: readonly ImportEdge[]): string[] {
  return edges
    .filter((e) => e.from.startsWith(SPECS) && !e.typeOnly)
    .filter((e) => e.isPackage || !(e.to.startsWith(SPECS) || e.to.startsWith('src/util/')))
    .map((e) => `${e.from}:${e.line}: imports ${e.to} at run time`);
}

describe('the spec builders consume records', () => {
  it('a file of src/plot/specs/ imports only types, its siblings and src/util/ at run time', () => {
    expect(graph.files.some((f) => f.startsWith(SPECS))).toBe(true);
    expect(specRuntimeImports(graph.edges), 'build the numbers in a records module (src/plot/figure-records.ts) and pass them in').toEqual([]);
  });

  it('the check refuses a runtime import of a filter, schedule, analysis or plot module and of vega-lite, and accepts it as a type (self-test)', () => {
    const from = 'src/plot/specs/x.ts';
    const targets = ['src/filter/stage-filter.ts', 'src/schedule/stages.ts', 'src/analysis/analyze.ts', 'src/plot/step-bins.ts'];
    expect(specRuntimeImports([...targets.map((t) => edge(from, t)), edge(from, 'vega-lite', true)])).toHaveLength(5);
    expect(specRuntimeImports([...targets.map((t) => edge(from, t, false, true)), edge(from, 'vega-lite', true, true)])).toEqual([]);
    expect(specRuntimeImports([edge(from, 'src/plot/specs/theme.ts'), edge(from, 'src/util/round-sig.ts')])).toEqual([]);
  });
});

describe('the layer checker rejects what it must (self-test)', () => {
  it.each(SYNTHETIC_BACK_EDGES)('refuses %s → %s when it is not an exception', (from, to) => {
    const violations = layerViolations(LAYERS, { files: [from, to], edges: [edge(from, to)] });
    expect(violations.map((v) => [v.from, v.to])).toEqual([[from, to]]);
    expect(ratchet(violations, []).unexpected).toHaveLength(1);
  });

  it('refuses a type-only back-edge too, unless the layer lists the target in mayImportTypes', () => {
    const [from, to] = ['src/sweep/synthetic.ts', 'src/io/tidy-rows.ts'];
    expect(layerViolations(LAYERS, { files: [from, to], edges: [edge(from, to, false, true)] })).toHaveLength(1);
    const typesAllowed = LAYERS.map((l) => (l.name === 'sweep' ? { ...l, mayImportTypes: ['io'] } : l));
    expect(layerViolations(typesAllowed, { files: [from, to], edges: [edge(from, to, false, true)] })).toEqual([]);
    expect(layerViolations(typesAllowed, { files: [from, to], edges: [edge(from, to)] })).toHaveLength(1);
  });

  it('refuses a type-only package import too, unless the layer lists the package in typePackages', () => {
    const from = 'src/analysis/synthetic.ts';
    expect(layerViolations(LAYERS, { files: [from], edges: [edge(from, 'vega-lite', true, true)] })).toHaveLength(1);
    const typesAllowed = LAYERS.map((l) => (l.name === 'analysis' ? { ...l, typePackages: ['vega-lite'] } : l));
    expect(layerViolations(typesAllowed, { files: [from], edges: [edge(from, 'vega-lite', true, true)] })).toEqual([]);
    expect(layerViolations(typesAllowed, { files: [from], edges: [edge(from, 'vega-lite', true)] })).toHaveLength(1);
  });

  it.each(SYNTHETIC_PACKAGES)('refuses %s → package %s', (from, pkg) => {
    expect(layerViolations(LAYERS, { files: [from], edges: [edge(from, pkg, true)] }).map((v) => v.to)).toEqual([pkg]);
  });

  it.each(SYNTHETIC_ALLOWED)('accepts %s → %s', (from, to) => {
    expect(layerViolations(LAYERS, { files: [from, to], edges: [edge(from, to)] })).toEqual([]);
  });

  it('refuses a global a pure layer may not use, and a file in no layer, and an import of a file that does not exist', () => {
    const text = new Map([['src/filter/synthetic.ts', 'export const debug = process.env.DEBUG;\nconst o = { process: 1 };\nexport function f(Buffer: number) { return Buffer + o.process; }\n']]);
    expect(layerViolations(LAYERS, { files: [...text.keys()], edges: [], text }).map((v) => `${v.to}:${v.line}`)).toEqual(['global:process:1']);
    expect(layerViolations(LAYERS, { files: ['src/new-folder/x.ts'], edges: [] }).map((v) => v.rule)).toEqual([expect.stringMatching(/in no layer/)]);
    expect(layerViolations(LAYERS, { files: ['src/filter/a.ts'], edges: [edge('src/filter/a.ts', 'src/filter/missing.ts')] }).map((v) => v.rule)).toEqual([expect.stringMatching(/names no source file/)]);
  });

  it('an exception whose violation is gone is stale, and a violation not listed is unexpected', () => {
    const violations = layerViolations(LAYERS, { files: ['src/filter/a.ts', 'src/spectral/fft.ts'], edges: [edge('src/filter/a.ts', 'src/spectral/fft.ts')] });
    const listed: Exception = { from: 'src/filter/a.ts', to: 'src/spectral/fft.ts', reason: 'r', removedBy: 'Step 2' };
    const gone: Exception = { from: 'src/filter/b.ts', to: 'src/spectral/fft.ts', reason: 'r', removedBy: 'Step 2' };
    expect(ratchet(violations, [listed, gone])).toEqual({ unexpected: [], stale: [gone] });
    expect(ratchet(violations, [gone]).unexpected).toEqual(violations);
  });

  it('finds the strongly connected components of a graph with two cycles, one inside a larger walk (Tarjan)', () => {
    const nodes = ['a', 'b', 'c', 'd', 'e', 'f', 'g'];
    const edges = [['a', 'b'], ['b', 'c'], ['c', 'a'], ['c', 'd'], ['d', 'e'], ['e', 'f'], ['f', 'e'], ['f', 'g']].map(([from, to]) => ({ from, to }));
    expect(importCycles(nodes, edges)).toEqual([['a', 'b', 'c'], ['e', 'f']]);
    expect(importCycles(nodes, edges.filter((e) => e.from !== 'c' || e.to !== 'a'))).toEqual([['e', 'f']]);
    const known: KnownCycle = { files: ['a', 'b', 'c'], reason: 'r', removedBy: 'A5' };
    expect(cycleRatchet([['a', 'b', 'c', 'd']], [known])).toEqual({ unexpected: [['a', 'b', 'c', 'd']], stale: [known] });
  });

  it('reads every form of import: static, type-only, re-export, dynamic, createRequire, worker URL, import types', () => {
    const text = [
      "import { a } from './a.js';",
      "import type { B } from './b.js';",
      "import { type C, type D } from './c.js';",
      "import { type E, e } from './e.js';",
      "import './side-effect.js';",
      "export { f } from './f.js';",
      "export type { G } from './g.js';",
      "export type * from './h.js';",
      "import { readFileSync } from 'fs';",
      "import * as vl from 'vega-lite/build/index.js';",
      "const m = await import('./lazy.js');",
      "const math = createRequire(import.meta.url)('mathjs');",
      "const w = new URL('./worker.js', import.meta.url);",
      "let t: typeof import('./types-only.js');",
    ].join('\n');
    const got = importsOf(ROOT, 'src/x/y.ts', text).map((e) => [e.to, e.kind, e.typeOnly, e.line]);
    expect(got).toEqual([
      ['src/x/a.js', 'static', false, 1],
      ['src/x/b.js', 'static', true, 2],
      ['src/x/c.js', 'static', true, 3],
      ['src/x/e.js', 'static', false, 4],
      ['src/x/side-effect.js', 'static', false, 5],
      ['src/x/f.js', 're-export', false, 6],
      ['src/x/g.js', 're-export', true, 7],
      ['src/x/h.js', 're-export', true, 8],
      ['node:fs', 'static', false, 9],
      ['vega-lite', 'static', false, 10],
      ['src/x/lazy.js', 'dynamic', false, 11],
      ['mathjs', 'require', false, 12],
      ['src/x/worker.js', 'url', false, 13],
      ['src/x/types-only.js', 'type', true, 14],
    ]);
    expect(() => importsOf(ROOT, 'src/x/y.ts', 'const name = "x"; await import(name);')).toThrow(/computed specifier/);
  });
});
