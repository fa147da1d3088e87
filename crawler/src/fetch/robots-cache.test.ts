import { afterEach, describe, expect, it } from 'vitest';
import { startFixtureSite, type FixtureSite } from '../testing/fixture-site.ts';
import { HostGate } from './host-gate.ts';
import { politeFetch } from './polite-fetch.ts';
import { RobotsCache } from './robots-cache.ts';

const sites: FixtureSite[] = [];
afterEach(async () => {
  await Promise.all(sites.splice(0).map((site) => site.close()));
});

const request = {
  userAgent: 'ShortlistBot/0.1 (+https://example.invalid/)',
  delayMs: 0,
  timeoutMs: 2000,
  maxBytes: 100_000,
};

describe('robots.txt cache', () => {
  it('asks again once the cached copy is older than its lifetime (24 hours by default)', async () => {
    const site = await startFixtureSite({
      '/robots.txt': 'User-agent: *\nDisallow: /private/\n',
      '/a': 'a',
      '/b': 'b',
    });
    sites.push(site);
    let now = 0;
    const manners = { hosts: new HostGate(), robots: new RobotsCache(undefined, () => now) };
    const robotsFetches = () => site.paths().filter((path) => path === '/robots.txt').length;
    await politeFetch(`${site.origin}/a`, request, manners);
    now = 24 * 3_600_000 - 1;
    await politeFetch(`${site.origin}/b`, request, manners);
    expect(robotsFetches()).toBe(1);
    now = 24 * 3_600_000;
    await politeFetch(`${site.origin}/a`, request, manners);
    expect(robotsFetches()).toBe(2);
  });

  it('asks again after ten minutes when robots.txt could not be read, and crawls nothing meanwhile', async () => {
    const site = await startFixtureSite({ '/robots.txt': { status: 503 }, '/a': 'a' });
    sites.push(site);
    let now = 0;
    const manners = { hosts: new HostGate(), robots: new RobotsCache(undefined, () => now) };
    const robotsFetches = () => site.paths().filter((path) => path === '/robots.txt').length;
    await expect(politeFetch(`${site.origin}/a`, request, manners)).rejects.toThrow(/RFC 9309/);
    now = 10 * 60_000 - 1;
    await expect(politeFetch(`${site.origin}/a`, request, manners)).rejects.toThrow(/RFC 9309/);
    expect(robotsFetches()).toBe(1);
    now = 10 * 60_000;
    await expect(politeFetch(`${site.origin}/a`, request, manners)).rejects.toThrow(/RFC 9309/);
    expect(robotsFetches()).toBe(2);
    expect(site.paths()).not.toContain('/a');
  });

  it('follows a redirected robots.txt and treats a 401 as "allow all"', async () => {
    const site = await startFixtureSite({
      '/robots.txt': { status: 301, headers: { location: '/real-robots.txt' } },
      '/real-robots.txt': 'User-agent: *\nDisallow: /private/\n',
      '/private/x': 'secret',
    });
    const locked = await startFixtureSite({ '/robots.txt': { status: 401 }, '/private/x': 'open' });
    sites.push(site, locked);
    const manners = { hosts: new HostGate(), robots: new RobotsCache() };
    await expect(politeFetch(`${site.origin}/private/x`, request, manners)).rejects.toThrow(
      /disallowed by robots\.txt/,
    );
    expect((await politeFetch(`${locked.origin}/private/x`, request, manners)).status).toBe(200);
  });
});
