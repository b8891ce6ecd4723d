#!/usr/bin/env node
// Draws docs/img/exact-vs-frozen.svg for docs/theory-exact.md: the magnitude of the exact response
// H(t, ω) after an EMA schedule switches from u = 0.9 to u = 0.999 at step 10 001, at several steps,
// against the two frozen responses. Plain SVG written by hand (no plot library), byte-for-byte
// deterministic. Needs the build (dist/). `--check` exits 1 if the committed file differs.
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
// The library's Node.js entry (it provides mathjs to configs with expressions).
import { exactResponseAt, frozenResponse, logGrid, parseSchedules } from '../dist/index-node.js';

const out = fileURLToPath(new URL('../docs/img/exact-vs-frozen.svg', import.meta.url));
const YAML = 'steps: 20000\nstages: 2\nmomentum: { u: [0.9, 0.999], v: "1 - u" }';
const STEPS = [10000, 10010, 10100, 11000, 15000];
const COLORS = ['#7f7f7f', '#d62728', '#ff7f0e', '#2ca02c', '#1f77b4'];

const schedule = parseSchedules(YAML).schedules[0];
const omega = logGrid(400, 1e-5);
const exact = exactResponseAt(schedule, omega, STEPS);
const frozenOld = frozenResponse(0.9, 0.1, omega);
const frozenNew = frozenResponse(0.999, 0.001, omega);

const W = 720;
const H = 420;
const M = { left: 64, right: 200, top: 36, bottom: 52 };
const dbMin = -70;
const dbMax = 5;
const x = (w) => M.left + ((Math.log10(w) + 5) / (Math.log10(Math.PI) + 5)) * (W - M.left - M.right);
const y = (db) => M.top + ((dbMax - Math.max(dbMin, Math.min(dbMax, db))) / (dbMax - dbMin)) * (H - M.top - M.bottom);
const f2 = (v) => v.toFixed(2);
const path = (db) => Array.from(omega, (w, i) => `${i === 0 ? 'M' : 'L'}${f2(x(w))},${f2(y(db[i]))}`).join('');

const parts = [];
parts.push(`<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" font-family="sans-serif" font-size="12">`);
parts.push(`<rect width="${W}" height="${H}" fill="white"/>`);
parts.push(`<text x="${M.left}" y="20" font-size="14" font-weight="bold">Exact |H(t, ω)| after u switches from 0.9 to 0.999 at step 10 001 (v = 1 − u)</text>`);
for (let e = -5; e <= 0; e++) {
  const px = f2(x(10 ** e));
  parts.push(`<line x1="${px}" y1="${M.top}" x2="${px}" y2="${H - M.bottom}" stroke="#e5e5e5"/>`);
  parts.push(`<text x="${px}" y="${H - M.bottom + 16}" text-anchor="middle">1e${e}</text>`);
}
parts.push(`<text x="${f2(x(Math.PI))}" y="${H - M.bottom + 16}" text-anchor="middle">π</text>`);
for (let db = dbMin; db <= 0; db += 10) {
  const py = f2(y(db));
  parts.push(`<line x1="${M.left}" y1="${py}" x2="${W - M.right}" y2="${py}" stroke="#e5e5e5"/>`);
  parts.push(`<text x="${M.left - 6}" y="${py}" text-anchor="end" dominant-baseline="middle">${db}</text>`);
}
parts.push(`<rect x="${M.left}" y="${M.top}" width="${W - M.left - M.right}" height="${H - M.top - M.bottom}" fill="none" stroke="#333"/>`);
parts.push(`<text x="${(M.left + W - M.right) / 2}" y="${H - 12}" text-anchor="middle">ω (rad/sample, log scale)</text>`);
parts.push(`<text transform="translate(18 ${(M.top + H - M.bottom) / 2}) rotate(-90)" text-anchor="middle">|H| (dB)</text>`);
parts.push(`<path d="${path(frozenOld.magnitudeDb)}" fill="none" stroke="#000" stroke-width="1.5" stroke-dasharray="2 3"/>`);
parts.push(`<path d="${path(frozenNew.magnitudeDb)}" fill="none" stroke="#000" stroke-width="1.5" stroke-dasharray="7 4"/>`);
exact.forEach((r, i) => parts.push(`<path d="${path(r.magnitudeDb)}" fill="none" stroke="${COLORS[i]}" stroke-width="1.6"/>`));
const legend = [
  ['frozen, u = 0.9 (stage 0)', '#000', '2 3'],
  ['frozen, u = 0.999 (stage 1)', '#000', '7 4'],
  ...STEPS.map((t, i) => [`exact, step ${t}`, COLORS[i], '']),
];
legend.forEach(([label, color, dash], i) => {
  const ly = M.top + 12 + i * 20;
  const lx = W - M.right + 14;
  parts.push(`<line x1="${lx}" y1="${ly}" x2="${lx + 26}" y2="${ly}" stroke="${color}" stroke-width="1.8"${dash ? ` stroke-dasharray="${dash}"` : ''}/>`);
  parts.push(`<text x="${lx + 32}" y="${ly}" dominant-baseline="middle">${label}</text>`);
});
parts.push('</svg>');
const svg = `${parts.join('\n')}\n`;

if (process.argv.includes('--check')) {
  if (readFileSync(out, 'utf8') !== svg) {
    process.stderr.write('docs/img/exact-vs-frozen.svg is out of date: run node bin/exact-figure.mjs\n');
    process.exitCode = 1;
  }
} else {
  writeFileSync(out, svg);
  process.stderr.write(`wrote ${out}\n`);
}
