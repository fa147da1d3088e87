import type { Settings } from 'meilisearch';

export const COURSES_INDEX = 'courses';
export const PROVIDERS_INDEX = 'providers';

export const PROVIDER_INDEX_SETTINGS: Settings = {
  searchableAttributes: ['name', 'country'],
  filterableAttributes: ['type', 'country'],
  sortableAttributes: ['courseCount', 'medianCost', 'completeness', 'name'],
};

/** How far the course index counts: the API reads these from the index it searches, so they cannot disagree. */
export interface CountLimits {
  /** the most values a facet lists; the index returns one more, so that the API can say when more exist */
  facetValues: number;
  /** searches count their matches exactly up to this many; past it the API marks its total as a lower bound */
  exactTotalUpTo: number;
}

export const COUNT_LIMITS: CountLimits = { facetValues: 100, exactTotalUpTo: 1_000_000 };

/** The one place that decides how courses are searched, filtered and sorted. */
export const courseIndexSettings = ({
  facetValues,
  exactTotalUpTo,
}: CountLimits = COUNT_LIMITS): Settings => ({
  searchableAttributes: ['title', 'skills', 'keywords', 'providerName', 'summary', 'learningOutcomes'],
  displayedAttributes: ['*'],
  filterableAttributes: [
    'fields',
    'broadFields',
    'narrowFields',
    'detailedFields',
    'mode',
    'pacing',
    'minWeeks',
    'maxWeeks',
    'hoursPerWeekMin',
    'hoursPerWeekMax',
    'totalHoursMin',
    'totalHoursMax',
    'costReference',
    'costCurrency',
    'freeClass',
    'free',
    'levelEqf',
    'levelLabel',
    'languages',
    'baseLanguages',
    'creditValue',
    'creditSystem',
    'stackable',
    'credentialType',
    'country',
    'region',
    'city',
    'startDays',
    'providerId',
    'providerType',
    'completeness',
  ],
  sortableAttributes: [
    'costReference',
    'costPerHour',
    'maxWeeks',
    'minWeeks',
    'completeness',
    'totalHoursMax',
    'nextStartDay',
    'firstSeen',
    'changed',
    'title',
  ],
  // sorted by count, so that the values a facet lists are its largest; one more than listed says more exist
  faceting: { maxValuesPerFacet: facetValues + 1, sortFacetValuesBy: { '*': 'count' } },
  // exhaustive counts (page/hitsPerPage) are capped by this; how deep a search can page is capped by the API
  pagination: { maxTotalHits: exactTotalUpTo },
  // Codes (ISCED-F, EQF, years) must match exactly.
  typoTolerance: { disableOnNumbers: true },
  synonyms: synonymGroups([
    ['ai', 'artificial intelligence'],
    ['ml', 'machine learning'],
    ['cyber', 'cybersecurity', 'cyber security', 'information security', 'infosec'],
    ['ux', 'user experience'],
    ['ui', 'user interface'],
    ['pm', 'project management'],
    ['data analytics', 'data analysis'],
    ['hr', 'human resources'],
    ['bi', 'business intelligence'],
    ['devops', 'dev ops'],
    ['nlp', 'natural language processing'],
    ['seo', 'search engine optimisation', 'search engine optimization'],
  ]),
});

/** Every word in a group stands for every other. */
function synonymGroups(groups: string[][]): Record<string, string[]> {
  const synonyms: Record<string, string[]> = {};
  for (const group of groups)
    for (const word of group) synonyms[word] = group.filter((other) => other !== word);
  return synonyms;
}
