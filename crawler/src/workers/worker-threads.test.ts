import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

// A worker that keeps 400,000 small objects makes V8 grow its young generation as far as it is allowed to.
const NEW_SPACE_OF_A_BUSY_WORKER = `
import { Worker } from 'node:worker_threads';
import { workerLimits } from ${JSON.stringify(new URL('./worker-threads.ts', import.meta.url).href)};
const busy = \`
  const { getHeapSpaceStatistics } = require('node:v8');
  const kept = [];
  let largest = 0;
  for (let i = 0; i < 400000; i++) {
    kept.push({ i, label: 'item ' + i });
    if (i % 1000 === 0) largest = Math.max(largest, getHeapSpaceStatistics().find((space) => space.space_name === 'new_space').space_size);
  }
  require('node:worker_threads').parentPort.postMessage(largest);\`;
const limits = { maxYoungGenerationSizeMb: 48 };
const worker = new Worker(busy, { eval: true, execArgv: [], resourceLimits: process.argv.at(-1) === 'own' ? workerLimits(limits) : limits });
worker.once('message', (bytes) => { console.log(bytes / 1024 / 1024); void worker.terminate(); });
`;

/** The largest young generation (MB) a busy worker reached, in a process started as `shortlist` starts Node. */
function youngGenerationMb(limits: 'own' | 'plain'): number {
  const output = execFileSync(
    process.execPath,
    [
      '--max-semi-space-size=1',
      '--import',
      'tsx',
      '--input-type=module',
      '-e',
      NEW_SPACE_OF_A_BUSY_WORKER,
      limits,
    ],
    { encoding: 'utf8' },
  );
  return Number(output.trim());
}

describe('workerLimits', () => {
  it("lets a worker grow its young generation to its own limit, whatever the process's --max-semi-space-size", () => {
    // without it V8 holds every thread to the main thread's flag: a reader would collect garbage all the time
    expect(youngGenerationMb('plain')).toBeLessThanOrEqual(2);
    expect(youngGenerationMb('own')).toBeGreaterThan(8);
  });
});
