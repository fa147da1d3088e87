import { createRoute } from '@hono/zod-openapi';
import { meiliApiError, type SearchIndex } from '@shortlist/indexer';
import {
  FACET_NAMES,
  RATES_DATE,
  REFERENCE_CURRENCY,
  RESULTS_REACHABLE,
  SearchParams,
  SearchResponse,
  type Facet,
  type FacetName,
} from '@shortlist/schemas';
import { apiError, invalidInput } from '../errors.ts';
import { apiRoutes, errorResponses } from '../declared-routes.ts';
import { facetFrom, facetSource } from './facets.ts';
import { toHit } from './hit.ts';
import { planSearch, type HitDocument } from './request.ts';

const route = createRoute({
  method: 'get',
  path: '/',
  summary: 'Search courses with filters, multi-select facets and sorts',
  request: { query: SearchParams },
  responses: {
    200: { description: 'Matching courses', content: { 'application/json': { schema: SearchResponse } } },
    ...errorResponses(400, 503),
  },
});

/** Validates search parameters outside a request, as the route does (`npm run bench:api` builds its requests so). */
export function parseSearchParams(query: Record<string, string | string[]>): SearchParams {
  const parsed = SearchParams.safeParse(query);
  if (parsed.success) return parsed.data;
  throw invalidInput(parsed.error, query);
}

/** Meilisearch refusing a search it was sent (a filter or parameter it cannot parse) is a 400, never a 500. */
export function refusedSearch(error: unknown) {
  const { code, message } = meiliApiError(error)?.cause ?? {};
  if (!code || !/^invalid_(multi_)?search_/.test(code)) return null;
  return apiError(400, `the search could not be run as asked: ${message ?? code}`);
}

/** `now`: the clock that "starts within N days" counts from (tests set it). */
export function searchRoutes(index: SearchIndex, now: () => Date = () => new Date()) {
  return apiRoutes().openapi(route, async (c) => {
    const params = c.req.valid('query');
    const { request, facetQuery } = planSearch(params, index.uid, now());
    const { results } = await index.client
      .multiSearch<typeof request, HitDocument>(request)
      .catch((error: unknown) => {
        throw refusedSearch(error) ?? error;
      });
    const main = results[0]!;
    const total = main.totalHits ?? 0;
    const facets = Object.fromEntries(
      FACET_NAMES.map((name) => {
        const distribution = results[facetQuery[name]]?.facetDistribution;
        return [
          name,
          facetFrom(name, params, distribution?.[facetSource(name, params).attribute], index.limits),
        ];
      }),
    ) as Record<FacetName, Facet>;
    return c.json(
      {
        total,
        // Meilisearch counts exactly up to its maxTotalHits: a total that reaches it may be cut
        totalIsLowerBound: total >= index.limits.exactTotalUpTo,
        page: params.page,
        perPage: params.perPage,
        pages: Math.min(Math.ceil(total / params.perPage), Math.floor(RESULTS_REACHABLE / params.perPage)),
        hits: main.hits.map(toHit),
        facets,
        rates: { referenceCurrency: REFERENCE_CURRENCY, date: RATES_DATE },
      },
      200,
    );
  });
}
