// `momentum-fr/node`: the edges, for Node.js only. Config and trace readers, the trace writer, the
// renderers (Vega-Lite → Vega → SVG → PNG), the sweep's worker pool and the CLI itself (`run`).
// The pure API is `momentum-fr` (src/index.ts); docs/architecture.md draws the layers.
import { provideMathjs } from './schedule/mathjs-provider.js';
import { requireMathjs } from './io/require-mathjs.js';

// Expressions compile with mathjs, loaded when first needed (unless `momentum-fr` already imported it).
provideMathjs(requireMathjs, { fallback: true });

export { run } from './cli/main.js';
export { parseGridOption } from './cli/grid-options.js';
export { runSweep, InvalidPointError, SweepAbortedError, type RunSweepOptions } from './sweep/parallel/run-sweep.js';
export { tableReader } from './io/read-table.js';
export { readTrace, TraceError, type NonFinitePolicy, type ReadTraceOptions, type Trace, type TraceSeries } from './io/read-trace.js';
export { writeTrace } from './io/trace-writer.js';
export { decodeConfigText } from './io/config-text.js';
export { PathError } from './io/path-error.js';
export { requireMathjs } from './io/require-mathjs.js';
export { renderPlots, type PlotFile, type RenderPlotsOptions } from './plot/render/render-plots.js';
export { compileVega, type VegaSpec } from './plot/render/compile-vega.js';
export { renderSvg, type SvgAbout } from './plot/render/render-svg.js';
export { renderPng, type PngOptions } from './plot/render/render-png.js';
export { PLOT_FORMATS, type PlotFormat } from './plot/plot-format.js';
export { openTraceStream, type TraceStream, type TraceStreamOptions } from './io/trace-stream.js';
