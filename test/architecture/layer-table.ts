import { layerOf, type Layer } from './layer-check.js';

/**
 * The layer rule (plan §2.4) over today's folders, as data: layers.test.ts checks the import graph
 * against it, browser-bundle.test.ts and no-cli-words.test.ts take the core and the edges from it.
 * - the core, pure and browser-safe: no node:*, no process/Buffer, no commander, chalk, vega
 *   runtime or resvg. Lowest first: base (math, the tool's name, the vocabulary, the metric names,
 *   issues as data) < model (types.ts) < filter < schedule < analysis < spectral | sweep (not each
 *   other) < tune < plot (records, figures, specs) < explore (the explore page's controls, view and HTML);
 * - the edges: readers and writers (io), renderers (plot/render), the worker pool (sweep/parallel),
 *   the CLI, and the entry points: src/index.ts with src/api.ts (the pure API: core only, plus
 *   mathjs), src/index-node.ts (the same API for Node.js, with the lazy mathjs of io) and
 *   src/node.ts (everything).
 * The core never imports an edge; a lower core layer never imports a higher one.
 */

/** Globals a pure layer may not touch: the ones a browser does not have. */
const NODE_GLOBALS = ['process', 'Buffer', '__dirname', '__filename', 'require', 'setImmediate'];

/** The core layers, lowest first. */
export const CORE = ['base', 'model', 'filter', 'schedule', 'analysis', 'spectral', 'sweep', 'tune', 'plot', 'explore'];
/** The core layers below `name` (spectral and sweep stand side by side). */
const below = (name: string): string[] => CORE.slice(0, CORE.indexOf(name)).filter((l) => !(name === 'sweep' && l === 'spectral'));
const core = (name: string, paths: string[], packages: string[] = []): Layer => ({ name, paths, mayImport: below(name), packages, forbiddenGlobals: NODE_GLOBALS });

/** Layers by folder; a file belongs to the layer with its longest matching path (sweep/parallel is an edge inside sweep/). */
export const LAYERS: Layer[] = [
  // Issues as data (schedule/issues.ts: the plan's core/issues) sit at the bottom with the maths: every layer reports them.
  core('base', ['src/math/', 'src/tool.ts', 'src/vocabulary.ts', 'src/util/', 'src/schedule/issues.ts'], ['fft.js']),
  core('model', ['src/types.ts', 'src/metric-names.ts']),
  core('filter', ['src/filter/']),
  core('schedule', ['src/schedule/'], ['zod', 'yaml']),
  core('analysis', ['src/analysis/'], ['zod']),
  core('spectral', ['src/spectral/'], ['zod']),
  core('sweep', ['src/sweep/'], ['zod']),
  core('tune', ['src/tune/'], ['zod']),
  { ...core('plot', ['src/plot/'], ['zod']), typePackages: ['vega-lite'] },
  // `momentum-fr explore`'s page, pure: controls, state, view (records and specs) and the HTML.
  core('explore', ['src/explore/'], ['zod', 'yaml']),
  // The edges. Readers and writers, and the lazy loader of mathjs.
  { name: 'io', paths: ['src/io/', 'src/util/load-bundle.ts'], mayImport: CORE, packages: ['node:*', 'mathjs'] },
  { name: 'render', paths: ['src/plot/render/'], mayImport: [...CORE, 'io'], packages: ['node:*', 'vega', 'vega-lite', '@resvg/resvg-js'] },
  { name: 'sweep-runner', paths: ['src/sweep/parallel/'], mayImport: [...CORE, 'io'], packages: ['node:*'] },
  { name: 'cli', paths: ['src/cli/'], mayImport: [...CORE, 'io', 'render', 'sweep-runner', 'explore-serve'], packages: ['node:*', 'commander', 'chalk'] },
  // The explore page module runs in a browser: the library's browser entry and vega draw there, CodeMirror edits the YAML.
  { name: 'explore-page', paths: ['src/explore/page/'], mayImport: [...CORE, 'index'], packages: ['vega', 'vega-lite', '@codemirror/*'], forbiddenGlobals: NODE_GLOBALS },
  // `explore`'s edge: the page module read from dist/, the local server and its file watch.
  { name: 'explore-serve', paths: ['src/explore/serve/'], mayImport: [...CORE, 'io'], packages: ['node:*'] },
  // The entry points: `momentum-fr` is the core (and the static mathjs it provides); `momentum-fr/node` the rest.
  { name: 'api', paths: ['src/api.ts', 'src/library-options.ts'], mayImport: CORE, packages: [], forbiddenGlobals: NODE_GLOBALS },
  { name: 'index', paths: ['src/index.ts'], mayImport: [...CORE, 'api'], packages: ['mathjs'], forbiddenGlobals: NODE_GLOBALS },
  // `momentum-fr` in Node.js (the "node" condition): the same API, with the lazy mathjs of src/io.
  { name: 'index-node', paths: ['src/index-node.ts'], mayImport: [...CORE, 'api', 'io'], packages: [] },
  { name: 'node', paths: ['src/node.ts'], mayImport: [...CORE, 'io', 'render', 'sweep-runner', 'cli'], packages: [] },
];

/** A core file: in a layer of CORE (src/index.ts and src/api.ts are the core's entry, not core). */
export function isCore(file: string): boolean {
  const layer = layerOf(LAYERS, file);
  return layer !== undefined && CORE.includes(layer.name);
}

/** An edge file: in a layer that is neither core nor the pure entry point. */
export function isEdge(file: string): boolean {
  const layer = layerOf(LAYERS, file);
  return layer !== undefined && !CORE.includes(layer.name) && layer.name !== 'index' && layer.name !== 'api';
}
