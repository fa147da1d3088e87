import { Hono } from 'hono';
import type { CrawlReport } from '@shortlist/crawler';
import type { CatalogueStore } from '@shortlist/indexer';
import { apiError } from '../errors.ts';

const MAX_LIMIT = 100;

/** GET /v1/crawls[?source=ID][&limit=N]: the latest crawl reports, newest first. */
export function crawlRoutes(store: CatalogueStore) {
  return new Hono().get('/', (c) => {
    const source = c.req.query('source');
    const limitText = c.req.query('limit') ?? '20';
    const limit = Number(limitText);
    if (!Number.isInteger(limit) || limit < 1 || limit > MAX_LIMIT)
      throw apiError(400, `limit must be a whole number from 1 to ${MAX_LIMIT}, not "${limitText}"`, 'limit');
    return c.json({ crawls: store.recentCrawls(limit, source) as CrawlReport[] });
  });
}
