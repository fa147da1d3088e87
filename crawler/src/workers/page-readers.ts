import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { readPage, type PageRead, type PageToRead } from '../extract/read-page.ts';
import { workerLimits, workerScript } from './worker-threads.ts';

/** Room for the DOM of a page at the 5 MB default cap; small enough that workers collect garbage rather than grow. */
const WORKER_HEAP_MB = 128;
/**
 * A page's DOM is garbage as soon as it is read: a young generation that holds a few pages' worth lets it die there,
 * cheaply. 48 MB is V8's default (16 MB semi-spaces, a power of two, plus as much again for large objects): with
 * the main thread's 8 MB semi-spaces one reader kept promoting pages and spent a fifth of its time collecting them;
 * 64 MB (32 MB semi-spaces) took thousands of pages to fill, so memory kept growing well into a crawl.
 */
const WORKER_YOUNG_MB = 48;

interface Job {
  resolve(read: PageRead): void;
  reject(error: Error): void;
}

interface Reader {
  worker: Worker;
  jobs: Map<number, Job>;
}

/**
 * Worker threads that parse pages and extract their courses, so one crawl uses every core: fetching stays on the
 * main thread (one request at a time per host), reading spreads over the workers. With no workers, pages are read
 * inline. Workers start on first use, hold the process open only while they have work, and are replaced if one dies.
 */
export class PageReaders {
  private readonly readers: Reader[] = [];
  private nextId = 0;
  private script: string | undefined;

  constructor(readonly size = Math.min(4, availableParallelism())) {}

  async read(page: PageToRead): Promise<PageRead> {
    if (this.size === 0) return readPage(page);
    this.script ??= await workerScript(new URL('./page-reader-worker.ts', import.meta.url));
    const reader = this.leastBusy();
    const id = this.nextId++;
    return new Promise<PageRead>((resolve, reject) => {
      reader.jobs.set(id, { resolve, reject });
      if (reader.jobs.size === 1) reader.worker.ref();
      // the body moves to the worker rather than being copied; the caller is done with it
      const transfer = page.body.byteLength === page.body.buffer.byteLength ? [page.body.buffer] : [];
      reader.worker.postMessage({ id, page }, transfer as ArrayBuffer[]);
    });
  }

  /** Stops the workers; reading again starts new ones. */
  async close(): Promise<void> {
    await Promise.all(this.readers.splice(0).map(({ worker }) => worker.terminate()));
  }

  private leastBusy(): Reader {
    if (this.readers.length < this.size) {
      const idle = this.readers.find((reader) => reader.jobs.size === 0);
      if (idle) return idle;
      return this.start();
    }
    return this.readers.reduce((best, reader) => (reader.jobs.size < best.jobs.size ? reader : best));
  }

  private start(): Reader {
    // a bounded heap: V8 otherwise lets each worker's heap grow for as long as memory allows
    const worker = new Worker(this.script!, {
      eval: true,
      execArgv: [],
      resourceLimits: workerLimits({
        maxOldGenerationSizeMb: WORKER_HEAP_MB,
        maxYoungGenerationSizeMb: WORKER_YOUNG_MB,
      }),
    });
    const reader: Reader = { worker, jobs: new Map() };
    worker.unref();
    worker.on('message', ({ id, read, error }: { id: number; read?: PageRead; error?: string }) => {
      const job = reader.jobs.get(id);
      reader.jobs.delete(id);
      if (reader.jobs.size === 0) worker.unref();
      if (error !== undefined) job?.reject(new Error(`reading the page failed: ${error}`));
      else job?.resolve(read!);
    });
    const fail = (error: Error) => {
      const index = this.readers.indexOf(reader);
      if (index >= 0) this.readers.splice(index, 1);
      for (const job of reader.jobs.values())
        job.reject(new Error(`the page reader stopped: ${error.message}`));
      reader.jobs.clear();
    };
    worker.on('error', fail);
    worker.on('exit', (code) => fail(new Error(`exit code ${code}`)));
    this.readers.push(reader);
    return reader;
  }
}

/** Shared by every crawl in the process, like the host gate. */
export const sharedReaders = new PageReaders();
