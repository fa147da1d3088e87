import { join } from 'node:path';
import type { CrawlOptions } from '@shortlist/crawler';
import { summariseReport, type CrawlSink } from '@shortlist/crawler/plan';
import { readIndexerEnv, type CatalogueStore, type SyncLoop } from '@shortlist/indexer';
import type { Source } from '@shortlist/schemas';
import type { Services } from '../services.ts';
import { CrawlProcess } from './crawl-process.ts';

/** The crawler's sink on top of the catalogue: upserts, page state, seen marks, withdrawals and run reports. */
export function catalogueSink({
  store,
  sync,
}: {
  store: CatalogueStore;
  sync?: Pick<SyncLoop, 'notify'>;
}): CrawlSink {
  // a feed may be being applied on its thread: each write waits for it rather than for SQLite's lock
  return {
    provider: async (provider) => {
      await store.writable();
      store.upsertProvider(provider);
    },
    courses: async (courses) => {
      await store.writable();
      const counts = store.upsertCourses(courses);
      if (counts.new + counts.changed > 0) sync?.notify();
      return counts;
    },
    seen: async (ids, seenAt) => {
      await store.writable();
      for (const id of ids) store.touch(id, seenAt);
    },
    // a page whose courses are no longer all active (withdrawn meanwhile) is read again in full, so they come back
    pageState: (url) => {
      const state = store.getPageState(url);
      return state?.courseIds.every((id) => store.getCourse(id)?.status === 'active') ? state : undefined;
    },
    savePageState: async (state) => {
      await store.writable();
      store.setPageState(state);
    },
    withdrawUnseen: async (providerId, crawlStartedAt, threshold) => {
      await store.writable();
      const withdrawn = store.withdrawUnseen(providerId, crawlStartedAt, threshold);
      if (withdrawn.length > 0) sync?.notify();
      return withdrawn;
    },
    finished: async (report) => {
      await store.writable();
      store.recordCrawl(report);
    },
  };
}

/** Where interrupted crawls keep what they need to resume: `$SHORTLIST_DATA/crawls/<source-id>`. */
export const crawlStorageDir = () => join(readIndexerEnv().dataDir, 'crawls');

/** Crawl options that write into the catalogue; interrupted crawls resume from `crawlStorageDir()`. */
export function catalogueCrawlOptions(
  services: Pick<Services, 'store' | 'sync'>,
  userAgent: string,
): CrawlOptions {
  return { sink: catalogueSink(services), userAgent, storageDir: crawlStorageDir() };
}

/**
 * Crawls each source when it is due (never crawled, or its schedule has passed since the last crawl),
 * then again every `scheduleHours`. The crawls run in a process of their own (`CrawlProcess`) and what they find is
 * written here. Returns a function that stops the timers and ends crawls in progress (they resume next time).
 */
export function scheduleCrawls(
  sources: Source[],
  services: Services,
  userAgent: string,
  log = console.log,
): () => Promise<void> {
  const timers = new Set<NodeJS.Timeout>();
  let stopped = false;
  const crawls = new CrawlProcess(catalogueSink(services), { userAgent, storageDir: crawlStorageDir() });
  const run = async (source: Source) => {
    if (stopped) return;
    try {
      log(`crawled ${summariseReport(await crawls.crawl(source))}`);
    } catch (error) {
      if (stopped) return;
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
  return async () => {
    stopped = true;
    timers.forEach(clearTimeout);
    await crawls.stop();
  };
}
