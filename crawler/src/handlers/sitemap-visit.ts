import type { BasicCrawlingContext } from '@crawlee/cheerio';
import { crawlUrl } from '../discovery/crawl-url.ts';
import type { CrawlRequest } from '../discovery/link-judge.ts';
import { SITEMAP } from '../discovery/link-patterns.ts';
import { MAX_SITEMAP_BYTES, readSitemap } from '../discovery/sitemap.ts';
import type { CrawlContext } from '../run/crawl-context.ts';
import { enqueue } from './enqueue.ts';
import { fetchForCrawl } from './fetch-for-crawl.ts';

/** A sitemap or sitemap index (plain or `.xml.gz`): queue its child sitemaps and the course pages it lists. */
export async function visitSitemap(crawl: CrawlContext, context: BasicCrawlingContext): Promise<void> {
  const response = await fetchForCrawl(crawl, context, {
    ...crawl.request,
    maxBytes: Math.max(crawl.request.maxBytes, MAX_SITEMAP_BYTES),
    accept: 'application/xml,text/xml;q=0.9,*/*;q=0.5',
  });
  if (!response) return;
  crawl.report.pagesFetched++;
  const entries = readSitemap(response.body, response.url);
  const sitemaps: CrawlRequest[] = entries.sitemaps.flatMap((href) => {
    const target = crawlUrl(href, response.url);
    return target ? [{ url: target.url, uniqueKey: target.key, label: SITEMAP }] : [];
  });
  const pages = crawl.links.sitemapLinks(response.url, entries.pages);
  crawl.report.skipped.trap += pages.traps;
  await enqueue(crawl, context, [...sitemaps, ...pages.requests]);
}
