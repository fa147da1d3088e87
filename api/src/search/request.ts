import type { MultiSearchParams } from 'meilisearch';
import { dayNumber, type SearchDocument } from '@shortlist/indexer';
import { FACET_NAMES, type FacetName, type SearchParams } from '@shortlist/schemas';
import { facetSource } from './facets.ts';
import { filterClauses } from './filter.ts';

const SORTS: Record<SearchParams['sort'], string[] | undefined> = {
  relevance: undefined,
  'cost:asc': ['costReference:asc'],
  'cost:desc': ['costReference:desc'],
  'costPerHour:asc': ['costPerHour:asc'],
  'duration:asc': ['maxWeeks:asc'],
  'duration:desc': ['maxWeeks:desc'],
  'completeness:desc': ['completeness:desc'],
  'start:asc': ['nextStartDay:asc'],
  newest: ['firstSeen:desc'],
};

/** What a result card needs from a search document; nothing else crosses the wire. */
export const HIT_ATTRIBUTES = [
  'id',
  'title',
  'summary',
  'url',
  'providerId',
  'providerName',
  'providerType',
  'providerCountry',
  'fieldCodes',
  'mode',
  'pacing',
  'minWeeks',
  'maxWeeks',
  'durationStated',
  'hoursPerWeekMax',
  'totalHoursMax',
  'costAmount',
  'costCurrency',
  'costReference',
  'costPerHour',
  'freeClass',
  'levelEqf',
  'levelLabel',
  'credentialType',
  'creditValue',
  'creditSystem',
  'stackable',
  'country',
  'region',
  'city',
  'languages',
  'startDates',
  'completeness',
  'completenessMissing',
] as const satisfies readonly (keyof SearchDocument)[];
export type HitDocument = Pick<SearchDocument, (typeof HIT_ATTRIBUTES)[number]>;

export interface SearchPlan {
  /** the one Meilisearch multi-search request */
  request: MultiSearchParams;
  /** which query of the request counts each facet */
  facetQuery: Record<FacetName, number>;
}

/**
 * The Meilisearch request a search makes, from validated parameters: one multi-search holding the main query and,
 * for each facet with chosen values, a query without that facet's own filter that counts its values (so choosing
 * "online" leaves the other modes' counts as they were). `npm run bench:api` sends this same request straight to
 * Meilisearch, so what it compares cannot drift from what the API does.
 */
export function planSearch(params: SearchParams, indexUid: string, today: Date): SearchPlan {
  const clauses = filterClauses(params, dayNumber(today));
  const chosen = new Set(clauses.flatMap((clause) => (clause.facet ? [clause.facet] : [])));
  const facetQuery = {} as Record<FacetName, number>;
  const main = {
    indexUid,
    q: params.q,
    filter: clauses.map((clause) => clause.clause),
    facets: FACET_NAMES.filter((name) => !chosen.has(name)).map((name) => {
      facetQuery[name] = 0;
      return facetSource(name, params).attribute;
    }),
    page: params.page,
    hitsPerPage: params.perPage,
    sort: SORTS[params.sort],
    attributesToRetrieve: [...HIT_ATTRIBUTES],
    // where the words matched, as UTF-8 byte ranges: far smaller than `_formatted`, a second copy of every hit
    showMatchesPosition: true,
  };
  const counts = [...chosen].map((name, n) => {
    facetQuery[name] = n + 1;
    return {
      indexUid,
      q: params.q,
      filter: clauses.filter((clause) => clause.facet !== name).map((clause) => clause.clause),
      facets: [facetSource(name, params).attribute],
      limit: 0,
    };
  });
  return { request: { queries: [main, ...counts] }, facetQuery };
}
