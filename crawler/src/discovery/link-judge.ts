import type { Source } from '@shortlist/schemas';
import { crawlUrl, trapReason } from './crawl-url.ts';
import { compileLinkPatterns, type LinkPatterns, type PageLabel, type SITEMAP } from './link-patterns.ts';

export interface CrawlRequest {
  url: string;
  uniqueKey: string;
  label: PageLabel | typeof SITEMAP;
}

export interface JudgedLinks {
  requests: CrawlRequest[];
  /** links left alone because they looked like traps (endless calendars, link loops) */
  traps: number;
}

type Verdict = CrawlRequest | 'trap' | null;

/** Links seen on many pages (navigation, footers) are judged once; the memory of them is bounded. */
const MAX_REMEMBERED = 20_000;

function memoryKey(origin: string, base: string, href: string): string {
  if (/^https?:\/\//i.test(href)) return href;
  if (href.startsWith('/') && !href.startsWith('//')) return origin + href;
  return `${base}\u0000${href}`;
}

/**
 * Decides which of a page's links a crawl follows: on the provider's hosts, named by the source's patterns, session
 * ids and tracking parameters stripped, traps left out. Needs only the source, so a page-reading worker has its own.
 */
export class LinkJudge {
  readonly patterns: LinkPatterns;
  private readonly siteHosts: Set<string>;
  private readonly remembered = new Map<string, Verdict>();

  constructor(private readonly source: Source) {
    this.patterns = compileLinkPatterns(source);
    this.siteHosts = new Set(
      [source.url, ...source.startUrls, ...source.sitemaps].map((url) => new URL(url).host),
    );
  }

  /** Links on a page, resolved against `base` (the page URL or its `<base href>`). */
  pageLinks(base: string, hrefs: Iterable<string>): JudgedLinks {
    const judged: JudgedLinks = { requests: [], traps: 0 };
    const requests = new Map<string, CrawlRequest>();
    const traps = new Set<string>();
    const origin = new URL(base).origin;
    for (const raw of hrefs) {
      const href = raw.trim();
      const key = memoryKey(origin, base, href);
      let verdict = this.remembered.get(key);
      if (verdict === undefined) {
        verdict = this.judge(base, href, (url) => this.patterns.classify(url));
        if (this.remembered.size >= MAX_REMEMBERED) this.remembered.clear();
        this.remembered.set(key, verdict);
      }
      if (verdict === 'trap') traps.add(key);
      else if (verdict) requests.set(verdict.uniqueKey, verdict);
    }
    judged.requests = [...requests.values()];
    judged.traps = traps.size;
    return judged;
  }

  /** Entries of a sitemap: a URL no pattern names counts as a course page unless the source has detail patterns. */
  sitemapLinks(base: string, hrefs: Iterable<string>): JudgedLinks {
    const judged: JudgedLinks = { requests: [], traps: 0 };
    const requests = new Map<string, CrawlRequest>();
    for (const href of hrefs) {
      const verdict = this.judge(base, href, (url) => this.patterns.classifyFromSitemap(url));
      if (verdict === 'trap') judged.traps++;
      else if (verdict) requests.set(verdict.uniqueKey, verdict);
    }
    judged.requests = [...requests.values()];
    return judged;
  }

  /** Where a page has moved (a meta refresh): followed on the provider's hosts as the page was, whatever the patterns. */
  movedPage(url: string, label: PageLabel): CrawlRequest | null {
    const verdict = this.judge(url, url, () => label);
    return verdict === 'trap' ? null : verdict;
  }

  private judge(base: string, href: string, classify: (url: URL) => PageLabel | null): Verdict {
    const target = crawlUrl(href, base, this.source.follow.ignoreParams);
    if (!target) return null;
    const url = new URL(target.url);
    if (!this.siteHosts.has(url.host)) return null;
    const label = classify(url);
    if (!label) return null;
    if (trapReason(target.url)) return 'trap';
    return { url: target.url, uniqueKey: target.key, label };
  }
}
