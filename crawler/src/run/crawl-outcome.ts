import { FetchError, GONE_KINDS, TRANSIENT_KINDS, type FetchErrorKind } from '../fetch/fetch-error.ts';
import type { CrawlContext } from './crawl-context.ts';
import type { CrawlErrorKind } from './crawl-report.ts';

/**
 * Failures that may pass: a resumed crawl tries those pages again and forgets these errors; other failures stand.
 * Besides the transient fetch failures (also retried within a crawl), an unreachable robots.txt (which stands for
 * the rest of a crawl, as RFC 9309 lets it be cached) and the crawler's own failures (e.g. stopped mid-page).
 */
export const RETRIED_ON_RESUME: ReadonlySet<CrawlErrorKind> = new Set([
  ...TRANSIENT_KINDS,
  'robots-unreachable',
  'internal',
]);

/** What kind of failure a page's error was, for the report. */
export function classifyFailure(error: Error): { kind: CrawlErrorKind; message: string } {
  if (error instanceof FetchError) return { kind: error.kind, message: error.message };
  const message = error.message.split('\n')[0]!;
  if (/timed out/i.test(error.message)) return { kind: 'timeout', message };
  return { kind: 'internal', message };
}

/** Why a finished crawl may not count towards withdrawing courses; empty when it may. */
export function incompleteReasons(crawl: CrawlContext): string[] {
  const { report, source } = crawl;
  const reasons: string[] = [];
  const failed = Object.entries(report.errorsByKind)
    .filter(([kind]) => !GONE_KINDS.has(kind as FetchErrorKind))
    .map(([kind, summary]) => `${summary.count} ${kind}`);
  if (failed.length > 0) reasons.push(`some pages failed (${failed.join(', ')})`);
  if (crawl.capReached) reasons.push(`stopped at politeness.maxPages (${source.politeness.maxPages})`);
  if (report.pagesFetched === 0) reasons.push('no page could be fetched');
  else if (report.coursesFound + report.records.unchanged === 0)
    reasons.push('no course found at all, which looks like broken extraction rather than an empty catalogue');
  return reasons;
}
