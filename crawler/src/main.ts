import { CheerioCrawler, Configuration, log } from '@crawlee/cheerio';
import type { Source } from '@shortlist/schemas';
import { newCrawlReport, type CrawlReport } from './report.ts';
import { createRoutes, LISTING } from './routes.ts';
import type { CrawlSink } from './sink.ts';

export interface CrawlOptions {
  sink: CrawlSink;
  /** names Shortlist and a contact URL, so providers know who is calling */
  userAgent: string;
  /** overrides every source's politeness delay (e.g. 0 in benchmarks against local sites) */
  delayMs?: number;
  requestTimeoutSecs?: number;
}

log.setLevel(log.LEVELS.WARNING);

/** Crawls one provider's site: one request at a time, with the source's delay between requests. */
export async function crawlSource(source: Source, options: CrawlOptions): Promise<CrawlReport> {
  const report = newCrawlReport(source.id);
  await options.sink.provider({
    id: source.id,
    name: source.name,
    type: source.providerType,
    country: source.country,
    url: source.url,
  });

  const delayMs = options.delayMs ?? source.politeness.delayMs;
  let lastRequestAt = 0;
  const crawler = new CheerioCrawler(
    {
      requestHandler: createRoutes(source, options.sink, report),
      maxConcurrency: 1,
      maxRequestsPerCrawl: source.politeness.maxPages,
      maxCrawlDepth: source.politeness.maxDepth,
      maxRequestRetries: 2,
      navigationTimeoutSecs: options.requestTimeoutSecs ?? 30,
      requestHandlerTimeoutSecs: 60,
      respectRobotsTxtFile: { userAgent: options.userAgent },
      useSessionPool: false,
      persistCookiesPerSession: false,
      preNavigationHooks: [
        async (_context, gotOptions) => {
          gotOptions.headers = { ...gotOptions.headers, 'user-agent': options.userAgent };
          const wait = lastRequestAt + delayMs - Date.now();
          if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
          lastRequestAt = Date.now();
        },
      ],
      failedRequestHandler: ({ request }, error) => {
        report.errors.push({ url: request.url, message: error.message.split('\n')[0]! });
      },
    },
    new Configuration({ persistStorage: false }),
  );

  await crawler.run(source.startUrls.map((url) => ({ url, label: LISTING })));
  report.finishedAt = new Date().toISOString();
  return report;
}

/** Crawls several providers in parallel: politeness is per host, so different sites do not wait on each other. */
export async function crawlSources(sources: Source[], options: CrawlOptions): Promise<CrawlReport[]> {
  return Promise.all(sources.map((source) => crawlSource(source, options)));
}
