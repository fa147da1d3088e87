import { randomUUID } from 'node:crypto';
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import {
  FeedError,
  FeedFetchError,
  safeFetch,
  STRICT_POLICY,
  type FetchPolicy,
  type ResolvedAddress,
} from '@shortlist/crawler/feeds';
import type { CatalogueStore } from '@shortlist/indexer';
import type { FeedUrl, FeedUrls } from '@shortlist/indexer/feeds';
import { parseFeedOptions } from '@shortlist/schemas';
import type { FeedRunner } from './runner.ts';

export type PollResult =
  | { status: 'not-modified' | 'unchanged' }
  | { status: 'queued' | 'done'; jobId: string }
  | { status: 'failed'; error: string };

export const DEFAULT_USER_AGENT =
  'ShortlistBot/0.1 (+https://github.com/shortlist-oss/shortlist#partner-feeds)';

/** How feed URLs may be fetched (the partner settings carry these). */
export interface FeedFetchSettings {
  /** the largest feed accepted, in bytes after decompression */
  maxFeedBytes: number;
  fetchTimeoutMs: number;
  /** local demos and tests only: plain http and private addresses */
  allowPrivateUrls: boolean;
}

export function fetchPolicy(settings: FeedFetchSettings): FetchPolicy {
  return settings.allowPrivateUrls ? { allowHttp: true, allowPrivate: true } : STRICT_POLICY;
}

export interface PollerOptions {
  uploadsDir: string;
  userAgent?: string;
  log?: (message: string) => void;
  /** DNS, replaceable in tests */
  resolve?: (host: string) => Promise<ResolvedAddress[]>;
  policy?: FetchPolicy;
}

/**
 * Polls registered feed URLs: a conditional GET through the SSRF-safe fetch, and a feed job when the body
 * changed. A refused or failed fetch is recorded on the feed URL for the partner to see; the next poll is
 * scheduled either way.
 */
export class FeedPoller {
  readonly urls: FeedUrls;
  private readonly policy: FetchPolicy;

  constructor(
    store: CatalogueStore,
    readonly runner: FeedRunner,
    private readonly settings: FeedFetchSettings,
    private readonly options: PollerOptions,
  ) {
    this.urls = store.feedUrls;
    this.policy = options.policy ?? fetchPolicy(settings);
  }

  get fetchPolicy(): FetchPolicy {
    return this.policy;
  }

  /** Polls one feed URL; with `wait`, runs the job before returning instead of queueing it. */
  async poll(feed: FeedUrl, { wait = false } = {}): Promise<PollResult> {
    mkdirSync(this.options.uploadsDir, { recursive: true, mode: 0o700 });
    const destination = join(this.options.uploadsDir, `${randomUUID()}.feed`);
    let fetched;
    try {
      fetched = await safeFetch(feed.url, {
        policy: this.policy,
        userAgent: this.options.userAgent ?? DEFAULT_USER_AGENT,
        timeoutMs: this.settings.fetchTimeoutMs,
        maxBytes: this.settings.maxFeedBytes,
        etag: feed.etag,
        lastModified: feed.lastModified,
        destination,
        ...(this.options.resolve ? { resolve: this.options.resolve } : {}),
      });
    } catch (error) {
      const message =
        error instanceof FeedFetchError ? `${error.message} ${error.fix}` : (error as Error).message;
      await this.runner.writable();
      this.urls.recordPoll(feed.id, { error: message });
      return { status: 'failed', error: message };
    }
    await this.runner.writable();
    if (fetched.status === 'not-modified') {
      this.urls.recordPoll(feed.id, {});
      return { status: 'not-modified' };
    }
    const validators = { etag: fetched.etag, lastModified: fetched.lastModified };
    if (fetched.sha256 === feed.contentHash) {
      rmSync(destination, { force: true });
      this.urls.recordPoll(feed.id, validators);
      return { status: 'unchanged' };
    }
    const settings = parseFeedOptions(feed.options);
    const job = this.runner.jobs.create({
      providerId: feed.providerId,
      partnerId: feed.partnerId,
      origin: 'url',
      source: feed.url,
      format: settings.format ?? null,
      mode: settings.mode,
      dryRun: settings.dryRun,
      options: { ...feed.options, contentType: fetched.contentType, sourceUrl: fetched.url },
      uploadPath: destination,
    });
    this.urls.recordPoll(feed.id, { ...validators, contentHash: fetched.sha256, jobId: job.id });
    if (!wait) {
      this.runner.enqueue(job);
      return { status: 'queued', jobId: job.id };
    }
    try {
      await this.runner.run(job);
    } catch (error) {
      if (!(error instanceof FeedError)) throw error;
    }
    return { status: 'done', jobId: job.id };
  }

  /** Polls whatever is due now and every `tickMs` after; returns a function that stops it. */
  start(tickMs = 60_000): () => void {
    let busy = false;
    const tick = async () => {
      if (busy) return;
      busy = true;
      try {
        for (const feed of this.urls.due()) {
          const result = await this.poll(feed);
          this.options.log?.(
            `feed URL ${feed.url}: ${result.status}${'error' in result ? ` (${result.error})` : ''}`,
          );
        }
      } catch (error) {
        this.options.log?.(`feed URL polling failed: ${(error as Error).message}`);
      } finally {
        busy = false;
      }
    };
    const timer = setInterval(() => void tick(), tickMs);
    void tick();
    return () => clearInterval(timer);
  }
}
