import { readFileSync } from 'node:fs';

/** How Linux schedules one thread of a process (the main thread when no thread id is given), from its /proc stat. */
export function threadScheduling(pid: number, thread = pid): { name: string; nice: number; policy: number } {
  const stat = readFileSync(`/proc/${pid}/task/${thread}/stat`, 'utf8');
  // the fields after the name start at the third: the nice value is the 19th, the policy the 41st
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return {
    name: stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')')),
    nice: Number(fields[16]),
    policy: Number(fields[38]),
  };
}
