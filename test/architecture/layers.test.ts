import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { importGraph, importsOf, preProcessedSpecifiers, type ImportEdge } from './import-graph.js';
import { cycleRatchet, importCycles, layerOf, layerViolations, ratchet, tableProblems, type Exception, type KnownCycle, type Layer } from './layer-check.js';

/**
 * The import graph of src/ against a layer table: lower layers never import higher ones, and each
 * layer uses only its packages. Today's violations are listed below with the step of the
 * restructuring (/work/plans/issue12-plan.md §3) that removes each; the list may only shrink.
 *
 * Everything the rules say is data in this file: the restructuring's Step 2 swaps LAYERS for the
 * target's table (§2.4: src/core/**, src/node/**), rewrites SYNTHETIC_BACK_EDGES in the new paths,
 * and empties or rewrites EXCEPTIONS and KNOWN_CYCLES, without touching the checker.
 */
const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** Globals a pure layer may not touch: the ones a browser does not have. */
const NODE_GLOBALS = ['process', 'Buffer', '__dirname', '__filename', 'require', 'setImmediate'];

/** The pure layers of today's tree, lowest first. */
const CORE = ['base', 'model', 'filter', 'schedule', 'analysis', 'spectral', 'sweep', 'tune', 'plot'];

/** Today's folders, lowest first; a subfolder listed on its own (plot/render, sweep/parallel) is an edge inside a pure folder. */
const LAYERS: Layer[] = [
  { name: 'base', paths: ['src/util/', 'src/version.ts', 'src/vocabulary.ts'], mayImport: [], packages: [], forbiddenGlobals: NODE_GLOBALS },
  { name: 'model', paths: ['src/types.ts'], mayImport: ['base'], packages: [], forbiddenGlobals: NODE_GLOBALS },
  { name: 'filter', paths: ['src/filter/'], mayImport: ['base', 'model'], packages: [], forbiddenGlobals: NODE_GLOBALS },
  { name: 'schedule', paths: ['src/schedule/'], mayImport: ['base', 'model', 'filter'], packages: ['zod', 'yaml'], forbiddenGlobals: NODE_GLOBALS },
  { name: 'analysis', paths: ['src/analysis/'], mayImport: ['base', 'model', 'filter', 'schedule'], packages: ['zod'], forbiddenGlobals: NODE_GLOBALS },
  // spectral and sweep stand side by side: neither imports the other.
  { name: 'spectral', paths: ['src/spectral/'], mayImport: ['base', 'model', 'filter', 'schedule', 'analysis'], packages: ['zod', 'fft.js'], forbiddenGlobals: NODE_GLOBALS },
  { name: 'sweep', paths: ['src/sweep/'], mayImport: ['base', 'model', 'filter', 'schedule', 'analysis'], packages: ['zod'], forbiddenGlobals: NODE_GLOBALS },
  { name: 'tune', paths: ['src/tune/'], mayImport: ['base', 'model', 'filter', 'schedule', 'analysis', 'sweep'], packages: ['zod'], forbiddenGlobals: NODE_GLOBALS },
  // Records and Vega-Lite specs; they call analysis, but neither sweep nor spectral (those import plot today: exceptions).
  { name: 'plot', paths: ['src/plot/'], mayImport: ['base', 'model', 'filter', 'schedule', 'analysis'], packages: ['zod'], forbiddenGlobals: NODE_GLOBALS },
  // The edges: worker pool, renderers, readers and writers, the CLI, the package entry.
  { name: 'sweep-runner', paths: ['src/sweep/parallel/'], mayImport: CORE, packages: ['node:*'] },
  { name: 'render', paths: ['src/plot/render/'], mayImport: CORE, packages: ['node:*', 'vega', 'vega-lite', '@resvg/resvg-js'] },
  { name: 'io', paths: ['src/io/'], mayImport: CORE, packages: ['node:*'] },
  { name: 'cli', paths: ['src/cli/'], mayImport: [...CORE, 'sweep-runner', 'render', 'io'], packages: ['node:*', 'commander', 'chalk'] },
  { name: 'index', paths: ['src/index.ts'], mayImport: [...CORE, 'sweep-runner', 'render', 'io'], packages: [] },
];

/** Today's violations (at 8f7d116). Each goes when its step lands; then delete its row here. */
const EXCEPTIONS: Exception[] = [
  // §1.2 row 17 of the plan.
  { from: 'src/schedule/schema.ts', to: 'src/sweep/sweep-block.ts', reason: 'the `sweep:` block is part of the config language but lives in sweep/', removedBy: 'Step 2 (sweep-block → core/schedule)' },
  { from: 'src/filter/rational-response.ts', to: 'src/spectral/fft.ts', reason: 'the rational response evaluates B and A by FFT, which lives in spectral/', removedBy: 'Step 2 (fft → core/math)' },
  { from: 'src/sweep/sweep-job.ts', to: 'src/io/tidy-rows.ts', reason: 'METRIC_NAMES lives with the analyze writers', removedBy: 'Step 2 (METRIC_NAMES → core/model)' },
  { from: 'src/sweep/sweep-rows.ts', to: 'src/io/tidy-rows.ts', reason: 'METRIC_NAMES lives with the analyze writers', removedBy: 'Step 2 (METRIC_NAMES → core/model)' },
  { from: 'src/tune/tune-target.ts', to: 'src/io/tidy-rows.ts', reason: 'METRIC_NAMES lives with the analyze writers', removedBy: 'Step 2 (METRIC_NAMES → core/model)' },
  { from: 'src/sweep/sweep-document.ts', to: 'src/io/number-format.ts', reason: 'the sweep writes its own JSON document', removedBy: 'Step 2 (sweep-document → node/reports)' },
  { from: 'src/sweep/sweep-document.ts', to: 'src/io/csv-line.ts', reason: 'the sweep writes its own CSV header', removedBy: 'Step 2 (sweep-document → node/reports)' },
  { from: 'src/sweep/sweep-plot-spec.ts', to: 'src/plot/round-sig.ts', reason: 'a Vega-Lite builder outside plot/ rounds with plot\'s helper', removedBy: 'Step 2 (round-sig → core/math, the builder → core/specs)' },
  { from: 'src/sweep/sweep-plot-spec.ts', to: 'src/plot/specs/theme.ts', reason: 'a Vega-Lite builder outside plot/specs', removedBy: 'Step 2 (builders → core/specs)' },
  { from: 'src/sweep/sweep-plot-spec.ts', to: 'src/plot/specs/vega-lite-spec.ts', reason: 'a Vega-Lite builder outside plot/specs', removedBy: 'Step 2 (builders → core/specs)' },
  { from: 'src/spectral/plot-specs.ts', to: 'src/plot/specs/theme.ts', reason: 'Vega-Lite builders outside plot/specs', removedBy: 'Step 2 (builders → core/specs)' },
  { from: 'src/spectral/plot-specs.ts', to: 'src/plot/specs/vega-lite-spec.ts', reason: 'Vega-Lite builders outside plot/specs', removedBy: 'Step 2 (builders → core/specs)' },
  // §1.2 row 20: the package entry re-exports the CLI (importing the library loads commander).
  { from: 'src/index.ts', to: 'src/cli/main.ts', reason: '`run` is re-exported by the library entry', removedBy: 'F1 (node exports → src/node.ts)' },
  // Found beyond row 17.
  { from: 'src/sweep/sweep-rows.ts', to: 'src/io/csv-line.ts', reason: 'sweep rows are formatted as CSV text inside the core', removedBy: 'A5 (rows become cells; node/sweep/chunk-format.ts formats them)' },
  { from: 'src/analysis/analyze-input.ts', to: 'src/io/number-format.ts', reason: 'analyze()\'s toJSON uses the writers\' jsonValue (NaN → null, −0 → 0)', removedBy: 'Step 2 (jsonValue must land in core, not node/writers: the plan does not say so yet)' },
  { from: 'src/analysis/analysis-budget.ts', to: 'src/io/analysis-writer.ts', reason: 'issue 11\'s output budget estimates bytes per AnalysisFormat, a writer type', removedBy: 'Step 2 (budgets → core/limits.ts with the format names)' },
  { from: 'src/types.ts', to: 'src/schedule/issues.ts', reason: 'the data model names ConfigWarning, which lives in schedule/', removedBy: 'Step 2 (types → core/model, issues → core/issues: C1 may import C0)' },
  { from: 'src/schedule/expression.ts', to: 'node:module', reason: 'mathjs is loaded lazily with createRequire', removedBy: 'A5 (the math engine is injected: node/math-engine.ts)' },
  { from: 'src/schedule/expression.ts', to: 'mathjs', reason: 'the expression sandbox loads mathjs itself', removedBy: 'A5 (the math engine is injected: node/math-engine.ts)' },
  { from: 'src/version.ts', to: 'node:module', reason: 'TOOL reads ../package.json with createRequire', removedBy: 'Step 2 (core/tool.ts, a literal checked by tool.test.ts)' },
  { from: 'src/version.ts', to: 'momentum-fr', reason: 'TOOL reads package.json by the package\'s own name, the same from dist/ and from the CLI bundle', removedBy: 'Step 2 (core/tool.ts, a literal checked by tool.test.ts)' },
  { from: 'src/util/load-bundle.ts', to: 'node:fs', reason: 'the V8 code-cache loader, a build concern, sits in util/', removedBy: 'Step 2 (→ node/bundle/) or B8 (deleted)' },
  { from: 'src/util/load-bundle.ts', to: 'node:module', reason: 'the V8 code-cache loader, a build concern, sits in util/', removedBy: 'Step 2 (→ node/bundle/) or B8 (deleted)' },
  { from: 'src/util/load-bundle.ts', to: 'node:path', reason: 'the V8 code-cache loader, a build concern, sits in util/', removedBy: 'Step 2 (→ node/bundle/) or B8 (deleted)' },
  { from: 'src/util/load-bundle.ts', to: 'node:url', reason: 'the V8 code-cache loader, a build concern, sits in util/', removedBy: 'Step 2 (→ node/bundle/) or B8 (deleted)' },
  { from: 'src/util/load-bundle.ts', to: 'node:vm', reason: 'the V8 code-cache loader, a build concern, sits in util/', removedBy: 'Step 2 (→ node/bundle/) or B8 (deleted)' },
  { from: 'src/util/load-bundle.ts', to: 'global:process', reason: 'the V8 code-cache loader, a build concern, sits in util/', removedBy: 'Step 2 (→ node/bundle/) or B8 (deleted)' },
];

/** Today's import cycles (type-only imports count: they tie the files' concepts together all the same). */
const KNOWN_CYCLES: KnownCycle[] = [
  { files: ['src/sweep/sweep-axes.ts', 'src/sweep/sweep-job.ts'], reason: 'FIXED_COLUMNS in sweep-job, SweepAxis in sweep-axes', removedBy: 'A5 (FIXED_COLUMNS and SweepAxis both in sweep-job.ts)' },
  {
    files: ['src/cli/actions/spectrum-action.ts', 'src/cli/actions/spectrum-plot.ts', 'src/cli/actions/spectrum-report.ts'],
    reason: 'the report and plot writers import their record types from the action',
    removedBy: 'B2/B5 (reports → node/reports, figures → core/figures, with the series types)',
  },
  {
    files: ['src/analysis/analysis-budget.ts', 'src/analysis/analyze.ts', 'src/io/analysis-writer.ts'],
    reason: 'issue 11\'s budget imports a writer type, and the writer imports analyze\'s ScheduleHeader',
    removedBy: 'Step 2 (with the analysis-budget → analysis-writer exception)',
  },
];

/**
 * Back-edges the issue names, as synthetic imports: the checker must refuse every one of them when it
 * is not an exception, so the rules cannot silently loosen (Step 2: the same edges in target paths).
 */
const SYNTHETIC_BACK_EDGES: [from: string, to: string][] = [
  ['src/filter/synthetic.ts', 'src/spectral/fft.ts'],
  ['src/schedule/synthetic.ts', 'src/sweep/sweep-block.ts'],
  ['src/schedule/synthetic.ts', 'src/sweep/parallel/run-sweep.ts'],
  ['src/sweep/synthetic.ts', 'src/io/tidy-rows.ts'],
  ['src/tune/synthetic.ts', 'src/io/tidy-rows.ts'],
  ['src/sweep/synthetic.ts', 'src/plot/specs/theme.ts'],
  ['src/spectral/synthetic.ts', 'src/plot/specs/theme.ts'],
  ['src/spectral/synthetic.ts', 'src/sweep/sweep-job.ts'],
  ['src/analysis/synthetic.ts', 'src/plot/plot-figures.ts'],
  ['src/plot/synthetic.ts', 'src/plot/render/render-svg.ts'],
  ['src/io/synthetic.ts', 'src/cli/main.ts'],
  ['src/index.ts', 'src/cli/main.ts'],
];
/** Packages a layer must not load, likewise. */
const SYNTHETIC_PACKAGES: [from: string, pkg: string][] = [
  ['src/filter/synthetic.ts', 'commander'],
  ['src/schedule/synthetic.ts', 'node:fs'],
  ['src/analysis/synthetic.ts', 'vega'],
  ['src/index.ts', 'chalk'],
];
/** Edges the table allows, so the self-test also sees the checker accept. */
const SYNTHETIC_ALLOWED: [from: string, to: string][] = [
  ['src/schedule/synthetic.ts', 'src/filter/grid.ts'],
  ['src/cli/synthetic.ts', 'src/sweep/parallel/run-sweep.ts'],
  ['src/io/synthetic.ts', 'src/analysis/analyze.ts'],
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

  it('every exception and known cycle says why it exists and which step removes it', () => {
    for (const e of [...EXCEPTIONS, ...KNOWN_CYCLES]) {
      expect(e.reason.length, JSON.stringify(e)).toBeGreaterThan(10);
      expect(e.removedBy, JSON.stringify(e)).toMatch(/^(Step \d|[AB]\d|F\d)/);
    }
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
    const from = 'src/plot/synthetic.ts';
    expect(layerViolations(LAYERS, { files: [from], edges: [edge(from, 'vega-lite', true, true)] })).toHaveLength(1);
    const typesAllowed = LAYERS.map((l) => (l.name === 'plot' ? { ...l, typePackages: ['vega-lite'] } : l));
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
