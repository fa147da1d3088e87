import { mkdtempSync, rmSync } from 'node:fs';
import { getPriority, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  coursePage,
  fixtureSource,
  listingPage,
  startFixtureSite,
  TEST_USER_AGENT,
  type FixtureSite,
} from '@shortlist/crawler/testing';
import { CatalogueStore, isAlive } from '@shortlist/indexer';
import { BACKGROUND_NICENESS, SCHED_IDLE } from '@shortlist/indexer/background';
import { threadScheduling } from '@shortlist/indexer/testing';
import { catalogueSink } from './crawl-schedule.ts';
import { CrawlProcess } from './crawl-process.ts';

let site: FixtureSite;
let store: CatalogueStore;
let dataDir: string;
/** course c's page is answered only once this is called */
let releaseC = () => {};
let holdC = false;

beforeAll(async () => {
  const routes: Parameters<typeof startFixtureSite>[0] = {
    '/courses/': listingPage(['/courses/a.html', '/courses/b.html', '/courses/c.html']),
    '/courses/a.html': coursePage('Course a'),
    '/courses/b.html': coursePage('Course b'),
    '/courses/c.html': async (_request, response) => {
      if (holdC) await new Promise<void>((resolve) => (releaseC = resolve));
      response.writeHead(200, { 'content-type': 'text/html' }).end(coursePage('Course c'));
    },
  };
  site = await startFixtureSite(routes);
  dataDir = mkdtempSync(join(tmpdir(), 'shortlist-crawl-process-'));
  store = new CatalogueStore(join(dataDir, 'catalogue.db'));
});
afterAll(async () => {
  releaseC();
  store?.close();
  await site?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

const crawlProcess = (storageDir = join(dataDir, 'crawls')) =>
  new CrawlProcess(catalogueSink({ store }), { userAgent: TEST_USER_AGENT, storageDir });

async function until(check: () => boolean): Promise<void> {
  while (!check()) await new Promise((resolve) => setTimeout(resolve, 20));
}

const active = () =>
  [...store.activeCourses()]
    .flat()
    .map((course) => course.title)
    .sort();

describe('crawls in a process of their own (issue 16)', () => {
  it('crawls in a child process at a lower priority, writes what it finds through this one, and ends when done', async () => {
    const crawls = crawlProcess(join(dataDir, 'first'));
    const crawling = crawls.crawl(fixtureSource(site, { id: 'first-provider' }));
    const pid = crawls.pid!;
    // not this thread, nor this process: the thread that answers HTTP only writes what the crawl sends
    expect(pid).not.toBe(process.pid);
    expect(threadScheduling(pid)).toMatchObject({
      nice: Math.min(19, getPriority() + BACKGROUND_NICENESS),
      policy: SCHED_IDLE,
    });
    const report = await crawling;
    expect(report).toMatchObject({ complete: true, records: { new: 3, changed: 0, withdrawn: 0 } });
    expect(active()).toEqual(['Course a', 'Course b', 'Course c']);
    expect(store.lastCrawlFinishedAt('first-provider')).toBe(report.finishedAt);
    // nothing left to crawl: the process ends, and its memory with it
    await until(() => !isAlive(pid));
  }, 60_000);

  it('stops mid-crawl on stop(), and the next crawl resumes where it was cut short', async () => {
    holdC = true;
    const source = fixtureSource(site, { id: 'second-provider' });
    const asksForC = () => site.paths().filter((path) => path === '/courses/c.html').length;
    const before = asksForC();
    const crawls = crawlProcess();
    const crawling = crawls.crawl(source);
    const pid = crawls.pid!;
    await until(() => asksForC() > before);
    await crawls.stop();
    await expect(crawling).rejects.toThrow(/stopped/);
    expect(isAlive(pid)).toBe(false);
    await expect(crawls.crawl(source)).rejects.toThrow(/stopped/);
    expect(store.lastCrawlFinishedAt('second-provider')).toBeUndefined();

    holdC = false;
    releaseC();
    const resumed = await crawlProcess().crawl(source);
    expect(resumed).toMatchObject({ complete: true, resumed: 1 });
    expect(store.lastCrawlFinishedAt('second-provider')).toBe(resumed.finishedAt);
  }, 60_000);
});
