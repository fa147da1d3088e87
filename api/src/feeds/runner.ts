import { createReadStream, existsSync, rmSync, statSync } from 'node:fs';
import { EventEmitter } from 'node:events';
import { availableParallelism, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { FeedError } from '@shortlist/crawler/feeds';
import type { CatalogueStore } from '@shortlist/indexer';
import type { FeedJob, FeedJobs } from '@shortlist/indexer/feeds';
import { parseFeedOptions, type FeedJobSummary, type RawFeedOptions } from '@shortlist/schemas';
import { emptySummary, runFeed } from './pipeline.ts';

/** What a job keeps to be run (again) from its saved upload: the partner's options and how the body was labelled. */
export interface JobOptions extends RawFeedOptions {
  contentType?: string;
  fileName?: string;
  sourceUrl?: string;
}

/** Where feed bodies are kept for their jobs and annotated copies: next to the catalogue. */
export function uploadsFolder(store: CatalogueStore): string {
  const file = store.file;
  return file === ':memory:' || file === ''
    ? join(tmpdir(), 'shortlist-feed-uploads')
    : join(dirname(file), 'feed-uploads');
}

/**
 * Worker threads for checking a feed of this size. Checking a feed of more than 1 MB takes longer than the server
 * may stop answering, so it is done on one thread at least; a dry run of a large feed gets one per core the main
 * thread (reading) leaves free, at most three. Each thread costs ~30–60 MB; an import's time goes to the
 * transaction that applies it, so more threads would only add memory.
 */
export function checkWorkersFor(bytes: number, dryRun: boolean, cores = availableParallelism()): number {
  if (bytes < 1024 * 1024) return 0;
  return dryRun && bytes >= 4 * 1024 * 1024 ? Math.max(1, Math.min(cores - 1, 3)) : 1;
}

/**
 * Runs feed jobs from their saved uploads: small ones while the request waits, large ones queued and run one
 * at a time in the background, so a big feed never holds up the server. The queue takes providers in turn, so
 * one partner's eight big feeds never hold up another's dry run. Emits `start` as each queued job starts.
 */
export class FeedRunner extends EventEmitter<{ start: [FeedJob] }> {
  readonly jobs: FeedJobs;
  /** queued jobs per provider, oldest first */
  private readonly waiting = new Map<string, FeedJob[]>();
  /** when each provider last had a job started, counted in jobs */
  private readonly lastTurn = new Map<string, number>();
  private turns = 0;
  private draining: Promise<void> | null = null;

  constructor(
    private readonly store: CatalogueStore,
    private readonly log: (message: string) => void = console.error,
  ) {
    super();
    this.jobs = store.feedJobs;
  }

  /** Runs the job now. A feed that cannot be read rejects with its FeedError (also recorded in the job). */
  async run(job: FeedJob): Promise<FeedJobSummary> {
    const provider = this.store.getProvider(job.providerId);
    if (!provider) throw new Error(`provider "${job.providerId}" of ${job.id} is not in the catalogue`);
    if (!job.uploadPath || !existsSync(job.uploadPath))
      throw new Error(`the feed of ${job.id} is no longer kept`);
    const options = job.options as JobOptions;
    const settings = parseFeedOptions(options);
    const summary = await runFeed(this.store, this.jobs, {
      jobId: job.id,
      provider,
      // each chunk is decoded and tokenised in one go on the HTTP thread: 64 KB keeps that to a few ms
      input: createReadStream(job.uploadPath, { highWaterMark: 64 * 1024 }),
      mode: settings.mode,
      dryRun: settings.dryRun,
      limits: settings.limits,
      read: {
        format: settings.format,
        mapping: settings.mapping,
        delimiter: settings.delimiter,
        contentType: options.contentType,
        fileName: options.fileName,
      },
      receivedAt: job.createdAt,
      sourceUrl: options.sourceUrl,
      workers: checkWorkersFor(statSync(job.uploadPath).size, settings.dryRun),
    });
    await this.store.writable();
    for (const path of this.jobs.prune(job.providerId)) rmSync(path, { force: true });
    return summary;
  }

  /** Resolves once no feed is being applied on its thread: writes on this thread wait for it (see CatalogueStore). */
  writable(): Promise<void> {
    return this.store.writable();
  }

  /** Queues the job behind its provider's others; its status and report are read from the job. */
  enqueue(job: FeedJob): void {
    const queue = this.waiting.get(job.providerId);
    if (queue) queue.push(job);
    else this.waiting.set(job.providerId, [job]);
    // started after the caller has answered: the job is reported queued
    this.draining ??= Promise.resolve().then(() => this.drain());
  }

  /** Resolves when every queued job has finished. */
  idle(): Promise<void> {
    return this.draining ?? Promise.resolve();
  }

  private async drain(): Promise<void> {
    for (let job = this.next(); job; job = this.next()) {
      this.emit('start', job);
      try {
        await this.run(job);
      } catch (error) {
        if (!(error instanceof FeedError)) this.log(`feed ${job.id} failed: ${(error as Error).message}`);
      }
    }
    this.draining = null;
    this.lastTurn.clear();
  }

  /** The oldest job of the waiting provider whose last turn is longest ago (or who has had none). */
  private next(): FeedJob | undefined {
    let chosen: string | undefined;
    for (const provider of this.waiting.keys())
      if (chosen === undefined || (this.lastTurn.get(provider) ?? -1) < (this.lastTurn.get(chosen) ?? -1))
        chosen = provider;
    if (chosen === undefined) return undefined;
    const queue = this.waiting.get(chosen)!;
    const job = queue.shift()!;
    if (queue.length === 0) this.waiting.delete(chosen);
    this.lastTurn.set(chosen, this.turns++);
    return job;
  }

  /** After a restart: jobs the last process did not finish are run again from their saved upload. */
  resumeInterrupted(): number {
    // a command-line import may still be running in another process; it records its own outcome
    const interrupted = this.jobs.interrupted().filter((job) => job.origin !== 'cli');
    for (const job of interrupted) {
      if (job.uploadPath && existsSync(job.uploadPath)) this.enqueue(job);
      else
        this.jobs.finish(job.id, {
          ...emptySummary(),
          format: job.format,
          error: {
            message: 'The server stopped before this feed was applied; nothing of it was written.',
            fix: 'Send the feed again.',
          },
        });
    }
    return interrupted.length;
  }
}
