import { createRoute, z } from '@hono/zod-openapi';
import {
  providerDocuments,
  type CatalogueStore,
  type ProviderDocument,
  type SearchIndex,
} from '@shortlist/indexer';
import { ProviderList, ProviderParams, ProviderStatistics } from '@shortlist/schemas';
import { apiError } from '../errors.ts';
import { apiRoutes, errorResponses } from '../declared-routes.ts';
import { quote } from '../search/filter.ts';

const list = createRoute({
  method: 'get',
  path: '/',
  summary: 'Providers with course count, median cost, fields, modes and completeness',
  request: { query: ProviderParams },
  responses: {
    200: { description: 'The providers', content: { 'application/json': { schema: ProviderList } } },
    ...errorResponses(400),
  },
});

const one = createRoute({
  method: 'get',
  path: '/{id}',
  summary: 'One provider with its statistics',
  request: { params: z.object({ id: z.string().max(200) }) },
  responses: {
    200: { description: 'The provider', content: { 'application/json': { schema: ProviderStatistics } } },
    ...errorResponses(404),
  },
});

/** Providers with the statistics advisers compare: course count, median cost, fields, modes, completeness. */
export function providerRoutes(store: CatalogueStore, index: SearchIndex) {
  return apiRoutes()
    .openapi(list, async (c) => {
      const params = c.req.valid('query');
      const filter = [
        params.type && `type = ${quote(params.type)}`,
        params.country && `country = ${quote(params.country)}`,
      ].filter((clause): clause is string => Boolean(clause));
      const result = await index.client.index<ProviderDocument>(index.providersUid).search(params.q, {
        filter,
        sort: [params.sort === 'name' ? 'name:asc' : params.sort],
        limit: 1000,
      });
      return c.json({ total: result.estimatedTotalHits, providers: result.hits }, 200);
    })
    .openapi(one, (c) => {
      const { id } = c.req.valid('param');
      const provider = store.getProvider(id);
      if (!provider) throw apiError(404, `no provider with id "${id}"; ids come from /v1/providers`, 'id');
      return c.json(providerDocuments(store, [provider])[0]!, 200);
    });
}
