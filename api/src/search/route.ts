import { createRoute } from '@hono/zod-openapi';
import { RATES_DATE, REFERENCE_CURRENCY, SearchParams, SearchResponse } from '@shortlist/schemas';
import type { SearchDocument, SearchIndex } from '@shortlist/indexer';
import { apiRoutes, errorResponses, invalidInput } from '../errors.ts';
import { facetValues } from './facets.ts';
import { toHit } from './hit.ts';
import { searchRequest } from './request.ts';

const route = createRoute({
  method: 'get',
  path: '/',
  summary: 'Search courses with filters and facets',
  request: { query: SearchParams },
  responses: {
    200: { description: 'Matching courses', content: { 'application/json': { schema: SearchResponse } } },
    ...errorResponses(400),
  },
});

/** Validates search parameters outside a request, as the route does (`npm run bench:api` builds its requests so). */
export function parseSearchParams(query: Record<string, string | string[]>): SearchParams {
  const parsed = SearchParams.safeParse(query);
  if (parsed.success) return parsed.data;
  throw invalidInput(parsed.error, query);
}

export function searchRoutes(index: SearchIndex) {
  return apiRoutes().openapi(route, async (c) => {
    const params = c.req.valid('query');
    const request = searchRequest(params, index.uid);
    const { results } = await index.client.multiSearch<typeof request, SearchDocument>(request);
    const result = results[0]!;
    return c.json(
      {
        total: result.totalHits ?? 0,
        page: result.page ?? params.page,
        perPage: result.hitsPerPage ?? params.perPage,
        hits: result.hits.map(toHit),
        facets: facetValues(result.facetDistribution, params),
        rates: { referenceCurrency: REFERENCE_CURRENCY, date: RATES_DATE },
      },
      200,
    );
  });
}
