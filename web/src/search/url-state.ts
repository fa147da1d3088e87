import { FACET_NAMES, type FacetName } from '../api.ts';

/** Every parameter the search page keeps in its URL: the URL is the whole state, so it can be shared. */
export const RANGES = [
  'minWeeks',
  'maxWeeks',
  'minCost',
  'maxCost',
  'minHoursPerWeek',
  'maxHoursPerWeek',
  'minTotalHours',
  'maxTotalHours',
  'startsAfter',
  'startsBefore',
] as const;
export const PARAMS = [
  'q',
  ...FACET_NAMES,
  ...RANGES,
  'currency',
  'free',
  'minCompleteness',
  'sort',
  'page',
] as const;
export type Param = (typeof PARAMS)[number];
export type Changes = Partial<Record<Param, string | null>>;

export const searchState = () => new URLSearchParams(location.search);

/** The page's state as the API's search parameters (the page's own, and nothing else). */
export function apiParams(state = searchState()): URLSearchParams {
  const params = new URLSearchParams(
    [...state].filter(([name, value]) => value && (PARAMS as readonly string[]).includes(name)),
  );
  if (!params.get('minCost') && !params.get('maxCost')) params.delete('currency');
  return params;
}

/** The state with these changes; any change but paging starts again from page 1. */
export function changed(changes: Changes, state = searchState()): URLSearchParams {
  const params = new URLSearchParams(state);
  for (const [name, value] of Object.entries(changes)) {
    if (value) params.set(name, value);
    else params.delete(name);
  }
  if (!('page' in changes)) params.delete('page');
  return params;
}

/** The values chosen in a facet: several may be, comma-separated (`mode=online,blended`). */
export const chosen = (name: FacetName, state = searchState()) =>
  (state.get(name) ?? '').split(',').filter(Boolean);

/** A facet's choices with this value added, or taken away. */
export function toggled(name: FacetName, value: string, state = searchState()): string | null {
  const values = chosen(name, state);
  const next = values.includes(value) ? values.filter((other) => other !== value) : [...values, value];
  return next.join(',') || null;
}

/** True when nothing is searched or filtered: the page shows the browse view. */
export const isLanding = (state = searchState()) => apiParams(state).size === 0;
