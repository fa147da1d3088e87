import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { CrawlReport, CrawlSink } from '@shortlist/crawler';
import type { Source } from '@shortlist/schemas';
import { runInBackground } from '@shortlist/indexer/background';
import type { FromCrawlProcess, ToCrawlProcess } from './crawl-messages.ts';

const ENTRY = fileURLToPath(new URL('../../bin/crawl-process.js', import.meta.url));

interface Run {
  child: ChildProcess;
  resolve(report: CrawlReport): void;
  reject(error: Error): void;
}

/**
 * Crawls in a child process, so that fetching, Crawlee's queue and page reading never hold up the thread that
 * answers HTTP; the child runs at a lower priority. What a crawl finds comes back as messages and is written by
 * `sink` in this process, as before: one writer, and writes wait for a feed being applied. The child starts with
 * the first crawl and ends when no crawl is left; a crawl cut short by `stop` resumes from its journal next time.
 */
export class CrawlProcess {
  private child: ChildProcess | undefined;
  /** resolves once the child listens: a message sent earlier could be lost while it loads */
  private ready: Promise<void> = Promise.resolve();
  private readonly runs = new Map<number, Run>();
  private nextRun = 0;
  private stopped = false;

  constructor(
    private readonly sink: CrawlSink,
    private readonly options: { userAgent: string; storageDir: string },
  ) {}

  /** The child's process id while it runs (for tests). */
  get pid(): number | undefined {
    return this.child?.pid;
  }

  crawl(source: Source): Promise<CrawlReport> {
    if (this.stopped) return Promise.reject(new Error('crawls are stopped'));
    const run = this.nextRun++;
    const child = this.start();
    return new Promise<CrawlReport>((resolve, reject) => {
      this.runs.set(run, { child, resolve, reject });
      void this.ready.then(() => this.send(child, { type: 'crawl', run, source, ...this.options }));
    });
  }

  /** Ends the child; crawls in progress reject and resume from their journal on the next crawl. */
  async stop(): Promise<void> {
    this.stopped = true;
    const child = this.child;
    if (!child) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await exited;
  }

  private start(): ChildProcess {
    if (this.child) return this.child;
    // advanced serialisation: a page state or report goes over as it is, undefined and all
    const child = fork(ENTRY, [], {
      serialization: 'advanced',
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    // set before it has started its page readers, which inherit it
    if (child.pid !== undefined) runInBackground(child.pid);
    this.ready = new Promise((resolve) => {
      child.on('message', (message: FromCrawlProcess) => {
        if (message.type === 'ready') resolve();
        else void this.receive(child, message);
      });
      child.once('exit', () => resolve());
    });
    child.once('exit', (code, signal) => {
      if (this.child === child) this.child = undefined;
      const reason = new Error(
        this.stopped ? 'crawls were stopped' : `the crawl process stopped (${signal ?? `exit code ${code}`})`,
      );
      for (const [id, run] of this.runs)
        if (run.child === child) {
          this.runs.delete(id);
          run.reject(reason);
        }
    });
    this.child = child;
    return child;
  }

  private async receive(
    child: ChildProcess,
    message: Exclude<FromCrawlProcess, { type: 'ready' }>,
  ): Promise<void> {
    if (message.type === 'sink') {
      try {
        const sink = this.sink as unknown as Record<string, ((...args: unknown[]) => unknown) | undefined>;
        const value = await sink[message.method]?.(...message.args);
        this.send(child, { type: 'answer', call: message.call, value });
      } catch (error) {
        this.send(child, { type: 'answer', call: message.call, error: (error as Error).message });
      }
      return;
    }
    const run = this.runs.get(message.run);
    this.runs.delete(message.run);
    if (message.type === 'done') run?.resolve(message.report);
    else run?.reject(new Error(message.error));
    // no crawl left: the child ends, and with it its page readers and their memory
    if (this.child === child && ![...this.runs.values()].some((other) => other.child === child)) {
      this.child = undefined;
      child.disconnect();
    }
  }

  private send(child: ChildProcess, message: ToCrawlProcess): void {
    if (child.connected) child.send(message);
  }
}
