// What the machine does to every process during a bench load, so that a slow search can be told apart: a stall
// of the server, or of the machine. A small separate process wakes every 20 ms and reads /proc/stat. It notes each
// time it was held up itself for over 100 ms (a search slow at that moment did not wait for our server alone: a
// process doing almost nothing waited too), and each time the host took a virtual core away for over 50 ms (Linux
// counts that time as "steal", per core, and books it in one go when the core comes back).
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';

/** Prints "held <from> <to>" and "away <from> <to>" (epoch ms) for what it saw. */
const WATCHER = `
const fs = require('node:fs');
const HZ = 100; // USER_HZ: /proc/stat counts in hundredths of a second
const steal = () => fs.readFileSync('/proc/stat', 'utf8').split('\\n').filter((l) => /^cpu\\d/.test(l)).map((l) => Number(l.split(/\\s+/)[8]));
let last = steal();
let woke = Date.now();
console.log('watching');
setInterval(() => {
  const now = Date.now();
  if (now - woke > 120) console.log('held ' + woke + ' ' + now);
  woke = now;
  const current = steal();
  current.forEach((ticks, core) => {
    const away = ((ticks - last[core]) * 1000) / HZ;
    if (away > 50) console.log('away ' + (now - away) + ' ' + now);
  });
  last = current;
}, 20);
`;

/** CPU time so far in ticks: all of it, and the host's share. */
function cpuTicks(): { total: number; steal: number } {
  const fields = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.split(/\s+/).slice(1, 9).map(Number);
  return { total: fields.reduce((sum, value) => sum + value, 0), steal: fields[7]! };
}

export type Stretch = { from: number; to: number };

export interface MachineStalls {
  /** each time the watching process was held up for over 100 ms, epoch ms */
  held: Stretch[];
  /** each stretch a core was taken away for over 50 ms, epoch ms */
  away: Stretch[];
  /** the host's share of the CPU time, in % */
  stolen: number;
}

/** Starts watching the machine (Linux) and resolves once it watches; `stop` ends it and says what it saw. */
export async function machineWatch(): Promise<{ stop(): Promise<MachineStalls> }> {
  const child = spawn(process.execPath, ['-e', WATCHER], { stdio: ['ignore', 'pipe', 'inherit'] });
  let output = '';
  await new Promise<void>((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (output.startsWith('watching\n')) resolve();
    });
    child.once('exit', (code) => reject(new Error(`the machine watch exited (${code})`)));
  });
  const before = cpuTicks();
  return {
    async stop() {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill();
      await exited;
      const after = cpuTicks();
      const seen = (kind: string) =>
        output
          .split('\n')
          .filter((line) => line.startsWith(`${kind} `))
          .map((line) => line.split(' ').map(Number))
          .map(([, from, to]) => ({ from: from!, to: to! }));
      return {
        held: seen('held'),
        away: seen('away'),
        stolen: (100 * (after.steal - before.steal)) / (after.total - before.total || 1),
      };
    },
  };
}
