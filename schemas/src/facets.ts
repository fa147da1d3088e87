/**
 * The facets a search answers with, in the order the search page lists them. Free of zod so that the web
 * imports it (`@shortlist/schemas/facets`) without zod in its bundle.
 */
export const FACET_NAMES = [
  'field',
  'mode',
  'pacing',
  'level',
  'credential',
  'language',
  'freeClass',
  'providerType',
  'city',
] as const;
