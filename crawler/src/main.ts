import { BasicCrawler, Log, LogLevel, RequestQueue, log } from '@crawlee/cheerio';
import type { Source } from '@shortlist/schemas';
import { crawlUrl } from './discovery/crawl-url.ts';
import { LISTING, SITEMAP } from './discovery/link-patterns.ts';
import { MAX_CRAWL_DELAY_MS, sharedManners, type Manners } from './fetch/polite-fetch.ts';
import { createRoutes } from './handlers/routes.ts';
import { createCrawlContext } from './run/crawl-context.ts';
import type { QueuedRequest } from './run/crawl-journal.ts';
import { classifyFailure, incompleteReasons, RETRIED_ON_RESUME } from './run/crawl-outcome.ts';
import { crawlQueueStorage } from './run/crawl-queue.ts';
import { recordError, type CrawlReport } from './run/crawl-report.ts';
import { RunState } from './run/run-state.ts';
import type { CrawlSink } from './sink.ts';
import { sharedReaders, type PageReaders } from './workers/page-readers.ts';

export interface CrawlOptions {
  sink: CrawlSink;
  /** names Shortlist and a contact URL, so providers know who is calling; a source's `contactUrl` replaces the URL */
  userAgent: string;
  /** overrides every source's politeness delay (e.g. 0 in benchmarks against local sites) */
  delayMs?: number;
  requestTimeoutSecs?: number;
  /** where an interrupted crawl's journal is kept so the next run resumes it; omitted, crawls live in memory */
  storageDir?: string;
  /** per-host turn-taking and robots.txt cache; shared by every crawl in the process unless given */
  manners?: Manners;
  /** threads that parse pages and extract courses; shared by every crawl in the process unless given */
  readers?: PageReaders;
  /** pages of one source in progress at once (fetching, reading, storing); requests to one host still go one at a time */
  concurrency?: number;
  /** called with the report so far while a crawl runs, at most once per `progressEveryMs` (default 10 s) */
  onProgress?: (report: CrawlReport) => void;
  progressEveryMs?: number;
}

log.setLevel(log.LEVELS.ERROR);
const quiet = new Log({ level: LogLevel.OFF });

function userAgentFor(source: Source, userAgent: string): string {
  return source.contactUrl ? userAgent.replace(/\(\+[^)]*\)|$/, `(+${source.contactUrl})`) : userAgent;
}

function startRequests(source: Source): QueuedRequest[] {
  const request = (href: string, label: QueuedRequest['label']) => {
    const target = crawlUrl(href)!;
    return { url: target.url, uniqueKey: target.key, label, crawlDepth: 0 };
  };
  return [
    ...source.sitemaps.map((url) => request(url, SITEMAP)),
    ...source.startUrls.map((url) => request(url, LISTING)),
  ];
}

/**
 * Crawls one provider's site politely and incrementally. With `storageDir`, a crawl that is killed resumes on the
 * next run. Only a complete crawl withdraws courses it did not see.
 */
export async function crawlSource(source: Source, options: CrawlOptions): Promise<CrawlReport> {
  const run = options.storageDir
    ? RunState.open(options.storageDir, source.id)
    : RunState.inMemory(source.id);
  const { report, journal } = run;
  let finished = false;
  let lastProgress = Date.now();
  try {
    await options.sink.provider({
      id: source.id,
      name: source.name,
      type: source.providerType,
      country: source.country,
      url: source.url,
    });
    const timeoutMs = options.requestTimeoutSecs
      ? options.requestTimeoutSecs * 1000
      : source.politeness.timeoutMs;
    const crawl = createCrawlContext(source, {
      sink: options.sink,
      report,
      journal,
      manners: options.manners ?? sharedManners,
      readers: options.readers ?? sharedReaders,
      request: {
        userAgent: userAgentFor(source, options.userAgent),
        delayMs: options.delayMs ?? source.politeness.delayMs,
        timeoutMs,
        maxBytes: source.politeness.maxBytes,
      },
      afterPage: () => {
        run.checkpoint();
        if (options.onProgress && Date.now() - lastProgress >= (options.progressEveryMs ?? 10_000)) {
          lastProgress = Date.now();
          try {
            options.onProgress(report);
          } catch {
            // a progress line that cannot be shown is no reason to fail the page
          }
        }
      },
    });

    // a resumed crawl picks up what the journal says was queued and not finished; finished pages stay finished
    const done = journal?.done ?? new Set<string>();
    const starts = startRequests(source).filter((request) => !done.has(request.uniqueKey));
    journal?.queued(starts);
    const initial = new Map(
      [...starts, ...(journal?.pending ?? [])].map((request) => [request.uniqueKey, request]),
    );
    for (const key of [...done, ...initial.keys()]) crawl.queued.add(key);
    const pageBudget = source.politeness.maxPages - done.size;

    const queue = await RequestQueue.open(null, { config: run.config, storageClient: crawlQueueStorage() });
    // enough pages in progress to keep every reader busy while the next page downloads
    const concurrency = options.concurrency ?? crawl.readers.size + 2;
    const crawler = new BasicCrawler(
      {
        requestQueue: queue,
        requestHandler: createRoutes(crawl),
        minConcurrency: concurrency,
        maxConcurrency: concurrency,
        maxRequestsPerCrawl: Math.max(1, pageBudget),
        maxCrawlDepth: source.politeness.maxDepth,
        // fetchForCrawl retries what is worth retrying, sooner than Crawlee's queue would hand a request back
        maxRequestRetries: 0,
        // waiting for the host's turn is part of handling a page: redirects, robots.txt, Crawl-delay, retries
        requestHandlerTimeoutSecs: Math.ceil((8 * (timeoutMs + MAX_CRAWL_DELAY_MS)) / 1000),
        useSessionPool: false,
        log: quiet,
        onSkippedRequest: ({ reason }) => {
          if (reason === 'limit') crawl.capReached = true;
        },
        failedRequestHandler: ({ request }, error) => {
          const failure = classifyFailure(error);
          recordError(report, { url: request.url, ...failure });
          if (!RETRIED_ON_RESUME.has(failure.kind)) journal?.finished(request.uniqueKey);
          run.checkpoint();
        },
      },
      run.config,
    );
    await crawler.run([...initial.values()]);
    if ((await queue.handledCount()) >= pageBudget) crawl.capReached = true;
    if (!crawl.capReached && !(await queue.isFinished())) {
      report.incomplete = ['interrupted; the next crawl resumes where this one stopped'];
      return report;
    }
    report.incomplete = incompleteReasons(crawl);
    report.complete = report.incomplete.length === 0;
    if (report.complete && options.sink.withdrawUnseen) {
      const withdrawn = await options.sink.withdrawUnseen(source.id, report.startedAt, source.withdrawAfter);
      report.records.withdrawn = withdrawn.length;
    }
    report.finishedAt = new Date().toISOString();
    report.durationMs = Date.parse(report.finishedAt) - Date.parse(report.startedAt);
    finished = true;
    await options.sink.finished?.(report);
    return report;
  } finally {
    run.close(finished);
  }
}

/** Runs `task` over `items` with at most `limit` in progress. */
async function inBatches<T, R>(items: T[], limit: number, task: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await task(items[index]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

/** Crawls several providers in parallel: politeness is per host, so different sites do not wait on each other. */
export async function crawlSources(
  sources: Source[],
  options: CrawlOptions & { parallelSources?: number },
): Promise<CrawlReport[]> {
  return inBatches(sources, options.parallelSources ?? 8, (source) => crawlSource(source, options));
}
