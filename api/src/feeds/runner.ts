import { createReadStream, existsSync, rmSync, statSync } from 'node:fs';
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
 * Worker threads for checking a feed of this size: for a dry run of a large feed, one per core the main thread
 * (reading) leaves free, at most three; each thread costs ~30–60 MB. An import checks inline: its time goes to
 * the one transaction that applies it, so threads would only add memory.
 */
export function checkWorkersFor(bytes: number, dryRun: boolean, cores = availableParallelism()): number {
  return dryRun && bytes >= 4 * 1024 * 1024 ? Math.min(cores - 1, 3) : 0;
}

/**
 * Runs feed jobs from their saved uploads: small ones while the request waits, large ones queued and run one
 * at a time in the background, so a big feed never holds up the server or another partner's feed.
 */
export class FeedRunner {
  readonly jobs: FeedJobs;
  private queue: Promise<void> = Promise.resolve();

  constructor(
    private readonly store: CatalogueStore,
    private readonly log: (message: string) => void = console.error,
  ) {
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
      input: createReadStream(job.uploadPath, { highWaterMark: 256 * 1024 }),
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
    for (const path of this.jobs.prune(job.providerId)) rmSync(path, { force: true });
    return summary;
  }

  /** Queues the job behind the others; its status and report are read from the job. */
  enqueue(job: FeedJob): void {
    this.queue = this.queue.then(async () => {
      try {
        await this.run(job);
      } catch (error) {
        if (!(error instanceof FeedError)) this.log(`feed ${job.id} failed: ${(error as Error).message}`);
      }
    });
  }

  /** Resolves when every queued job has finished. */
  idle(): Promise<void> {
    return this.queue;
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
