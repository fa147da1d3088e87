import { gzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { crawlFixture, fixtureSource } from './testing/crawl-fixture.ts';
import {
  coursePage,
  listingPage,
  page,
  startFixtureSite,
  type FixtureSite,
  type Route,
} from './testing/fixture-site.ts';
import { MemoryCatalogue } from './testing/memory-catalogue.ts';

const sites: FixtureSite[] = [];
afterEach(async () => {
  await Promise.all(sites.splice(0).map((site) => site.close()));
});

async function start(routes: Record<string, Route>) {
  const fixture = await startFixtureSite(routes);
  sites.push(fixture);
  return fixture;
}

const courseRoutes = (names: string[]) =>
  Object.fromEntries(names.map((name) => [`/courses/${name}.html`, coursePage(`Course ${name}`)]));

describe('discovery', () => {
  it('follows pagination on listing pages', async () => {
    const fixture = await start({
      '/courses/': listingPage(['/courses/a.html'], '<a rel="next" href="/courses/?page=2">Next</a>'),
      '/courses/?page=2': listingPage(['/courses/b.html'], '<a href="/courses/?page=3">Next</a>'),
      '/courses/?page=3': listingPage(['/courses/c.html']),
      ...courseRoutes(['a', 'b', 'c']),
    });
    const catalogue = new MemoryCatalogue();
    await crawlFixture(
      fixtureSource(fixture, { follow: { listing: ['^/courses/(\\?page=\\d+)?$'] } }),
      catalogue,
    );
    expect(catalogue.titles()).toEqual(['Course a', 'Course b', 'Course c']);
  });

  it('escapes an endless calendar: bounded by depth, and by dates years ahead', async () => {
    const months: Route = (request, response) => {
      const month = new URL(request.url!, 'http://x').searchParams.get('month') ?? '2025-01';
      const [year, number] = month.split('-').map(Number) as [number, number];
      const shift = (by: number) => {
        const date = new Date(Date.UTC(year, number - 1 + by, 1));
        return `${date.getUTCFullYear()}-${String(date.getUTCMonth() + 1).padStart(2, '0')}`;
      };
      const links = [-1, 1, 12, 240].map((by) => `<a href="/courses/?month=${shift(by)}">${shift(by)}</a>`);
      response.end(listingPage(['/courses/a.html'], links.join(' ')));
    };
    const fixture = await start({ '/courses/': months, ...courseRoutes(['a']) });
    const catalogue = new MemoryCatalogue();
    const report = await crawlFixture(
      fixtureSource(fixture, {
        follow: { listing: ['^/courses/(\\?month=[\\d-]+)?$'] },
        politeness: { maxDepth: 3 },
      }),
      catalogue,
    );
    const calendarPages = fixture.paths().filter((path) => path.startsWith('/courses/?month='));
    // three clicks from the start, three useful links a page: at most 3 + 9 + 27 months
    expect(calendarPages.length).toBeLessThanOrEqual(39);
    expect(calendarPages.some((path) => path.includes('2045'))).toBe(false);
    expect(report.skipped.trap).toBeGreaterThan(0);
    expect(catalogue.titles()).toEqual(['Course a']);
    expect(report.complete).toBe(true);
  });

  it('fetches a page once however many session ids and tracking parameters its links carry', async () => {
    const fixture = await start({
      '/courses/': listingPage([
        '/courses/a.html;jsessionid=0A1B2C',
        '/courses/a.html?PHPSESSID=f00&utm_source=newsletter',
        '/courses/a.html?sid=42#fees',
        '/courses/a.html',
      ]),
      ...courseRoutes(['a']),
    });
    const catalogue = new MemoryCatalogue();
    await crawlFixture(fixtureSource(fixture), catalogue);
    expect(fixture.paths().filter((path) => path.startsWith('/courses/a.html'))).toEqual(['/courses/a.html']);
    expect(catalogue.active().map((course) => course.url)).toEqual([`${fixture.origin}/courses/a.html`]);
  });

  it('stores the course once when two URLs share a canonical link', async () => {
    const canonical = '<link rel="canonical" href="/courses/intro.html">';
    const fixture = await start({
      '/courses/': listingPage(['/courses/intro.html', '/courses/intro-print.html?view=print']),
      '/courses/intro.html': coursePage('Introduction to Data', { head: canonical }),
      '/courses/intro-print.html': coursePage('Introduction to Data', { head: canonical }),
    });
    const catalogue = new MemoryCatalogue();
    const report = await crawlFixture(fixtureSource(fixture), catalogue);
    expect(catalogue.active().map((course) => course.url)).toEqual([`${fixture.origin}/courses/intro.html`]);
    expect(catalogue.writes).toBe(1);
    expect(report.skipped.duplicate).toBe(1);
  });

  it('reads a sitemap index with a gzipped sitemap and a plain one', async () => {
    const urlset = (names: string[], origin: string) =>
      `<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">${names
        .map((name) => `<url><loc>${origin}/courses/${name}.html</loc><lastmod>2025-01-01</lastmod></url>`)
        .join('')}</urlset>`;
    const origin = { value: '' };
    const fixture = await start({
      '/sitemap_index.xml': (_request, response) =>
        response.writeHead(200, { 'content-type': 'application/xml' }).end(
          `<?xml version="1.0"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
            <sitemap><loc>${origin.value}/sitemaps/courses-1.xml.gz</loc></sitemap>
            <sitemap><loc>${origin.value}/sitemaps/courses-2.xml</loc></sitemap></sitemapindex>`,
        ),
      '/sitemaps/courses-1.xml.gz': (_request, response) =>
        response
          .writeHead(200, { 'content-type': 'application/gzip' })
          .end(gzipSync(urlset(['a', 'b'], origin.value))),
      '/sitemaps/courses-2.xml': (_request, response) =>
        response.writeHead(200, { 'content-type': 'application/xml' }).end(urlset(['c'], origin.value)),
      ...courseRoutes(['a', 'b', 'c']),
    });
    origin.value = fixture.origin;
    const catalogue = new MemoryCatalogue();
    const report = await crawlFixture(
      fixtureSource(fixture, {
        startUrls: [],
        sitemaps: [`${fixture.origin}/sitemap_index.xml`],
        follow: { detail: [] },
      }),
      catalogue,
    );
    expect(catalogue.titles()).toEqual(['Course a', 'Course b', 'Course c']);
    expect(report.complete).toBe(true);
  });

  it('decodes windows-1252, ISO-8859-1 and UTF-8 with a byte-order mark', async () => {
    const cp1252 = (text: string) =>
      Buffer.from([...text].map((char) => ({ '€': 0x80, '–': 0x96 })[char] ?? char.charCodeAt(0)));
    const fixture = await start({
      '/courses/': listingPage(['/courses/cafe.html', '/courses/gebuehr.html', '/courses/bom.html']),
      '/courses/cafe.html': {
        headers: { 'content-type': 'text/html; charset=windows-1252' },
        body: cp1252(page('<h1>Café Management – Level 2</h1><p>Duration: 6 weeks</p><p>Cost: €450</p>')),
      },
      '/courses/gebuehr.html': {
        headers: { 'content-type': 'text/html' },
        body: Buffer.from(
          page('<h1>Gebührenrecht für Büros</h1><p>Duration: 4 weeks</p><p>Cost: 300 EUR</p>').replace(
            '<meta charset="utf-8">',
            '<meta http-equiv="Content-Type" content="text/html; charset=ISO-8859-1">',
          ),
          'latin1',
        ),
      },
      '/courses/bom.html': {
        headers: { 'content-type': 'text/html' },
        body: Buffer.concat([
          Buffer.from([0xef, 0xbb, 0xbf]),
          Buffer.from(page('<h1>Ångström Optics</h1><p>Duration: 2 weeks</p><p>Cost: £99</p>')),
        ]),
      },
    });
    const catalogue = new MemoryCatalogue();
    await crawlFixture(fixtureSource(fixture), catalogue);
    expect(catalogue.titles()).toEqual([
      'Café Management – Level 2',
      'Gebührenrecht für Büros',
      'Ångström Optics',
    ]);
    const cafe = catalogue.active().find((course) => course.title.startsWith('Café'))!;
    expect(cafe.cost.amount).toBe(450);
    expect(cafe.cost.currency).toBe('EUR');
  });

  it('respects a provider’s noindex and nofollow', async () => {
    const fixture = await start({
      '/courses/': listingPage(['/courses/a.html', '/courses/hidden.html']),
      '/courses/a.html': coursePage('Course a', {
        head: '<meta name="robots" content="nofollow">',
        extra: '<a href="/courses/b.html">b</a>',
      }),
      '/courses/hidden.html': coursePage('Hidden', { head: '<meta name="ShortlistBot" content="noindex">' }),
      ...courseRoutes(['b']),
    });
    const catalogue = new MemoryCatalogue();
    const report = await crawlFixture(fixtureSource(fixture), catalogue);
    expect(catalogue.titles()).toEqual(['Course a']);
    expect(fixture.paths()).not.toContain('/courses/b.html');
    expect(report.skipped.noindex).toBe(1);
  });

  it('follows a page that moved with a meta refresh, on the provider’s site only, and stores no course for it', async () => {
    // each stub still carries its old course's JSON-LD: only the move may keep it from being stored
    const moved = (to: string) =>
      coursePage('Old Stub', { head: `<meta http-equiv="refresh" content="0; url=${to}">` });
    const elsewhere = await start({ '/courses/x.html': coursePage('Elsewhere') });
    const fixture = await start({
      '/courses/': listingPage(['/courses/old.html', '/courses/away.html', '/courses/loop-a.html', '/courses/live.html', '/courses/js.html']), // prettier-ignore
      '/courses/old.html': moved('/programmes/data-analytics'),
      '/programmes/data-analytics': coursePage('Data Analytics'),
      '/courses/away.html': moved(`${elsewhere.origin}/courses/x.html`),
      '/courses/loop-a.html': moved('/courses/loop-b.html'),
      '/courses/loop-b.html': moved('/courses/loop-a.html'),
      // not moves: a reload of the page itself (tracking parameters aside), and a refresh only for no-JS browsers
      '/courses/live.html': coursePage('Live Timetable', {
        head: '<meta http-equiv="refresh" content="3; url=/courses/live.html?utm_source=refresh">',
      }),
      '/courses/js.html': coursePage('Needs JavaScript', {
        head: '<noscript><meta http-equiv="refresh" content="0; url=/enable-javascript"></noscript>',
      }),
    });
    const catalogue = new MemoryCatalogue();
    const source = fixtureSource(fixture);
    const report = await crawlFixture(source, catalogue);

    expect(catalogue.titles()).toEqual(['Data Analytics', 'Live Timetable', 'Needs JavaScript']);
    expect(catalogue.active().map((course) => course.url)).toContain(
      `${fixture.origin}/programmes/data-analytics`,
    );
    expect(elsewhere.paths()).toEqual([]);
    expect(report.warnings.join('\n')).toMatch(/away\.html moved to .*\/courses\/x\.html .*not followed/);
    expect(fixture.paths().filter((path) => path.startsWith('/courses/loop-'))).toEqual([
      '/courses/loop-a.html',
      '/courses/loop-b.html',
    ]);
    expect(fixture.paths()).not.toContain('/enable-javascript');
    expect(report.complete).toBe(true);

    // the next crawl reads the moved page again, so it still finds where it went
    const again = await crawlFixture(source, catalogue);
    expect(catalogue.titles()).toEqual(['Data Analytics', 'Live Timetable', 'Needs JavaScript']);
    expect(fixture.paths().filter((path) => path === '/programmes/data-analytics')).toHaveLength(2);
    expect(again.records.withdrawn).toBe(0);
  });
});
