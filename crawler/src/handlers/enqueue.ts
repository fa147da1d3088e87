import type { BasicCrawlingContext } from '@crawlee/cheerio';
import type { CrawlRequest } from '../discovery/link-judge.ts';
import { DETAIL } from '../discovery/link-patterns.ts';
import type { CrawlContext } from '../run/crawl-context.ts';

/**
 * Adds requests one level deeper than the page (a page that moved: at its level), journalled first so a kill loses
 * none. Requests queued before are not offered again: Crawlee would drop them too, but only after building and
 * validating each one.
 */
export async function enqueue(
  crawl: CrawlContext,
  context: BasicCrawlingContext,
  requests: CrawlRequest[],
  levels: 0 | 1 = 1,
): Promise<void> {
  const fresh = requests.filter((request) => !crawl.queued.has(request.uniqueKey));
  if (fresh.length === 0) return;
  const crawlDepth = context.request.crawlDepth + levels;
  const queued = fresh.map((request) => ({ ...request, crawlDepth }));
  crawl.journal?.queued(queued);
  const added = await context.crawler.addRequests(queued, { waitForAllRequestsToBeAdded: true });
  await added.waitForAllRequestsToBeAdded;
  for (const request of fresh) crawl.queued.add(request.uniqueKey);
}

export function countDetailLinks(requests: CrawlRequest[], self: string): number {
  return requests.filter((request) => request.label === DETAIL && request.url !== self).length;
}
