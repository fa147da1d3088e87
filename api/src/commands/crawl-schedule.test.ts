import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { crawlSource } from '@shortlist/crawler';
import {
  coursePage,
  fixtureSource,
  freshManners,
  listingPage,
  startFixtureSite,
  TEST_USER_AGENT,
  type FixtureSite,
} from '@shortlist/crawler/testing';
import { CatalogueStore } from '@shortlist/indexer';
import { crawlRoutes } from '../routes/crawls.ts';
import { catalogueSink } from './crawl-schedule.ts';

const offered = new Set(['a', 'b', 'c']);
let site: FixtureSite;
let store: CatalogueStore;
let dataDir: string;

beforeAll(async () => {
  const routes: Parameters<typeof startFixtureSite>[0] = {
    '/courses/': (_request, response) =>
      response.end(listingPage([...offered].map((name) => `/courses/${name}.html`))),
  };
  for (const name of ['a', 'b', 'c']) {
    const html = coursePage(`Course ${name}`);
    routes[`/courses/${name}.html`] = (request, response) => {
      if (request.headers['if-none-match'] === `"${name}"`) return response.writeHead(304).end();
      response.writeHead(200, { 'content-type': 'text/html', etag: `"${name}"` }).end(html);
    };
  }
  site = await startFixtureSite(routes);
  dataDir = mkdtempSync(join(tmpdir(), 'shortlist-crawl-store-'));
  store = new CatalogueStore(join(dataDir, 'catalogue.db'));
});
afterAll(async () => {
  store?.close();
  await site?.close();
});

const crawl = () =>
  crawlSource(fixtureSource(site, { withdrawAfter: 2 }), {
    sink: catalogueSink({ store }),
    userAgent: TEST_USER_AGENT,
    manners: freshManners(),
    storageDir: join(dataDir, 'crawls'),
  });

const statusOf = (title: string) =>
  [...store.activeCourses()].flat().find((course) => course.title === title)?.status ?? 'not active';

describe('crawling into the catalogue', () => {
  it('stores, then re-crawls with 304s, withdraws a course gone for two complete crawls, and brings it back', async () => {
    const first = await crawl();
    expect(first.records).toEqual({ new: 3, changed: 0, unchanged: 0, withdrawn: 0 });

    offered.delete('c');
    const second = await crawl();
    expect(second.pagesUnchanged).toBe(2);
    expect(second.records).toEqual({ new: 0, changed: 0, unchanged: 2, withdrawn: 0 });
    expect(statusOf('Course c')).toBe('active');

    const third = await crawl();
    expect(third.records.withdrawn).toBe(1);
    expect(statusOf('Course c')).toBe('not active');
    expect(store.countCourses('withdrawn')).toBe(1);

    // the page comes back unchanged: its stored state no longer counts, so it is read in full and reactivated
    offered.add('c');
    const fourth = await crawl();
    expect(fourth.records.changed).toBe(1);
    expect(statusOf('Course c')).toBe('active');
  });

  it('serves the stored reports at GET /v1/crawls, newest first, and checks its parameters', async () => {
    const app = new Hono().route('/v1/crawls', crawlRoutes(store));
    const response = await app.request('/v1/crawls?source=fixture-provider&limit=2');
    expect(response.status).toBe(200);
    const { crawls } = await response.json();
    expect(crawls).toHaveLength(2);
    expect(crawls[0].records.changed).toBe(1);
    expect(crawls[1].records.withdrawn).toBe(1);
    expect(crawls[0]).toMatchObject({ sourceId: 'fixture-provider', complete: true, pagesFetched: 4 });
    expect((await app.request('/v1/crawls?limit=500')).status).toBe(400);
  });
});
