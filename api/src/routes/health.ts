import { createRoute } from '@hono/zod-openapi';
import type { CatalogueStore, SearchIndex } from '@shortlist/indexer';
import { Health } from '@shortlist/schemas';
import { apiRoutes } from '../declared-routes.ts';

const content = { 'application/json': { schema: Health } };
const route = createRoute({
  method: 'get',
  path: '/health',
  summary: 'Catalogue size and search availability',
  responses: {
    200: { description: 'Search answers', content },
    503: { description: 'Search does not answer; the catalogue is kept', content },
  },
});

export function healthRoutes(store: CatalogueStore, index: SearchIndex) {
  return apiRoutes().openapi(route, async (c) => {
    const search = await index.client.health().then(
      () => 'available' as const,
      () => 'unavailable' as const,
    );
    const status = search === 'available' ? ('ok' as const) : ('degraded' as const);
    const body = { status, courses: store.countCourses(), search };
    return search === 'available' ? c.json(body, 200) : c.json(body, 503);
  });
}
