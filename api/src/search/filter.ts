import { toReferenceCurrency, type FacetName, type SearchParams } from '@shortlist/schemas';

/** A string value as a Meilisearch filter literal: always quoted, quotes and backslashes escaped. */
export function quote(value: string): string {
  return `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

/** One condition of a search, and the facet it chooses values of (null for every other parameter). */
export interface FilterClause {
  facet: FacetName | null;
  clause: string;
}

const anyOf = (attribute: string, values: readonly string[]) =>
  `${attribute} IN [${values.map(quote).join(', ')}]`;

/** The facets that are also multi-select parameters, and the attribute each filters. */
const FACET_FILTERS = {
  field: 'fields',
  mode: 'mode',
  pacing: 'pacing',
  level: 'levelLabel',
  credential: 'credentialType',
  language: 'languages',
  freeClass: 'freeClass',
  providerType: 'providerType',
  city: 'city',
} as const satisfies Record<FacetName, string>;

/** Other multi-select parameters. */
const LIST_FILTERS = {
  country: 'country',
  region: 'region',
  provider: 'providerId',
  creditSystem: 'creditSystem',
} as const;

/** Bounds: a course's whole range lies within them (`maxWeeks=8`: it lasts at most 8 weeks). */
const BOUNDS = [
  ['minWeeks', 'minWeeks >='],
  ['maxWeeks', 'maxWeeks <='],
  ['minHoursPerWeek', 'hoursPerWeekMin >='],
  ['maxHoursPerWeek', 'hoursPerWeekMax <='],
  ['minTotalHours', 'totalHoursMin >='],
  ['maxTotalHours', 'totalHoursMax <='],
  ['minCredits', 'creditValue >='],
  ['maxCredits', 'creditValue <='],
  ['minCompleteness', 'completeness >='],
  ['eqf', 'levelEqf ='],
] as const;

const DAY_MS = 86_400_000;
const dayOf = (date: string) => Date.parse(`${date}T00:00:00Z`) / DAY_MS;

/** The start-date window: on or after `startsAfter` and today (with `startsWithinDays`), on or before the rest. */
function startWindow(params: SearchParams, today: number): string | null {
  const from = Math.max(
    params.startsAfter ? dayOf(params.startsAfter) : -Infinity,
    params.startsWithinDays ? today : -Infinity,
  );
  const to = Math.min(
    params.startsBefore ? dayOf(params.startsBefore) : Infinity,
    params.startsWithinDays ? today + params.startsWithinDays : Infinity,
  );
  if (from === -Infinity && to === Infinity) return null;
  // no day number is below 0: a window that cannot hold a day matches no course
  if (from > to) return 'startDays < 0';
  if (to === Infinity) return `startDays >= ${from}`;
  if (from === -Infinity) return `startDays <= ${to}`;
  return `startDays ${from} TO ${to}`;
}

/**
 * The Meilisearch filter of a search, from validated parameters: only allow-listed attributes, every string quoted,
 * every number a checked finite value. `today` is a day number (days since 1970-01-01 UTC).
 */
export function filterClauses(params: SearchParams, today: number): FilterClause[] {
  const clauses: FilterClause[] = [];
  for (const [facet, attribute] of Object.entries(FACET_FILTERS) as [FacetName, string][]) {
    const values = params[facet];
    if (values) clauses.push({ facet, clause: anyOf(attribute, values) });
  }
  const other = (clause: string) => clauses.push({ facet: null, clause });
  for (const [name, attribute] of Object.entries(LIST_FILTERS) as [keyof typeof LIST_FILTERS, string][]) {
    const values = params[name];
    if (values) other(anyOf(attribute, values));
  }
  for (const [name, condition] of BOUNDS) {
    const value = params[name];
    if (value !== undefined) other(`${condition} ${value}`);
  }
  if (params.free !== undefined) other(`free = ${params.free}`);
  if (params.stackable !== undefined) other(`stackable = ${params.stackable}`);
  for (const [name, operator] of [
    ['minCost', '>='],
    ['maxCost', '<='],
  ] as const) {
    const amount = params[name];
    // the schema accepts only currencies in the rate table
    const reference = amount === undefined ? null : toReferenceCurrency(amount, params.currency);
    if (reference) other(`costReference ${operator} ${reference.amount}`);
  }
  const window = startWindow(params, today);
  if (window) other(window);
  return clauses;
}
