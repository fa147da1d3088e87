import { Hono } from 'hono';
import { RATES_DATE, REFERENCE_CURRENCY, SearchParams } from '@shortlist/schemas';
import type { SearchDocument, SearchIndex } from '@shortlist/indexer';
import { apiError } from '../errors.ts';
import { facetValues } from './facets.ts';
import { searchRequest } from './request.ts';

export function parseSearchParams(query: Record<string, string>): SearchParams {
  const parsed = SearchParams.safeParse(query);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0]!;
  if (issue.code === 'unrecognized_keys') {
    const [key] = issue.keys;
    throw apiError(
      400,
      `unknown parameter "${key}"; see /openapi.json for the parameters of /v1/search`,
      key,
    );
  }
  const parameter = String(issue.path[0]);
  throw apiError(400, `invalid value for "${parameter}": ${issue.message}`, parameter);
}

/** The public shape of one search result. */
export function toHit(doc: SearchDocument) {
  return {
    id: doc.id,
    title: doc.title,
    summary: doc.summary,
    url: doc.url,
    provider: {
      id: doc.providerId,
      name: doc.providerName,
      type: doc.providerType,
      country: doc.providerCountry,
    },
    fields: doc.fieldCodes,
    deliveryMode: doc.mode,
    pacing: doc.pacing,
    duration: { minWeeks: doc.minWeeks, maxWeeks: doc.maxWeeks },
    workload: { hoursPerWeekMax: doc.hoursPerWeekMax, totalHoursMax: doc.totalHoursMax },
    cost: {
      amount: doc.costAmount,
      currency: doc.costCurrency,
      freeClass: doc.freeClass,
      reference:
        doc.costReference === null ? null : { amount: doc.costReference, currency: REFERENCE_CURRENCY },
    },
    level: { eqf: doc.levelEqf, label: doc.levelLabel },
    credential: doc.credentialType,
    credit: { value: doc.creditValue, system: doc.creditSystem },
    languages: doc.languages,
    startDates: doc.startDates,
    completeness: { score: doc.completeness, missing: doc.completenessMissing },
  };
}

export function searchRoutes(index: SearchIndex) {
  return new Hono().get('/', async (c) => {
    const params = parseSearchParams(c.req.query());
    const request = searchRequest(params, index.uid);
    const { results } = await index.client.multiSearch<typeof request, SearchDocument>(request);
    const result = results[0]!;
    return c.json({
      total: result.totalHits ?? 0,
      page: result.page ?? params.page,
      perPage: result.hitsPerPage ?? params.perPage,
      hits: result.hits.map(toHit),
      facets: facetValues(result.facetDistribution, params),
      rates: { referenceCurrency: REFERENCE_CURRENCY, date: RATES_DATE },
    });
  });
}
