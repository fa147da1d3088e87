import type { Course } from '@shortlist/schemas';
import { GONE_KINDS, type FetchErrorKind } from '../fetch/fetch-error.ts';

export type CrawlErrorKind = FetchErrorKind | 'internal';

export interface CrawlError {
  url: string;
  kind: CrawlErrorKind;
  message: string;
}

export interface ErrorSummary {
  count: number;
  /** a few URLs that failed this way */
  examples: string[];
}

/** What one crawl of one source did: stored per run, printed by `shortlist crawl`, served by GET /v1/crawls. */
export interface CrawlReport {
  sourceId: string;
  startedAt: string;
  finishedAt: string | null;
  durationMs: number | null;
  /** every page was reached and answered: only then are missing courses counted towards withdrawal */
  complete: boolean;
  /** why the crawl is not complete */
  incomplete: string[];
  /** times this crawl was interrupted (killed, stopped) and picked up again */
  resumed: number;
  /** HTTP responses for pages and sitemaps, robots.txt aside */
  pagesFetched: number;
  /** answered 304 Not Modified or byte-for-byte the same as last time */
  pagesUnchanged: number;
  skipped: {
    /** robots.txt said no */
    robots: number;
    /** another URL with the same canonical link was already read */
    duplicate: number;
    /** `<meta name="robots" content="noindex">` or X-Robots-Tag */
    noindex: number;
    /** looked like an endless calendar or a link loop */
    trap: number;
    /** not HTML */
    other: number;
  };
  coursesFound: number;
  /** of the courses read, how many state no price, no length, no delivery mode, no workload: a source where many do needs a selector map */
  missingFacts: Record<CriticalFact, number>;
  records: { new: number; changed: number; unchanged: number; withdrawn: number };
  rejected: { url: string; reason: string }[];
  /** the first errors in full; `errorsByKind` counts them all */
  errors: CrawlError[];
  errorsByKind: Partial<Record<CrawlErrorKind, ErrorSummary>>;
  warnings: string[];
}

const MAX_LISTED = 100;
const MAX_EXAMPLES = 3;

export function newCrawlReport(sourceId: string, startedAt = new Date().toISOString()): CrawlReport {
  return {
    sourceId,
    startedAt,
    finishedAt: null,
    durationMs: null,
    complete: false,
    incomplete: [],
    resumed: 0,
    pagesFetched: 0,
    pagesUnchanged: 0,
    skipped: { robots: 0, duplicate: 0, noindex: 0, trap: 0, other: 0 },
    coursesFound: 0,
    missingFacts: { price: 0, duration: 0, mode: 0, workload: 0 },
    records: { new: 0, changed: 0, unchanged: 0, withdrawn: 0 },
    rejected: [],
    errors: [],
    errorsByKind: {},
    warnings: [],
  };
}

export const CRITICAL_FACTS = ['price', 'duration', 'mode', 'workload'] as const;
export type CriticalFact = (typeof CRITICAL_FACTS)[number];

const LACKS: Record<CriticalFact, (course: Course) => boolean> = {
  price: (course) => course.cost.amount === null,
  duration: (course) => course.duration.minWeeks === null && course.duration.maxWeeks === null && !course.duration.selfPaced, // prettier-ignore
  mode: (course) => course.delivery.mode === null,
  workload: (course) => course.workload.hoursPerWeek === null && course.workload.totalHours === null,
};

/** Counts the courses read and which critical facts each lacks. */
export function recordCourses(report: CrawlReport, courses: readonly Course[]): void {
  report.coursesFound += courses.length;
  for (const course of courses)
    for (const fact of CRITICAL_FACTS) if (LACKS[fact](course)) report.missingFacts[fact]++;
}

export function recordError(report: CrawlReport, error: CrawlError): void {
  if (report.errors.length < MAX_LISTED) report.errors.push(error);
  const summary = (report.errorsByKind[error.kind] ??= { count: 0, examples: [] });
  summary.count++;
  if (summary.examples.length < MAX_EXAMPLES && !summary.examples.includes(error.url))
    summary.examples.push(error.url);
}

export function recordRejected(report: CrawlReport, rejected: { url: string; reason: string }[]): void {
  report.rejected.push(...rejected.slice(0, MAX_LISTED - report.rejected.length));
}

export function recordWarning(report: CrawlReport, warning: string): void {
  if (report.warnings.length < MAX_LISTED && !report.warnings.includes(warning))
    report.warnings.push(warning);
}

/** One line on a crawl still running, e.g. for a terminal; pages that are gone do not count as failed. */
export function progressLine(report: CrawlReport, now = Date.now()): string {
  const minutes = Math.floor((now - Date.parse(report.startedAt)) / 60_000);
  const failed = Object.entries(report.errorsByKind)
    .filter(([kind]) => !GONE_KINDS.has(kind as FetchErrorKind))
    .reduce((sum, [, summary]) => sum + summary.count, 0);
  return `${report.sourceId}: ${report.pagesFetched} pages fetched (${report.pagesUnchanged} unchanged), ${report.coursesFound} courses read, ${failed} failed so far (${minutes} min)`;
}

/** A few lines a person reads after `shortlist crawl`. */
export function summariseReport(report: CrawlReport): string {
  const seconds = report.durationMs === null ? '' : ` in ${(report.durationMs / 1000).toFixed(1)} s`;
  const state = report.finishedAt === null ? 'interrupted' : report.complete ? 'complete' : 'partial';
  const { records, skipped } = report;
  const skips = Object.entries(skipped)
    .filter(([, count]) => count > 0)
    .map(([why, count]) => `${count} ${why}`);
  const lines = [
    `${report.sourceId}: ${state}${seconds}${report.resumed ? ` (resumed ${report.resumed}×)` : ''}`,
    `  pages: ${report.pagesFetched} fetched, ${report.pagesUnchanged} unchanged${skips.length ? `, skipped ${skips.join(', ')}` : ''}`,
    `  courses: ${report.coursesFound} read; ${records.new} new, ${records.changed} changed, ${records.unchanged} unchanged, ${records.withdrawn} withdrawn; ${report.rejected.length} rejected`,
  ];
  const missing = CRITICAL_FACTS.filter((fact) => report.missingFacts[fact] > 0).map((fact) => `${fact} ${report.missingFacts[fact]}`); // prettier-ignore
  if (missing.length > 0)
    lines.push(`  courses without: ${missing.join(', ')} (of ${report.coursesFound}; a selector map in the source config can read what the page states)`); // prettier-ignore
  for (const [kind, summary] of Object.entries(report.errorsByKind))
    lines.push(`  errors: ${kind} ×${summary.count} (e.g. ${summary.examples.join(', ')})`);
  if (report.errors[0]) lines.push(`  first error: ${report.errors[0].url}: ${report.errors[0].message}`);
  for (const reason of report.incomplete) lines.push(`  nothing withdrawn: ${reason}`);
  return lines.join('\n');
}
