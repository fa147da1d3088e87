import { createHash } from 'node:crypto';
import type { Source } from '@shortlist/schemas';
import { compileLinkPatterns, type LinkPatterns } from './discovery/link-patterns.ts';
import { productToken, type Manners, type PoliteRequest } from './fetch/polite-fetch.ts';
import type { CrawlReport } from './report.ts';
import type { CrawlSink } from './sink.ts';

/** Bump when extraction or normalisation changes enough that unchanged pages must be read again. */
const EXTRACTION_VERSION = 1;

/** Everything the route handlers of one source's crawl share. */
export interface CrawlContext {
  source: Source;
  sink: CrawlSink;
  report: CrawlReport;
  manners: Manners;
  /** user agent, delay, timeout and size cap for this source */
  request: PoliteRequest;
  productToken: string;
  patterns: LinkPatterns;
  /** hosts whose links are followed: the provider's site, its start URLs and sitemaps */
  siteHosts: Set<string>;
  /** prefixes page content hashes: a new selector map or extractor re-reads pages whose bytes did not change */
  extractionHash: string;
  /** canonical URLs whose courses this crawl has already stored */
  canonicals: Set<string>;
  /** set when the page cap stopped the crawl from following every link */
  capReached: boolean;
  afterPage(): void;
}

export function createCrawlContext(
  source: Source,
  options: {
    sink: CrawlSink;
    report: CrawlReport;
    manners: Manners;
    request: PoliteRequest;
    afterPage(): void;
  },
): CrawlContext {
  const hosts = [source.url, ...source.startUrls, ...source.sitemaps].map((url) => new URL(url).host);
  const extractionHash = createHash('sha256')
    .update(JSON.stringify([EXTRACTION_VERSION, source.id, source.country, source.extraction]))
    .digest('hex')
    .slice(0, 12);
  return {
    ...options,
    source,
    productToken: productToken(options.request.userAgent),
    patterns: compileLinkPatterns(source),
    siteHosts: new Set(hosts),
    extractionHash,
    canonicals: new Set(),
    capReached: false,
  };
}
