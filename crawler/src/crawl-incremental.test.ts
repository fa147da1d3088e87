import { createHash } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { crawlFixture, fixtureSource } from './testing/crawl-fixture.ts';
import {
  coursePage,
  listingPage,
  startFixtureSite,
  type FixtureSite,
  type Route,
} from './testing/fixture-site.ts';
import { MemoryCatalogue } from './testing/memory-catalogue.ts';

const sites: FixtureSite[] = [];
afterEach(async () => {
  await Promise.all(sites.splice(0).map((site) => site.close()));
});

/** Serves HTML with an ETag and Last-Modified, answering 304 when the client's validators still match. */
function withValidators(html: () => string): Route {
  return (request: IncomingMessage, response: ServerResponse) => {
    const body = html();
    const etag = `"${createHash('sha1').update(body).digest('hex')}"`;
    const lastModified = 'Wed, 01 Jan 2025 00:00:00 GMT';
    if (request.headers['if-none-match'] === etag) return response.writeHead(304, { etag }).end();
    response
      .writeHead(200, { 'content-type': 'text/html; charset=utf-8', etag, 'last-modified': lastModified })
      .end(body);
  };
}

/** A site whose listing shows the courses in `offered` (mutable between crawls). */
async function catalogueSite(offered: Set<string>, { validators = true, broken = false } = {}) {
  const names = ['a', 'b', 'c'];
  const routes: Record<string, Route> = {
    '/courses/': (_request, response) =>
      response.end(
        listingPage([...offered, ...(broken ? ['broken'] : [])].map((name) => `/courses/${name}.html`)),
      ),
    '/courses/broken.html': { status: 503 },
  };
  for (const name of names) {
    const html = () => coursePage(`Course ${name}`);
    routes[`/courses/${name}.html`] = validators ? withValidators(html) : html();
  }
  const fixture = await startFixtureSite(routes);
  sites.push(fixture);
  return fixture;
}

describe('incremental crawls', () => {
  it('asks with If-None-Match the second time, gets 304s and rewrites nothing', async () => {
    const fixture = await catalogueSite(new Set(['a', 'b', 'c']));
    const catalogue = new MemoryCatalogue();
    const source = fixtureSource(fixture);
    // a persisted queue, as `shortlist crawl` uses: a finished crawl must leave nothing that stops the next one
    const storageDir = mkdtempSync(join(tmpdir(), 'shortlist-incremental-'));
    const first = await crawlFixture(source, catalogue, { storageDir });
    expect(first.records).toEqual({ new: 3, changed: 0, unchanged: 0, withdrawn: 0 });
    const requestsBefore = fixture.requests.length;

    const second = await crawlFixture(source, catalogue, { storageDir });
    const repeat = fixture.requests.slice(requestsBefore).filter((request) => request.path.endsWith('.html'));
    expect(repeat.map((request) => request.headers['if-none-match'])).toEqual([
      expect.stringMatching(/^"/),
      expect.stringMatching(/^"/),
      expect.stringMatching(/^"/),
    ]);
    expect(
      repeat.every((request) => request.headers['if-modified-since'] === 'Wed, 01 Jan 2025 00:00:00 GMT'),
    ).toBe(true);
    expect(second.pagesUnchanged).toBe(3);
    expect(second.records).toEqual({ new: 0, changed: 0, unchanged: 3, withdrawn: 0 });
    expect(catalogue.writes).toBe(3);
    // the unchanged courses were still seen by this crawl
    expect(catalogue.active().length).toBe(3);
    expect([...catalogue.stored.values()].every((stored) => stored.lastSeenAt >= second.startedAt)).toBe(
      true,
    );
  });

  it('recognises an unchanged page by its content hash when the server has no validators', async () => {
    const fixture = await catalogueSite(new Set(['a', 'b']), { validators: false });
    const catalogue = new MemoryCatalogue();
    const source = fixtureSource(fixture);
    await crawlFixture(source, catalogue);
    const second = await crawlFixture(source, catalogue);
    expect(second.pagesUnchanged).toBe(2);
    expect(second.records.new + second.records.changed).toBe(0);
    expect(catalogue.writes).toBe(2);
  });

  it('withdraws a course only after it is missing from N complete crawls in a row', async () => {
    const offered = new Set(['a', 'b', 'c']);
    const fixture = await catalogueSite(offered);
    const catalogue = new MemoryCatalogue();
    const source = fixtureSource(fixture, { withdrawAfter: 2 });
    await crawlFixture(source, catalogue);
    offered.delete('c');

    const missedOnce = await crawlFixture(source, catalogue);
    expect(missedOnce.complete).toBe(true);
    expect(missedOnce.records.withdrawn).toBe(0);
    expect(catalogue.titles()).toEqual(['Course a', 'Course b', 'Course c']);

    const missedTwice = await crawlFixture(source, catalogue);
    expect(missedTwice.records.withdrawn).toBe(1);
    expect(catalogue.titles()).toEqual(['Course a', 'Course b']);
    expect(catalogue.titles('withdrawn')).toEqual(['Course c']);
  });

  it('withdraws nothing after partial crawls, however many', async () => {
    const offered = new Set(['a', 'b', 'c']);
    const fixture = await catalogueSite(offered, { broken: true });
    const catalogue = new MemoryCatalogue();
    const source = fixtureSource(fixture, { withdrawAfter: 1, politeness: { retries: 0 } });
    await crawlFixture(source, catalogue);
    offered.delete('c');
    for (let crawl = 0; crawl < 3; crawl++) {
      const report = await crawlFixture(source, catalogue);
      expect(report.complete).toBe(false);
      expect(report.incomplete[0]).toMatch(/some pages failed \(1 http-5xx\)/);
    }
    expect(catalogue.titles()).toEqual(['Course a', 'Course b', 'Course c']);
  });

  it('counts a crawl stopped by the page cap as partial', async () => {
    const fixture = await catalogueSite(new Set(['a', 'b', 'c']));
    const report = await crawlFixture(
      fixtureSource(fixture, { politeness: { maxPages: 2 } }),
      new MemoryCatalogue(),
    );
    expect(report.complete).toBe(false);
    expect(report.incomplete).toContain('stopped at politeness.maxPages (2)');
  });
});
