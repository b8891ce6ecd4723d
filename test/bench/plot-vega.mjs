// Plot bench row beside its reference (imported by test/bench/run.js): `momentum-fr plot` on the FSGDM
// default, the 7 figures as SVG, against a plain Node.js script that loads vega and renders the same
// compiled Vega specs (the plot's own vg.json output, written once beforehand) with vega's
// View.toSVG() (test/bench/vega-tosvg.mjs). Both are whole processes, start-up included; they run in
// alternation, round after round, and the ratio is the median of the per-round ratios.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));
const bin = fileURLToPath(new URL('../../bin/momentum-fr.js', import.meta.url));
const reference = fileURLToPath(new URL('./vega-tosvg.mjs', import.meta.url));
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

function wall(args) {
  const t0 = process.hrtime.bigint();
  const r = spawnSync(process.execPath, args, { cwd: root, stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, NO_COLOR: '1' } });
  if (r.status !== 0) throw new Error(`node ${args.join(' ')} failed: ${r.stderr}`);
  return Number(process.hrtime.bigint() - t0) / 1e6;
}

export async function bench(rounds = 5) {
  const dir = mkdtempSync(join(tmpdir(), 'mfr-bench-vega-'));
  try {
    const config = join(root, 'configs/fsgdm-cifar100.yaml');
    const specsDir = join(dir, 'specs');
    wall([bin, 'plot', config, '--out-dir', specsDir, '--format', 'vg.json']);
    const specs = readdirSync(specsDir).filter((f) => f.endsWith('.vg.json')).map((f) => join(specsDir, f));
    mkdirSync(join(dir, 'ref'));
    const ours = () => wall([bin, 'plot', config, '--out-dir', join(dir, 'svg')]);
    const theirs = () => wall([reference, join(dir, 'ref'), ...specs]);
    ours();
    theirs();
    const a = [];
    const b = [];
    for (let i = 0; i < rounds; i++) {
      a.push(ours());
      b.push(theirs());
    }
    const ratio = median(a.map((x, i) => x / b[i]));
    return [
      { name: `plot FSGDM default → ${specs.length} SVGs (momentum-fr plot)`, ms: median(a), goal: '≤ 1.0× vega', note: `${ratio.toFixed(2)}× the reference below (median of ${rounds} alternating rounds)` },
      { name: `  the same ${specs.length} compiled specs, vega's own View.toSVG() (test/bench/vega-tosvg.mjs)`, ms: median(b), note: 'reference' },
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

// Run alone: node test/bench/plot-vega.mjs
if (process.argv[1] === fileURLToPath(import.meta.url)) {
  for (const r of await bench()) console.log(`${r.name}: ${r.ms.toFixed(0)} ms${r.goal ? ` (goal ${r.goal})` : ''}${r.note ? ` — ${r.note}` : ''}`);
}
