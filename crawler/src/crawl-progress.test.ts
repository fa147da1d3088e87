import { afterEach, describe, expect, it } from 'vitest';
import { newCrawlReport, progressLine } from './run/crawl-report.ts';
import { crawlFixture, fixtureSource } from './testing/crawl-fixture.ts';
import { coursePage, listingPage, startFixtureSite, type FixtureSite } from './testing/fixture-site.ts';
import { MemoryCatalogue } from './testing/memory-catalogue.ts';

const sites: FixtureSite[] = [];
afterEach(async () => {
  await Promise.all(sites.splice(0).map((site) => site.close()));
});

describe('a crawl in progress', () => {
  it('reports how far it has got while it runs, at the interval asked for', async () => {
    const names = ['a', 'b', 'c', 'd', 'e', 'f'];
    const fixture = await startFixtureSite({
      '/courses/': listingPage(names.map((name) => `/courses/${name}.html`)),
      ...Object.fromEntries(names.map((name) => [`/courses/${name}.html`, coursePage(`Course ${name}`)])),
    });
    sites.push(fixture);
    const seen: number[] = [];
    const report = await crawlFixture(
      fixtureSource(fixture, { politeness: { delayMs: 80 } }),
      new MemoryCatalogue(),
      { onProgress: (sofar) => seen.push(sofar.pagesFetched), progressEveryMs: 150 },
    );
    expect(seen.length).toBeGreaterThanOrEqual(2);
    expect(seen).toEqual([...seen].sort((a, b) => a - b));
    expect(seen.at(-1)).toBeLessThanOrEqual(report.pagesFetched);
    expect(seen[0]).toBeLessThan(report.pagesFetched);

    // no more often than asked, and a failing progress line fails no page
    const quiet = await crawlFixture(fixtureSource(fixture), new MemoryCatalogue(), {
      onProgress: () => seen.push(-1),
      progressEveryMs: 60_000,
    });
    expect(seen).not.toContain(-1);
    const careless = await crawlFixture(fixtureSource(fixture), new MemoryCatalogue(), {
      onProgress: () => {
        throw new Error('the terminal went away');
      },
      progressEveryMs: 0,
    });
    expect(careless.errors).toEqual([]);
    expect(careless.coursesFound).toBe(quiet.coursesFound);
  });

  it('is one line with the pages, courses and failures so far', () => {
    const report = newCrawlReport('harbour-college', '2026-11-29T10:00:00.000Z');
    Object.assign(report, { pagesFetched: 120, pagesUnchanged: 30, coursesFound: 95 });
    report.errorsByKind = { timeout: { count: 2, examples: [] }, 'http-5xx': { count: 1, examples: [] } };
    expect(progressLine(report, Date.parse('2026-11-29T10:04:30.000Z'))).toBe(
      'harbour-college: 120 pages fetched (30 unchanged), 95 courses read, 3 failed so far (4 min)',
    );
  });
});
