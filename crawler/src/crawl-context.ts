import { createHash } from 'node:crypto';
import type { Source } from '@shortlist/schemas';
import { LinkJudge } from './discovery/link-judge.ts';
import { productToken, type Manners, type PoliteRequest } from './fetch/polite-fetch.ts';
import type { CrawlJournal } from './crawl-journal.ts';
import type { PageReaders } from './reading/page-readers.ts';
import type { CrawlReport } from './report.ts';
import type { CrawlSink } from './sink.ts';

/** Bump when extraction or normalisation changes enough that unchanged pages must be read again. */
const EXTRACTION_VERSION = 3;

/** Everything the route handlers of one source's crawl share. */
export interface CrawlContext {
  source: Source;
  sink: CrawlSink;
  report: CrawlReport;
  manners: Manners;
  /** where queued and finished requests are written down so a killed crawl resumes; null in memory */
  journal: CrawlJournal | null;
  /** worker threads that parse pages and read their courses */
  readers: PageReaders;
  /** user agent, delay, timeout and size cap for this source */
  request: PoliteRequest;
  productToken: string;
  /** which links to follow; page links are judged again in the reading worker, which has a judge of its own */
  links: LinkJudge;
  /** names this source config in the page readers */
  sourceKey: string;
  /** prefixes page content hashes: a new selector map or extractor re-reads pages whose bytes did not change */
  extractionHash: string;
  /** unique keys this process has put in the queue */
  queued: Set<string>;
  /** canonical URLs whose courses this crawl has already stored */
  canonicals: Set<string>;
  /** set when the page cap stopped the crawl from following every link */
  capReached: boolean;
  afterPage(): void;
}

export function createCrawlContext(
  source: Source,
  options: Pick<
    CrawlContext,
    'sink' | 'report' | 'journal' | 'manners' | 'readers' | 'request' | 'afterPage'
  >,
): CrawlContext {
  const extractionHash = createHash('sha256')
    .update(JSON.stringify([EXTRACTION_VERSION, source.id, source.country, source.extraction]))
    .digest('hex')
    .slice(0, 12);
  const sourceKey = createHash('sha256').update(JSON.stringify(source)).digest('hex').slice(0, 16);
  return {
    ...options,
    sourceKey,
    source,
    productToken: productToken(options.request.userAgent),
    links: new LinkJudge(source),
    extractionHash,
    queued: new Set(),
    canonicals: new Set(),
    capReached: false,
  };
}
