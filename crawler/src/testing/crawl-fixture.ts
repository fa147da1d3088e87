import { Source, type SourceInput } from '@shortlist/schemas';
import { HostGate } from '../fetch/host-gate.ts';
import type { Manners } from '../fetch/polite-fetch.ts';
import { RobotsCache } from '../fetch/robots-cache.ts';
import { crawlSource, type CrawlOptions } from '../main.ts';
import type { CrawlSink } from '../sink.ts';
import type { FixtureSite } from './fixture-site.ts';

export const TEST_USER_AGENT = 'ShortlistBot/0.1 (+https://example.invalid/crawler)';

/** A source config for a fixture site: fast (no delay, short timeout, one retry) unless overridden. */
export function fixtureSource(site: FixtureSite, config: Partial<SourceInput> = {}): Source {
  return Source.parse({
    id: 'fixture-provider',
    name: 'Fixture Provider',
    providerType: 'college',
    country: 'GB',
    url: `${site.origin}/`,
    startUrls: [`${site.origin}/courses/`],
    ...config,
    follow: { listing: ['^/courses/$'], detail: ['^/courses/[\\w-]+\\.html'], ...config.follow },
    politeness: { delayMs: 0, timeoutMs: 2000, retries: 1, ...config.politeness },
  });
}

/** Manners of their own, so robots.txt cached by one test never answers for another on a reused port. */
export function freshManners(): Manners {
  return { hosts: new HostGate(), robots: new RobotsCache() };
}

export function crawlFixture(source: Source, sink: CrawlSink, options: Partial<CrawlOptions> = {}) {
  return crawlSource(source, { sink, userAgent: TEST_USER_AGENT, manners: freshManners(), ...options });
}
