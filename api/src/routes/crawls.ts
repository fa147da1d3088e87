import { createRoute, type z } from '@hono/zod-openapi';
import type { CatalogueStore } from '@shortlist/indexer';
import { CrawlList, CrawlParams } from '@shortlist/schemas';
import { apiRoutes, errorResponses } from '../declared-routes.ts';

const route = createRoute({
  method: 'get',
  path: '/',
  summary: 'Recent crawl run reports, newest first',
  request: { query: CrawlParams },
  responses: {
    200: { description: 'Run reports', content: { 'application/json': { schema: CrawlList } } },
    ...errorResponses(400),
  },
});

/** GET /v1/crawls[?source=ID][&limit=N]: the latest crawl reports, newest first. */
export function crawlRoutes(store: CatalogueStore) {
  return apiRoutes().openapi(route, (c) => {
    const { source, limit } = c.req.valid('query');
    const crawls = store.recentCrawls(limit, source) as z.infer<typeof CrawlList>['crawls'];
    return c.json({ crawls }, 200);
  });
}
