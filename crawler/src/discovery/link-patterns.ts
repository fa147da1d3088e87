import type { Source } from '@shortlist/schemas';

export const LISTING = 'LISTING';
export const DETAIL = 'DETAIL';
export const SITEMAP = 'SITEMAP';
export type PageLabel = typeof LISTING | typeof DETAIL;

export interface LinkPatterns {
  /** Which handler a URL goes to, or null when the source's patterns do not ask for it. */
  classify(url: URL): PageLabel | null;
  /** Sitemaps list course pages: a URL no pattern names is a course page unless detail patterns say otherwise. */
  classifyFromSitemap(url: URL): PageLabel | null;
}

/** The source's `follow` patterns, compiled once per crawl; each is tested against path + query. */
export function compileLinkPatterns(source: Source): LinkPatterns {
  const compile = (patterns: string[]) => patterns.map((pattern) => new RegExp(pattern));
  const listing = compile(source.follow.listing);
  const detail = compile(source.follow.detail);
  const skip = compile(source.follow.skip);
  const matches = (patterns: RegExp[], target: string) => patterns.some((pattern) => pattern.test(target));
  const classify = (url: URL): PageLabel | null => {
    const target = url.pathname + url.search;
    if (matches(skip, target)) return null;
    if (matches(detail, target)) return DETAIL;
    if (matches(listing, target)) return LISTING;
    return null;
  };
  return {
    classify,
    classifyFromSitemap(url) {
      const label = classify(url);
      if (label || detail.length > 0 || matches(skip, url.pathname + url.search)) return label;
      return DETAIL;
    },
  };
}

/** Which handler a link goes to, or null when the source's patterns do not ask for it. */
export function classifyLink(source: Source, href: string): PageLabel | null {
  return compileLinkPatterns(source).classify(new URL(href));
}
