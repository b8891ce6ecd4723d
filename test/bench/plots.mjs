// Plot benchmarks (imported by test/bench/run.js): wall-clock medians on this machine.
// - `momentum-fr plot` on the FSGDM default, every figure as SVG (the default command), as a user
//   pays it: process start, vega/vega-lite load (code-cached), specs, rendering (the response map's
//   cells as one image), atomic writes. Goal ≤ 1.5 s.
// - the same with every format (SVG, PNG, HTML, vl.json, vg.json).
// - the response map of a 10⁶-step per-step schedule (stageLength: 1, u_t = t/(t + 1000),
//   v = 1 − u), in-process after the schedule is resolved: SVG, then PNG.
import '../../dist/index-node.js'; // provides mathjs to configs with expressions, as the library's Node.js entry does
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));
const bin = fileURLToPath(new URL('../../bin/momentum-fr.js', import.meta.url));

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

function timeCli(args, cwd, runs) {
  const once = () => {
    const t0 = process.hrtime.bigint();
    const r = spawnSync(process.execPath, [bin, ...args], { cwd, stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, NO_COLOR: '1' } });
    if (r.status !== 0) throw new Error(`momentum-fr ${args.join(' ')} failed: ${r.stderr}`);
    return Number(process.hrtime.bigint() - t0) / 1e6;
  };
  once(); // warm the file cache
  return median(Array.from({ length: runs }, once));
}

async function timeAsync(fn, runs) {
  await fn();
  const times = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await fn();
    times.push(performance.now() - t0);
  }
  return median(times);
}

export async function bench() {
  const dir = mkdtempSync(join(tmpdir(), 'mfr-bench-plots-'));
  try {
    const config = join(root, 'configs/fsgdm-cifar100.yaml');
    const rows = [];
    const svgMs = timeCli(['plot', config, '--out-dir', join(dir, 'svg')], dir, 5);
    rows.push({ name: 'plot FSGDM default → every figure as SVG (7 files)', ms: svgMs, goal: '≤ 1500 ms' });
    const allMs = timeCli(['plot', config, '--out-dir', join(dir, 'all'), '--format', 'svg,png,html,vl.json,vg.json'], dir, 3);
    rows.push({ name: 'plot FSGDM default → SVG, PNG, HTML, vl.json, vg.json (29 files)', ms: allMs });

    const { parseSchedules } = await import('../../dist/schedule/parse.js');
    const { renderPlots } = await import('../../dist/plot/render/render-plots.js');
    const { resolvePlotOptions } = await import('../../dist/plot/plot-options.js');
    const yaml = 'name: per-step\nsteps: 1000000\nstageLength: 1\nmomentum:\n  u: "t / (t + 1000)"\n  v: "1 - u"\n';
    const t0 = performance.now();
    const [schedule] = parseSchedules(yaml).schedules;
    const resolveMs = performance.now() - t0;
    const plot = resolvePlotOptions();
    let svgBytes = 0;
    let pngBytes = 0;
    const mapSvg = await timeAsync(async () => {
      const { files } = await renderPlots([schedule], { kinds: ['response-map'], formats: ['svg'], plot });
      svgBytes = files[0].data.length;
    }, 3);
    const mapBoth = await timeAsync(async () => {
      const { files } = await renderPlots([schedule], { kinds: ['response-map'], formats: ['svg', 'png'], plot });
      pngBytes = files[1].data.length;
    }, 3);
    rows.push({ name: 'response map, 10⁶-step per-step schedule → SVG (in-process)', ms: mapSvg, note: `${plot.mapBins}×${plot.mapRows} cells, ${(svgBytes / 1e3).toFixed(0)} kB; resolving the schedule took ${resolveMs.toFixed(0)} ms` });
    rows.push({ name: 'response map, 10⁶-step per-step schedule → SVG + PNG (in-process)', ms: mapBoth, note: `PNG ${(pngBytes / 1e3).toFixed(0)} kB at --png-scale 2` });
    return rows;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

// Run alone: node test/bench/plots.mjs
if (process.argv[1] === fileURLToPath(import.meta.url)) {
  for (const r of await bench()) console.log(`${r.name}: ${r.ms.toFixed(0)} ms${r.goal ? ` (goal ${r.goal})` : ''}${r.note ? ` — ${r.note}` : ''}`);
}
