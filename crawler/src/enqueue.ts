import type { BasicCrawlingContext } from '@crawlee/cheerio';
import type { CrawlContext } from './crawl-context.ts';
import { crawlUrl, trapReason } from './discovery/crawl-url.ts';
import { DETAIL, SITEMAP, type PageLabel } from './discovery/link-patterns.ts';

export interface CrawlRequest {
  url: string;
  uniqueKey: string;
  label: PageLabel | typeof SITEMAP;
}

/**
 * The requests a set of links turns into: on the provider's hosts, named by the source's patterns, session ids
 * stripped, traps left out.
 */
export function linkRequests(
  crawl: CrawlContext,
  links: Iterable<string>,
  classify: (url: URL) => PageLabel | null,
): CrawlRequest[] {
  const requests = new Map<string, CrawlRequest>();
  for (const link of links) {
    const target = crawlUrl(link, undefined, crawl.source.follow.ignoreParams);
    if (!target || requests.has(target.key)) continue;
    const url = new URL(target.url);
    if (!crawl.siteHosts.has(url.host)) continue;
    const label = classify(url);
    if (!label) continue;
    if (trapReason(target.url)) {
      crawl.report.skipped.trap++;
      continue;
    }
    requests.set(target.key, { url: target.url, uniqueKey: target.key, label });
  }
  return [...requests.values()];
}

/** Adds requests one level deeper than the page, and waits until every one is in the (possibly persisted) queue, so a kill loses none. */
export async function enqueue(context: BasicCrawlingContext, requests: CrawlRequest[]): Promise<void> {
  if (requests.length === 0) return;
  const crawlDepth = context.request.crawlDepth + 1;
  const added = await context.crawler.addRequests(
    requests.map((request) => ({ ...request, crawlDepth })),
    { waitForAllRequestsToBeAdded: true },
  );
  await added.waitForAllRequestsToBeAdded;
}

export function countDetailLinks(requests: CrawlRequest[], self: string): number {
  return requests.filter((request) => request.label === DETAIL && request.url !== self).length;
}
