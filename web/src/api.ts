// The API's shapes come from its zod schemas, as types only: the pages talk to the API over HTTP alone.
export type {
  Comparison,
  CourseComparison,
  CourseDetail,
  Facet,
  FacetName,
  FieldTree,
  ProviderComparison,
  ProviderList,
  ProviderPage,
  ProviderStatistics,
  SearchHit,
  SearchResponse,
} from '@shortlist/schemas/api';

/** The facets the search page lists, in order (one list, shared with the API). */
export { FACET_NAMES } from '@shortlist/schemas/facets';

export class ApiError extends Error {}

export async function getJson<T>(path: string, signal?: AbortSignal): Promise<T> {
  const response = await fetch(path, { headers: { accept: 'application/json' }, signal });
  const body = (await response.json()) as T & { error?: { message: string } };
  if (!response.ok) throw new ApiError(body.error?.message ?? `request failed with ${response.status}`);
  return body;
}
