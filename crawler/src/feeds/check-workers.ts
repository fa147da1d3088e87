import { Worker } from 'node:worker_threads';
import type { CheckedDigest } from './check-digest.ts';
import type { CheckBatch } from './check-worker.ts';

// A worker thread starts without the TypeScript loader this process may have: register tsx, then load the checker.
const BOOTSTRAP = `import(${JSON.stringify(import.meta.resolve('tsx/esm/api'))}).then((tsx) => {
  tsx.register();
  return import(${JSON.stringify(new URL('./check-worker.ts', import.meta.url).href)});
});`;

interface Pending {
  resolve(rows: CheckedDigest[]): void;
  reject(error: Error): void;
}

/**
 * Worker threads that normalise and check feed rows, so a large feed uses every core: reading the feed and
 * writing stay on the main thread, the per-row work (buildCourse and the checks) spreads over the workers.
 */
export class CheckWorkers {
  private readonly workers: Worker[] = [];
  private readonly pending = new Map<number, Pending>();
  private nextId = 0;
  private failure: Error | null = null;

  constructor(size: number) {
    for (let index = 0; index < size; index++) {
      const worker = new Worker(BOOTSTRAP, { eval: true });
      worker.on('message', ({ id, rows, error }: { id: number; rows?: CheckedDigest[]; error?: string }) => {
        const job = this.pending.get(id);
        this.pending.delete(id);
        if (error !== undefined) job?.reject(new Error(`checking feed rows failed: ${error}`));
        else job?.resolve(rows!);
      });
      worker.on('error', (error) => this.fail(error));
      this.workers.push(worker);
    }
  }

  /** batches sent and not yet answered */
  get waiting(): number {
    return this.pending.size;
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
