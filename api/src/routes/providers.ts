import { createRoute, z } from '@hono/zod-openapi';
import type { CatalogueStore, ProviderDocument, SearchIndex } from '@shortlist/indexer';
import {
  ProviderList,
  ProviderPage,
  ProviderPageParams,
  ProviderParams,
  RATES_DATE,
  REFERENCE_CURRENCY,
} from '@shortlist/schemas';
import { apiError } from '../errors.ts';
import { apiRoutes, errorResponses } from '../declared-routes.ts';
import { quote } from '../search/filter.ts';
import { toHit } from '../search/hit.ts';
import { HIT_ATTRIBUTES, type HitDocument } from '../search/request.ts';

const list = createRoute({
  method: 'get',
  path: '/',
  summary: 'Providers with course count, median cost, fields, modes, levels and completeness',
  request: { query: ProviderParams },
  responses: {
    200: { description: 'The providers', content: { 'application/json': { schema: ProviderList } } },
    ...errorResponses(400, 503),
  },
});

const one = createRoute({
  method: 'get',
  path: '/{id}',
  summary: 'One provider: its statistics and a page of its courses, by title',
  request: { params: z.object({ id: z.string().max(200) }), query: ProviderPageParams },
  responses: {
    200: { description: 'The provider', content: { 'application/json': { schema: ProviderPage } } },
    ...errorResponses(400, 404, 503),
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
    .openapi(one, async (c) => {
      const { id } = c.req.valid('param');
      const { page, perPage } = c.req.valid('query');
      const provider = store.getProvider(id);
      if (!provider) throw apiError(404, `no provider with id "${id}"; ids come from /v1/providers`, 'id');
      const [[statistics], courses] = await Promise.all([
        index.providerStatistics([provider]),
        index.client.index<HitDocument>(index.uid).search('', {
          filter: [`providerId = ${quote(id)}`],
          sort: ['title:asc'],
          attributesToRetrieve: [...HIT_ATTRIBUTES],
          page,
          hitsPerPage: perPage,
        }),
      ]);
      return c.json(
        {
          ...statistics!,
          courses: {
            total: courses.totalHits ?? 0,
            page,
            perPage,
            hits: courses.hits.map((hit) => toHit(hit)),
          },
          rates: { referenceCurrency: REFERENCE_CURRENCY, date: RATES_DATE },
        },
        200,
      );
    });
}
