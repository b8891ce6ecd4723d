// Stage metrics of every stage (imported by test/bench/run.js): `analyze --stages all --no-response
// --format csv` of the YOLO recipe (Nesterov: a bank of one branch with feed-through, 5 844 stages; its
// peak, cutoff and unity-gain frequencies in closed form, firstOrderShape) beside the same command on the
// ResNet OneCycle config (first-order momentum, 11 730 stages, closed form throughout), alternating round
// after round so that the ratio compares runs under the same load (the median of the per-round ratios).
// CPU time from /proc's children times where available: on a loaded machine wall time counts the others.
import { fileURLToPath } from 'node:url';
import { median, run } from './startup.mjs';

const bin = fileURLToPath(new URL('../../bin/momentum-fr.js', import.meta.url));

export async function bench(rounds = 7) {
  const command = (config) => [bin, 'analyze', config, '--stages', 'all', '--no-response', '--format', 'csv'];
  const commands = [command('configs/resnet-cifar-onecycle.yaml'), command('configs/yolo-nesterov-warmup.yaml')];
  for (const c of commands) run(c);
  const times = commands.map(() => []);
  for (let i = 0; i < rounds; i++) commands.forEach((c, k) => times[k].push(run(c)));
  const wall = (k) => median(times[k].map((t) => t.wall));
  const cpu = (k) => times[k].reduce((sum, t) => sum + t.cpu, 0) / rounds;
  const cpuNote = (k) => (Number.isNaN(cpu(k)) ? '' : `; CPU ${cpu(k).toFixed(0)} ms (mean)${k === 0 ? '' : `, ${(cpu(k) / cpu(0)).toFixed(2)}× resnet`}`);
  const ratio = median(times[1].map((t, i) => t.wall / times[0][i].wall));
  return [
    { name: 'analyze resnet-cifar-onecycle --stages all --no-response → CSV (11 730 first-order stages)', ms: wall(0), note: `reference${cpuNote(0)}` },
    { name: 'analyze yolo-nesterov-warmup --stages all --no-response → CSV (5 844 Nesterov stages)', ms: wall(1), goal: '≤ 600 ms', note: `${ratio.toFixed(2)}× resnet (median of ${rounds} alternating rounds; 2.0–2.2 s before the closed form)${cpuNote(1)}` },
  ];
}
