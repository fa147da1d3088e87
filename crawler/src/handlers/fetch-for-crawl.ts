import type { BasicCrawlingContext } from '@crawlee/cheerio';
import { DisallowedByRobots, FetchError } from '../fetch/fetch-error.ts';
import { politeFetch, type PoliteRequest, type PoliteResponse } from '../fetch/polite-fetch.ts';
import type { CrawlContext } from '../run/crawl-context.ts';
import type { PageState } from '../sink.ts';

const RETRY_BACKOFF_MS = 500;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Fetches a URL for a handler, retrying timeouts, network errors, 5xx and 429 with a growing pause (the host's
 * turn is given up meanwhile). Returns null when robots.txt forbids the URL; throws FetchError when it cannot be
 * had, and forgets what a gone page held.
 */
export async function fetchForCrawl(
  crawl: CrawlContext,
  context: BasicCrawlingContext,
  request: PoliteRequest,
  state?: PageState,
): Promise<PoliteResponse | null> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await politeFetch(context.request.url, request, crawl.manners);
    } catch (error) {
      if (error instanceof DisallowedByRobots) {
        crawl.report.skipped.robots++;
        return null;
      }
      if (error instanceof FetchError && error.retryable && attempt < crawl.source.politeness.retries) {
        await sleep(RETRY_BACKOFF_MS * 2 ** attempt);
        continue;
      }
      if (error instanceof FetchError && error.kind === 'not-found' && state?.courseIds.length) {
        await crawl.sink.savePageState?.({
          ...state,
          etag: null,
          lastModified: null,
          contentHash: '',
          courseIds: [],
          fetchedAt: new Date().toISOString(),
        });
      }
      throw error;
    }
  }
}
