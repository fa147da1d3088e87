import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoExpected, startDemoSites, type DemoSites } from './demo-sites.ts';

let demo: DemoSites;
const originOf = (id: string) => demo.sites.find((site) => site.id === id)!.origin;
const get = async (id: string, path: string) => {
  const response = await fetch(new URL(path, originOf(id)));
  return {
    status: response.status,
    type: response.headers.get('content-type') ?? '',
    text: await response.text(),
  };
};
const links = (page: string) => [...page.matchAll(/href="([^"]+)"/g)].map((match) => match[1]!);

beforeAll(async () => {
  demo = await startDemoSites();
});
afterAll(async () => {
  await demo.close();
});

describe('demo ground truth', () => {
  const expected = demoExpected();

  it('holds at least 150 courses from 5 providers over 10 fields and 3 currencies', () => {
    expect(expected.length).toBeGreaterThanOrEqual(150);
    expect(new Set(expected.map((course) => course.providerId)).size).toBeGreaterThanOrEqual(5);
    expect(
      new Set(expected.flatMap((course) => course.fields.map((code) => code.slice(0, 3)))).size,
    ).toBeGreaterThanOrEqual(10);
    const currencies = new Set(expected.map((course) => course.costCurrency).filter(Boolean));
    expect([...currencies].sort()).toEqual(expect.arrayContaining(['AUD', 'EUR', 'GBP', 'USD']));
  });

  it('gives every course a distinct path and a realistic mix of facts', () => {
    expect(new Set(expected.map((course) => course.path)).size).toBe(expected.length);
    expect(expected.some((course) => course.free)).toBe(true);
    expect(expected.some((course) => course.mode === null || course.costAmount === null)).toBe(true);
    const shortOnline = expected.filter((course) => course.mode === 'online' && (course.maxWeeks ?? 99) <= 8);
    expect(shortOnline.length).toBeGreaterThanOrEqual(20);
  });
});

describe('demo sites', () => {
  it('serves one site per provider and parses every source with URLs on its origin', () => {
    expect(demo.sites.map((site) => site.id)).toEqual(demo.sources.map((source) => source.id));
    for (const source of demo.sources) {
      expect(source.url).toBe(`${originOf(source.id)}/`);
      expect(source.startUrls.every((url) => url.startsWith(originOf(source.id)))).toBe(true);
      expect(source.politeness.delayMs).toBe(100);
    }
    expect(new Set(demo.sources.map((source) => source.providerType)).size).toBe(5);
  });

  it('serves every expected course page with 200', async () => {
    for (const course of demoExpected()) {
      const page = await get(course.providerId, course.path);
      expect(page.status, course.path).toBe(200);
      expect(page.type).toBe('text/html; charset=utf-8');
      expect(page.text).toContain(course.title.replace(/&/g, '&amp;').replace(/'/g, '&#39;'));
    }
  });

  it('links listing pages to course pages and paginates with a Next link', async () => {
    const first = await get('northbridge-university', '/courses/');
    expect(links(first.text).filter((href) => /^\/courses\/[a-z0-9-]+\.html$/.test(href)).length).toBe(16);
    let path: string | undefined = '/courses/';
    const visited: string[] = [];
    while (path) {
      visited.push(path);
      const listing = await get('northbridge-university', path);
      path = /<a rel="next" href="([^"]+)">Next<\/a>/.exec(listing.text)?.[1];
    }
    expect(visited).toEqual(['/courses/', '/courses/page/2/', '/courses/page/3/']);

    const college = await get('fernhill-college', '/courses/');
    expect(links(college.text)).toContain('/courses/data-analysis-with-sql.html');
  });

  it('lists several courses on one page for the partnership', async () => {
    const theme = await get('upper-rhine-alliance', '/offer/green.html');
    expect(theme.text.match(/<article class="course"/g)?.length).toBe(6);
  });

  it('serves robots.txt and sitemap.xml with the real origin', async () => {
    const origin = originOf('northbridge-university');
    const robots = await get('northbridge-university', '/robots.txt');
    expect(robots.type).toMatch(/^text\/plain/);
    expect(robots.text).toContain('Disallow: /admin/');
    expect(robots.text).toContain(`Sitemap: ${origin}/sitemap.xml`);
    const sitemap = await get('northbridge-university', '/sitemap.xml');
    expect(sitemap.type).toMatch(/^application\/xml/);
    expect(sitemap.text).toContain(`<loc>${origin}/courses/data-analytics-with-python.html</loc>`);
    expect(sitemap.text).not.toContain('__ORIGIN__');
    const course = await get('northbridge-university', '/courses/data-analytics-with-python.html');
    expect(course.text).toContain(
      `<link rel="canonical" href="${origin}/courses/data-analytics-with-python.html">`,
    );
  });

  it('shows the script tag in the security course as escaped text', async () => {
    const page = await get('brightpath-academy', '/catalog/web-application-security-fundamentals/');
    expect(page.text).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(page.text).not.toContain('<script>alert(1)');
    const matching = demoExpected().filter((course) => course.title.includes('Web Application Security'));
    expect(matching).toHaveLength(1);
  });

  it('answers unknown paths with a 404 page and refuses path traversal', async () => {
    const missing = await get('fernhill-college', '/courses/underwater-basket-weaving.html');
    expect(missing.status).toBe(404);
    expect(missing.text).toContain('Page not found');
    const traversal = await get('fernhill-college', '/courses/..%2f..%2f..%2fexpected.json');
    expect(traversal.status).toBe(403);
    expect((await get('fernhill-college', '/%2e%2e/%2e%2e/expected.json')).status).toBe(404);
  });

  it('redirects a directory without its trailing slash', async () => {
    const response = await fetch(`${originOf('brightpath-academy')}/catalog`, { redirect: 'manual' });
    expect(response.status).toBe(301);
    expect(response.headers.get('location')).toBe('/catalog/');
  });
});

describe('fixed ports', () => {
  it('fails with a message naming the busy port and DEMO_PORT', async () => {
    const port = Number(new URL(demo.sites[0]!.origin).port);
    await expect(startDemoSites({ port })).rejects.toThrow(new RegExp(`${port}.*DEMO_PORT`));
  });

  it('listens on consecutive ports from the one given', async () => {
    const probe = await startDemoSites();
    const base = Math.max(...probe.sites.map((site) => Number(new URL(site.origin).port))) + 1;
    await probe.close();
    const fixed = await startDemoSites({ port: base }).catch((error: Error) => {
      if (/in use/.test(error.message)) return null;
      throw error;
    });
    if (!fixed) return; // another process took the port in between; the busy-port test covers that path
    try {
      expect(fixed.sites.map((site) => Number(new URL(site.origin).port))).toEqual(
        fixed.sites.map((_, index) => base + index),
      );
      expect((await fetch(`${fixed.sites[0]!.origin}/`)).status).toBe(200);
    } finally {
      await fixed.close();
    }
  });
});
