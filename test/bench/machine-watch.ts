// What the machine itself does to every process during a bench load: on a shared VM, the host can take a virtual
// core away for a few hundred milliseconds, and every thread that was on it waits, ours and Meilisearch's alike.
// A small separate process that only wakes every 10 ms notes each time it was held up; /proc/stat gives the share
// of CPU time the host took ("steal"). Together they tell a stall of the machine from a stall of the server.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';

/** The idle process: prints "from to" (epoch ms) each time its 10 ms timer fired over 100 ms late. */
const WATCHER = `
let last = Date.now();
setInterval(() => {
  const now = Date.now();
  if (now - last > 110) console.log(last + ' ' + now);
  last = now;
}, 10);
`;

/** CPU time so far in ticks: all of it, and the host's share (Linux; zero elsewhere). */
function cpuTicks(): { total: number; steal: number } {
  try {
    const fields = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.split(/\s+/).slice(1, 9).map(Number);
    return { total: fields.reduce((sum, value) => sum + value, 0), steal: fields[7]! };
  } catch {
    return { total: 0, steal: 0 };
  }
}

export interface MachineStalls {
  /** times the idle process was held up, epoch ms */
  pauses: { from: number; to: number }[];
  stolenPercent: number;
}

/** Starts watching the machine; `stop` ends it and says what it saw. */
export function machineWatch(): { stop(): Promise<MachineStalls> } {
  const before = cpuTicks();
  const child = spawn(process.execPath, ['-e', WATCHER], { stdio: ['ignore', 'pipe', 'inherit'] });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  return {
    async stop() {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill();
      await exited;
      const after = cpuTicks();
      const pauses = output
        .split('\n')
        .filter(Boolean)
        .map((line) => line.split(' ').map(Number))
        .map(([from, to]) => ({ from: from!, to: to! }));
      const total = after.total - before.total;
      return { pauses, stolenPercent: total ? (100 * (after.steal - before.steal)) / total : 0 };
    },
  };
}
