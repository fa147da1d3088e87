import { hash } from 'node:crypto';
import type { BasicCrawlingContext } from '@crawlee/cheerio';
import { crawlUrl } from '../discovery/crawl-url.ts';
import { DETAIL, type PageLabel } from '../discovery/link-patterns.ts';
import type { PageRecords } from '../extract/page-courses.ts';
import type { CrawlContext } from '../run/crawl-context.ts';
import { recordCourses, recordRejected, recordWarning } from '../run/crawl-report.ts';
import { countDetailLinks, enqueue } from './enqueue.ts';
import { fetchForCrawl } from './fetch-for-crawl.ts';

async function markSeen(crawl: CrawlContext, ids: string[], seenAt: string): Promise<void> {
  crawl.report.pagesUnchanged++;
  if (ids.length === 0) return;
  await crawl.sink.seen?.(ids, seenAt);
  crawl.report.records.unchanged += ids.length;
}

/** Stores the courses read from a page; returns their ids ([] for a duplicate of a page already read). */
async function storeCourses(crawl: CrawlContext, page: PageRecords, pageUrl: string) {
  const { report, sink } = crawl;
  const canonical = crawlUrl(page.canonicalUrl ?? pageUrl)?.key ?? pageUrl;
  if (crawl.canonicals.has(canonical)) {
    report.skipped.duplicate++;
    return [];
  }
  crawl.canonicals.add(canonical);
  for (const warning of page.warnings) recordWarning(report, `${pageUrl}: ${warning}`);
  recordRejected(report, page.rejected);
  recordCourses(report, page.courses);
  if (page.courses.length > 0) {
    const counts = await sink.courses(page.courses);
    if (counts) {
      report.records.new += counts.new;
      report.records.changed += counts.changed;
      report.records.unchanged += counts.unchanged;
    }
  }
  return page.courses.map((course) => course.id);
}

/** Tells an unchanged page from a changed one; not a security boundary, so the fast hash will do. */
function bodyHash(bytes: Buffer): string {
  return hash('sha1', bytes, 'hex');
}

/** A listing or course page: follow its links, store its courses unless nothing changed since last time. */
export async function visitPage(crawl: CrawlContext, context: BasicCrawlingContext, label: PageLabel) {
  const { source, sink, report } = crawl;
  const url = context.request.url;
  const holdsCourses = label === DETAIL || Boolean(source.extraction.selectors?.item);
  const state = holdsCourses ? await sink.pageState?.(url) : undefined;
  // validators and hashes stored under other extraction settings do not count
  const current = state?.contentHash.startsWith(`${crawl.extractionHash}:`) ? state : undefined;
  const response = await fetchForCrawl(
    crawl,
    context,
    { ...crawl.request, etag: current?.etag, lastModified: current?.lastModified },
    state,
  );
  if (!response) return;
  report.pagesFetched++;
  const fetchedAt = new Date().toISOString();
  if (response.status === 304) {
    await markSeen(crawl, current?.courseIds ?? [], fetchedAt);
    return;
  }
  const contentType = response.headers.get('content-type');
  if (contentType && !/html|xml/i.test(contentType)) {
    report.skipped.other++;
    return;
  }
  const contentHash = `${crawl.extractionHash}:${bodyHash(response.body)}`;
  const unchanged = current?.contentHash === contentHash;
  const read = await crawl.readers.read({
    body: response.body,
    contentType,
    robotsHeader: response.headers.get('x-robots-tag'),
    url: response.url,
    productToken: crawl.productToken,
    extract: holdsCourses && !unchanged,
    source,
    sourceKey: crawl.sourceKey,
    fetchedAt,
  });
  if (read.warning) recordWarning(report, `${response.url}: ${read.warning}`);
  const links = read.links.requests;
  report.skipped.trap += read.links.traps;
  await enqueue(crawl, context, links);
  if (read.movedTo) {
    // followed as a redirect would be: at the page's level, as the kind of page it was
    const moved = crawl.links.movedPage(read.movedTo, label);
    if (moved) await enqueue(crawl, context, [moved], 0);
    else recordWarning(report, `${response.url} moved to ${read.movedTo} (meta refresh): not followed, being off the provider's site or a trap`); // prettier-ignore
  }
  if (!holdsCourses) return;

  let courseIds: string[];
  if (read.movedTo) {
    courseIds = []; // a page that sends its visitors elsewhere at once holds no course of its own
  } else if (read.robots.noindex) {
    report.skipped.noindex++;
    courseIds = [];
  } else if (unchanged) {
    courseIds = current.courseIds;
    await markSeen(crawl, courseIds, fetchedAt);
  } else {
    courseIds = await storeCourses(crawl, read.records!, response.url);
  }
  // validators only where a 304 loses nothing: a page linking to other course pages, or moved, is always read in full
  const conditional = label === DETAIL && !read.movedTo && countDetailLinks(links, url) === 0;
  await sink.savePageState?.({
    url,
    sourceId: source.id,
    etag: conditional ? response.headers.get('etag') : null,
    lastModified: conditional ? response.headers.get('last-modified') : null,
    contentHash,
    courseIds,
    fetchedAt,
  });
}
