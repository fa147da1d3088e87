import { afterEach, describe, expect, it } from 'vitest';
import { summariseReport } from './run/crawl-report.ts';
import { crawlFixture, fixtureSource } from './testing/crawl-fixture.ts';
import { coursePage, listingPage, startFixtureSite, type FixtureSite } from './testing/fixture-site.ts';
import { MemoryCatalogue } from './testing/memory-catalogue.ts';

const sites: FixtureSite[] = [];
afterEach(async () => {
  await Promise.all(sites.splice(0).map((site) => site.close()));
});

describe('the run report', () => {
  it('counts per source the courses that state no price, length, mode or workload', async () => {
    const bare = `<!doctype html><html><head><title>Welding Basics</title></head><body>
      <h1>Welding Basics</h1><p>Duration: 3 days</p><p>Learn to weld safely.</p></body></html>`;
    const site = await startFixtureSite({
      '/courses/': listingPage(['/courses/full.html', '/courses/bare.html']),
      '/courses/full.html': coursePage('Full Facts', {
        extra: '<p>Mode: Online</p><p>Workload: 4 hours per week</p>',
      }),
      '/courses/bare.html': bare,
    });
    sites.push(site);

    const report = await crawlFixture(fixtureSource(site), new MemoryCatalogue());

    expect(report.coursesFound).toBe(2);
    expect(report.missingFacts).toEqual({ price: 1, duration: 0, mode: 1, workload: 1 });
    expect(summariseReport(report)).toContain('courses without: price 1, mode 1, workload 1 (of 2;');
  });
});
