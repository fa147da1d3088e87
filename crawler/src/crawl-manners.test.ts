import { afterEach, describe, expect, it } from 'vitest';
import { crawlSources } from './main.ts';
import { crawlFixture, fixtureSource, freshManners, TEST_USER_AGENT } from './testing/crawl-fixture.ts';
import { coursePage, listingPage, startFixtureSite, type FixtureSite } from './testing/fixture-site.ts';
import { MemoryCatalogue } from './testing/memory-catalogue.ts';

const sites: FixtureSite[] = [];
afterEach(async () => {
  await Promise.all(sites.splice(0).map((site) => site.close()));
});

async function site(robots: string | { status: number } | undefined, courses = ['a', 'b', 'c']) {
  const routes: Parameters<typeof startFixtureSite>[0] = {
    '/courses/': listingPage(courses.map((name) => `/courses/${name}.html`)),
  };
  for (const name of courses) routes[`/courses/${name}.html`] = coursePage(`Course ${name.toUpperCase()}`);
  if (typeof robots === 'string')
    routes['/robots.txt'] = { headers: { 'content-type': 'text/plain' }, body: robots };
  else if (robots) routes['/robots.txt'] = { status: robots.status, body: 'unavailable' };
  const started = await startFixtureSite(routes);
  sites.push(started);
  return started;
}

describe('robots.txt', () => {
  it('never fetches what robots.txt disallows for us, and says how many it skipped', async () => {
    const fixture = await site(
      'User-agent: *\nDisallow: /\n\nUser-agent: ShortlistBot\nDisallow: /courses/b.html\n',
    );
    const catalogue = new MemoryCatalogue();
    const report = await crawlFixture(fixtureSource(fixture), catalogue);
    expect(fixture.paths()).not.toContain('/courses/b.html');
    expect(catalogue.titles()).toEqual(['Course A', 'Course C']);
    expect(report.skipped.robots).toBe(1);
    expect(report.complete).toBe(true);
  });

  it('crawls nothing when robots.txt answers 5xx, and the crawl withdraws nothing', async () => {
    const fixture = await site({ status: 503 });
    const catalogue = new MemoryCatalogue();
    const report = await crawlFixture(fixtureSource(fixture), catalogue);
    expect(fixture.paths()).toEqual(['/robots.txt']);
    expect(report.complete).toBe(false);
    expect(report.errorsByKind['robots-unreachable']?.count).toBe(1);
    expect(report.errors[0]!.message).toMatch(/HTTP 503.*crawl nothing/);
    expect(report.records.withdrawn).toBe(0);
  });

  it('crawls everything when robots.txt is missing (404)', async () => {
    const fixture = await site(undefined);
    const catalogue = new MemoryCatalogue();
    const report = await crawlFixture(fixtureSource(fixture), catalogue);
    expect(fixture.paths()[0]).toBe('/robots.txt');
    expect(catalogue.titles()).toEqual(['Course A', 'Course B', 'Course C']);
    expect(report.complete).toBe(true);
  });

  it('reads robots.txt once per crawl and honours its Crawl-delay', async () => {
    const fixture = await site('User-agent: *\nCrawl-delay: 0.2\n');
    await crawlFixture(fixtureSource(fixture), new MemoryCatalogue());
    expect(fixture.paths().filter((path) => path === '/robots.txt')).toHaveLength(1);
    const pages = fixture.requests.slice(1);
    for (let i = 1; i < pages.length; i++)
      expect(pages[i]!.startedAt - pages[i - 1]!.endedAt).toBeGreaterThanOrEqual(198);
  });
});

describe('politeness', () => {
  it('names Shortlist and a contact URL in every request, the source’s own contact when it has one', async () => {
    const fixture = await site(undefined);
    await crawlFixture(
      fixtureSource(fixture, { contactUrl: 'https://shortlist.example/about-our-crawler' }),
      new MemoryCatalogue(),
    );
    const agents = new Set(fixture.requests.map((request) => request.headers['user-agent']));
    expect([...agents]).toEqual(['ShortlistBot/0.1 (+https://shortlist.example/about-our-crawler)']);
    expect(TEST_USER_AGENT).toMatch(/^ShortlistBot\/[\d.]+ \(\+https:\/\//);
  });

  it('sends one request at a time to a host, each at least the delay after the last one ended', async () => {
    const fixture = await site(undefined, ['a', 'b', 'c', 'd', 'e', 'f']);
    await crawlFixture(fixtureSource(fixture, { politeness: { delayMs: 120 } }), new MemoryCatalogue(), {
      concurrency: 4,
    });
    const requests = [...fixture.requests].sort((a, b) => a.startedAt - b.startedAt);
    expect(requests).toHaveLength(8);
    for (let i = 1; i < requests.length; i++) {
      expect(requests[i]!.startedAt).toBeGreaterThan(requests[i - 1]!.endedAt);
      expect(requests[i]!.startedAt - requests[i - 1]!.endedAt).toBeGreaterThanOrEqual(118);
    }
  });

  it('crawls two hosts in parallel, each at its own polite pace', async () => {
    const courses = ['a', 'b', 'c', 'd', 'e', 'f'];
    const [first, second] = [await site(undefined, courses), await site(undefined, courses)];
    const sources = [first, second].map((fixture, index) =>
      fixtureSource(fixture, { id: `provider-${index}`, politeness: { delayMs: 150 } }),
    );
    await crawlSources(sources, {
      sink: new MemoryCatalogue(),
      userAgent: TEST_USER_AGENT,
      manners: freshManners(),
    });
    // side by side: each host's second request comes before the other's last one
    const [a, b] = [first.requests, second.requests];
    expect(a[1]!.startedAt).toBeLessThan(b.at(-1)!.startedAt);
    expect(b[1]!.startedAt).toBeLessThan(a.at(-1)!.startedAt);
    for (const requests of [a, b])
      for (let i = 1; i < requests.length; i++)
        expect(requests[i]!.startedAt - requests[i - 1]!.endedAt).toBeGreaterThanOrEqual(148);
  });
});
