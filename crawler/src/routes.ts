import { createCheerioRouter, type CheerioCrawlingContext } from '@crawlee/cheerio';
import type { Source } from '@shortlist/schemas';
import { coursesFromPage } from './records.ts';
import type { CrawlReport } from './report.ts';
import type { CrawlSink } from './sink.ts';

export const LISTING = 'LISTING';
export const DETAIL = 'DETAIL';

function matchesAny(patterns: RegExp[], url: URL): boolean {
  const target = url.pathname + url.search;
  return patterns.some((pattern) => pattern.test(target));
}

/** Which handler a link goes to, or null when the source's patterns do not ask for it. */
export function classifyLink(source: Source, href: string): typeof LISTING | typeof DETAIL | null {
  const url = new URL(href);
  const compile = (patterns: string[]) => patterns.map((pattern) => new RegExp(pattern));
  if (matchesAny(compile(source.follow.skip), url)) return null;
  if (matchesAny(compile(source.follow.detail), url)) return DETAIL;
  if (matchesAny(compile(source.follow.listing), url)) return LISTING;
  return null;
}

export function createRoutes(source: Source, sink: CrawlSink, report: CrawlReport) {
  const router = createCheerioRouter();

  async function enqueueFollowed(context: CheerioCrawlingContext) {
    await context.enqueueLinks({
      strategy: 'same-origin',
      transformRequestFunction: (request) => {
        const label = classifyLink(source, request.url);
        return label ? { ...request, label } : false;
      },
    });
  }

  async function storeCourses({ body, request }: CheerioCrawlingContext, onListing: boolean) {
    const html = typeof body === 'string' ? body : body.toString('utf8');
    const page = coursesFromPage(html, request.loadedUrl ?? request.url, source, new Date().toISOString());
    // A listing page is a course record only where the selector map says courses repeat on it.
    if (onListing && !source.extraction.selectors?.item) return;
    report.coursesFound += page.courses.length;
    report.rejected.push(...page.rejected);
    if (page.courses.length > 0) await sink.courses(page.courses);
  }

  router.addHandler(LISTING, async (context) => {
    report.pagesFetched++;
    await storeCourses(context, true);
    await enqueueFollowed(context);
  });

  router.addHandler(DETAIL, async (context) => {
    report.pagesFetched++;
    await storeCourses(context, false);
    await enqueueFollowed(context);
  });

  return router;
}
