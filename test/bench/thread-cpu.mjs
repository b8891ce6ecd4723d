// Shared by the bench files that print the CPU time of each thread of a command (sweep.mjs).
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';

/**
 * Runs a command and samples the CPU time of each of its threads while it runs (every 5 ms, from
 * /proc/<pid>/task/<tid>/schedstat: nanoseconds on a CPU; a thread's last few ms before it ends
 * may be missed). Resolves to the wall time (ms) and, on Linux, each thread's CPU time (ms): `main`
 * (the thread whose id is the process's) and the others, busiest first.
 */
export function runWithThreadCpu(cmd, args, options) {
  return new Promise((resolve, reject) => {
    const t0 = process.hrtime.bigint();
    const child = spawn(cmd, args, { ...options, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (s) => (stderr += s));
    const threads = new Map();
    const linux = existsSync(`/proc/${process.pid}/task`);
    const sample = () => {
      try {
        for (const tid of readdirSync(`/proc/${child.pid}/task`)) {
          const ns = Number(readFileSync(`/proc/${child.pid}/task/${tid}/schedstat`, 'utf8').split(' ')[0]);
          if (Number.isFinite(ns)) threads.set(tid, ns / 1e6);
        }
      } catch {
        // the process or a thread ended between the listing and the read
      }
    };
    const timer = linux ? setInterval(sample, 5) : undefined;
    child.on('error', reject).on('close', (status) => {
      clearInterval(timer);
      const wall = Number(process.hrtime.bigint() - t0) / 1e6;
      if (status !== 0) return reject(new Error(`${cmd} ${args.join(' ')} failed: ${stderr}`));
      const main = threads.get(String(child.pid)) ?? NaN;
      const others = [...threads].filter(([tid]) => tid !== String(child.pid)).map(([, ms]) => ms).sort((a, b) => b - a);
      resolve({ wall, main: linux ? main : undefined, others: linux ? others : undefined });
    });
  });
}
