import { crawlSource, type CrawlReport, type CrawlSink } from '@shortlist/crawler';
import type { Source } from '@shortlist/schemas';
import type { Services } from '../services.ts';

export function catalogueSink({ store, sync }: Pick<Services, 'store' | 'sync'>): CrawlSink {
  return {
    provider: (provider) => store.upsertProvider(provider),
    courses: (courses) => {
      store.upsertCourses(courses);
      sync.notify();
    },
  };
}

export async function crawlAndRecord(
  source: Source,
  services: Services,
  userAgent: string,
): Promise<CrawlReport> {
  const report = await crawlSource(source, { sink: catalogueSink(services), userAgent });
  services.store.recordCrawl(report);
  return report;
}

export function summarise(report: CrawlReport): string {
  const errors = report.errors.length
    ? `, ${report.errors.length} errors (first: ${report.errors[0]!.url}: ${report.errors[0]!.message})`
    : '';
  return `${report.sourceId}: ${report.pagesFetched} pages, ${report.coursesFound} courses, ${report.rejected.length} rejected${errors}`;
}

/**
 * Crawls each source when it is due (never crawled, or its schedule has passed since the last crawl),
 * then again every `scheduleHours`. Returns a function that stops the timers.
 */
export function scheduleCrawls(
  sources: Source[],
  services: Services,
  userAgent: string,
  log = console.log,
): () => void {
  const timers = new Set<NodeJS.Timeout>();
  let stopped = false;
  const run = async (source: Source) => {
    if (stopped) return;
    try {
      log(`crawled ${summarise(await crawlAndRecord(source, services, userAgent))}`);
    } catch (error) {
      log(`crawl of ${source.id} failed: ${(error as Error).message}`);
    }
    plan(source, source.scheduleHours * 3_600_000);
  };
  const plan = (source: Source, delay: number) => {
    if (stopped) return;
    const timer = setTimeout(
      () => {
        timers.delete(timer);
        void run(source);
      },
      Math.min(delay, 2 ** 31 - 1),
    );
    timers.add(timer);
  };
  for (const source of sources) {
    const last = services.store.lastCrawlFinishedAt(source.id);
    const dueIn = last ? Date.parse(last) + source.scheduleHours * 3_600_000 - Date.now() : 0;
    plan(source, Math.max(0, dueIn));
  }
  return () => {
    stopped = true;
    timers.forEach(clearTimeout);
  };
}
