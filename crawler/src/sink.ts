import type { Course, PageState, Provider, StoreCounts } from '@shortlist/schemas';
import type { CrawlReport } from './run/crawl-report.ts';

/**
 * Where a crawl hands what it found; the caller decides how to store it. Only `provider` and `courses` are
 * required: a sink without page state fetches every page in full, one without `withdrawUnseen` withdraws nothing.
 */
export interface CrawlSink {
  provider(provider: Provider): void | Promise<void>;
  courses(courses: Course[]): StoreCounts | void | Promise<StoreCounts | void>;
  /** courses on a page that has not changed since the last crawl: still offered, nothing to rewrite */
  seen?(ids: string[], seenAt: string): void | Promise<void>;
  /** undefined when unknown, or when a course it names is no longer active: the page is then read in full */
  pageState?(url: string): PageState | undefined | Promise<PageState | undefined>;
  savePageState?(state: PageState): void | Promise<void>;
  /** called after complete crawls only: withdraws courses missing from `threshold` complete crawls in a row */
  withdrawUnseen?(
    providerId: string,
    crawlStartedAt: string,
    threshold: number,
  ): string[] | Promise<string[]>;
  /** the finished crawl's report, once */
  finished?(report: CrawlReport): void | Promise<void>;
}

export type { PageState, StoreCounts };
