import { Worker } from 'node:worker_threads';
import { workerLimits, workerScript } from '../workers/worker-threads.ts';
import type { CheckedDigest } from './check-digest.ts';
import type { CheckBatch } from './check-worker.ts';

interface Pending {
  resolve(rows: CheckedDigest[]): void;
  reject(error: Error): void;
}

/**
 * Worker threads that normalise and check feed rows, so a large feed uses every core: reading the feed and
 * writing stay on the main thread, the per-row work (buildCourse and the checks) goes to the workers.
 */
export class CheckWorkers {
  private readonly pending = new Map<number, Pending>();
  private nextId = 0;
  private failure: Error | null = null;

  private constructor(private readonly workers: Worker[]) {
    for (const worker of workers) {
      worker.on('message', ({ id, rows, error }: { id: number; rows?: CheckedDigest[]; error?: string }) => {
        const job = this.pending.get(id);
        this.pending.delete(id);
        if (error !== undefined) job?.reject(new Error(`checking feed rows failed: ${error}`));
        else job?.resolve(rows!);
      });
      worker.on('error', (error) => this.fail(error));
    }
  }

  static async start(size: number): Promise<CheckWorkers> {
    const script = await workerScript(new URL('./check-worker.ts', import.meta.url));
    // no inherited loader flags; batches are small, so a small young generation (8 MB semi-spaces) keeps memory down
    const options = {
      eval: true,
      execArgv: [],
      resourceLimits: workerLimits({ maxYoungGenerationSizeMb: 24 }),
    };
    return new CheckWorkers(Array.from({ length: size }, () => new Worker(script, options)));
  }

  check(batch: Omit<CheckBatch, 'id'>): Promise<CheckedDigest[]> {
    if (this.failure) return Promise.reject(this.failure);
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.workers[id % this.workers.length]!.postMessage({ ...batch, id });
    });
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.splice(0).map((worker) => worker.terminate()));
  }

  private fail(error: Error): void {
    this.failure = new Error(`a feed checking thread stopped: ${error.message}`);
    for (const job of this.pending.values()) job.reject(this.failure);
    this.pending.clear();
  }
}
