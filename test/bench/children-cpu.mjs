// Shared by the bench files that print CPU time beside wall time (startup.mjs, sweep.mjs).
import { existsSync, readFileSync } from 'node:fs';

/**
 * CPU time (user + system, ms) of this process's waited-for children so far, all their threads
 * included: fields 16 and 17 of /proc/self/stat (cutime, cstime; proc(5)), in clock ticks of 10 ms.
 * Undefined off Linux.
 */
export function childrenCpuMs() {
  if (!existsSync('/proc/self/stat')) return undefined;
  const stat = readFileSync('/proc/self/stat', 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[13]) + Number(fields[14])) * 10;
}
