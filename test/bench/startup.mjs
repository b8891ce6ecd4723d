// Start-up bench rows beside their reference (imported by test/bench/run.js): `--help`,
// `validate configs/*.yaml` (one config has expressions, so mathjs loads), `validate` of the YOLO
// recipe and its `analyze --stages all` (mathjs and the per-step lr of 554 700 steps) against a bare
// `node -e 0`, all in alternation, round after round, so that each ratio compares runs under the same load
// (the median of the per-round ratios). On Linux the CPU time of each (from /proc's children times,
// 10 ms ticks) is printed too: on a loaded machine wall time measures the other processes as well.
// Its ratio is that of the totals over all rounds: /proc counts each child's exact time into the
// total and rounds only the total, so a total is right to 10 ms where one 60 ms run is not.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { childrenCpuMs } from './children-cpu.mjs';

const root = fileURLToPath(new URL('../..', import.meta.url));
const bin = fileURLToPath(new URL('../../bin/momentum-fr.js', import.meta.url));
export const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];


export function run(args) {
  const cpu0 = childrenCpuMs();
  const t0 = process.hrtime.bigint();
  const r = spawnSync(process.execPath, args, { cwd: root, stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, NO_COLOR: '1' } });
  const wall = Number(process.hrtime.bigint() - t0) / 1e6;
  if (r.status !== 0) throw new Error(`node ${args.join(' ')} failed: ${r.stderr}`);
  return { wall, cpu: cpu0 === undefined ? NaN : childrenCpuMs() - cpu0 };
}

export async function bench(rounds = 15) {
  const configs = readdirSync(`${root}/configs`).filter((f) => f.endsWith('.yaml')).map((f) => `configs/${f}`);
  const yolo = 'configs/yolo-nesterov-warmup.yaml';
  const commands = [['-e', '0'], [bin, '--help'], [bin, 'validate', ...configs], [bin, 'validate', yolo], [bin, 'analyze', yolo, '--stages', 'all', '--no-response', '--format', 'csv']];
  for (const c of commands) run(c);
  const times = commands.map(() => []);
  for (let i = 0; i < rounds; i++) commands.forEach((c, k) => times[k].push(run(c)));
  const ratio = (k, key) => median(times[k].map((t, i) => t[key] / times[0][i][key]));
  const totalCpu = (k) => times[k].reduce((sum, t) => sum + t.cpu, 0);
  const cpu = (k) => (Number.isNaN(times[k][0].cpu) ? '' : `; CPU ${(totalCpu(k) / rounds).toFixed(0)} ms (mean), ${k === 0 ? 'reference' : `${(totalCpu(k) / totalCpu(0)).toFixed(2)}×`}`);
  const wall = (k) => median(times[k].map((t) => t.wall));
  return [
    { name: 'node -e 0 (start-up reference, same rounds as the rows below)', ms: wall(0), note: `reference${cpu(0)}` },
    { name: '--help', ms: wall(1), goal: '≤ 1.25× node -e 0', note: `${ratio(1, 'wall').toFixed(2)}× node -e 0${cpu(1)} (wall: median of ${rounds} alternating rounds)` },
    { name: `validate configs/*.yaml (${configs.length} configs, one with expressions)`, ms: wall(2), note: `${ratio(2, 'wall').toFixed(2)}× node -e 0${cpu(2)}` },
    // The expression sandbox's mathjs (made of the language's factories only) and the per-step lr of 554 700 steps.
    { name: `validate ${yolo} (an lr expression: mathjs loads)`, ms: wall(3), note: `${ratio(3, 'wall').toFixed(2)}× node -e 0${cpu(3)}` },
    { name: `analyze ${yolo} --stages all --no-response --format csv (5 844 stages)`, ms: wall(4), goal: '≤ 600 ms CPU', note: `${ratio(4, 'wall').toFixed(2)}× node -e 0${cpu(4)}` },
  ];
}

// Run alone: node test/bench/startup.mjs
if (process.argv[1] === fileURLToPath(import.meta.url)) {
  for (const r of await bench()) console.log(`${r.name}: ${r.ms.toFixed(0)} ms${r.goal ? ` (goal ${r.goal})` : ''}${r.note ? ` — ${r.note}` : ''}`);
}
