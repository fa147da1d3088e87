import type { CrawlReport, CrawlSink } from '@shortlist/crawler';
import type { Source } from '@shortlist/schemas';

// What the server and its crawl process say to each other (crawl-process.ts, crawl-process-child.ts).

/** What the crawl process is asked to do. */
export type ToCrawlProcess =
  | { type: 'crawl'; run: number; source: Source; userAgent: string; storageDir: string }
  | { type: 'answer'; call: number; value?: unknown; error?: string };

/** What it says back: that it listens, a write for the catalogue, or how a crawl ended. */
export type FromCrawlProcess =
  | { type: 'ready' }
  | { type: 'sink'; call: number; method: SinkMethod; args: unknown[] }
  | { type: 'done'; run: number; report: CrawlReport }
  | { type: 'failed'; run: number; error: string };

export type SinkMethod = keyof CrawlSink;
