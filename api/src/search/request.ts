import type { MultiSearchParams } from 'meilisearch';
import type { SearchParams } from '@shortlist/schemas';
import { FACETS } from './facets.ts';
import { buildFilter } from './filter.ts';

const SORTS: Record<SearchParams['sort'], string[] | undefined> = {
  relevance: undefined,
  'cost:asc': ['costReference:asc'],
  'cost:desc': ['costReference:desc'],
  'duration:asc': ['maxWeeks:asc'],
  'duration:desc': ['maxWeeks:desc'],
  'completeness:desc': ['completeness:desc'],
};

/**
 * The one Meilisearch request a search makes, from validated parameters. `npm run bench:api` sends the same
 * request straight to Meilisearch, so what it compares cannot drift from what the API does.
 */
export function searchRequest(params: SearchParams, indexUid: string) {
  return {
    queries: [
      {
        indexUid,
        q: params.q,
        filter: buildFilter(params),
        facets: Object.values(FACETS),
        page: params.page,
        hitsPerPage: params.perPage,
        sort: SORTS[params.sort],
      },
    ],
  } satisfies MultiSearchParams;
}
