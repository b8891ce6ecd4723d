#!/usr/bin/env node
// The reference of the plot bench row (test/bench/plot-vega.mjs): a plain script that loads vega (the
// package, as any Node.js program would) and renders compiled Vega specs with vega's own
// View.toSVG(), one SVG file per spec. Usage: node test/bench/vega-tosvg.mjs OUT_DIR SPEC.vg.json…
import { readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import * as vega from 'vega';

const [out, ...specs] = process.argv.slice(2);
for (const file of specs) {
  const view = new vega.View(vega.parse(JSON.parse(readFileSync(file, 'utf8'))), { renderer: 'none' });
  writeFileSync(join(out, basename(file).replace(/\.vg\.json$/, '.svg')), await view.toSVG());
  view.finalize();
}
