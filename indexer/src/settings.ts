import type { Settings } from 'meilisearch';

export const COURSES_INDEX = 'courses';
export const PROVIDERS_INDEX = 'providers';

export const PROVIDER_INDEX_SETTINGS: Settings = {
  searchableAttributes: ['name', 'country'],
  filterableAttributes: ['type', 'country'],
  sortableAttributes: ['courseCount', 'medianCost', 'completeness', 'name'],
};

/** The one place that decides how courses are searched, filtered and sorted. */
export const COURSE_INDEX_SETTINGS: Settings = {
  searchableAttributes: ['title', 'skills', 'keywords', 'providerName', 'summary', 'learningOutcomes'],
  displayedAttributes: ['*'],
  filterableAttributes: [
    'fields',
    'mode',
    'pacing',
    'minWeeks',
    'maxWeeks',
    'hoursPerWeekMax',
    'totalHoursMax',
    'costReference',
    'costCurrency',
    'freeClass',
    'free',
    'levelEqf',
    'levelLabel',
    'languages',
    'creditValue',
    'credentialType',
    'country',
    'providerId',
    'providerType',
    'completeness',
  ],
  sortableAttributes: ['costReference', 'maxWeeks', 'minWeeks', 'completeness', 'totalHoursMax', 'title'],
  faceting: { maxValuesPerFacet: 200 },
  pagination: { maxTotalHits: 10_000 },
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
};

/** Every word in a group stands for every other. */
function synonymGroups(groups: string[][]): Record<string, string[]> {
  const synonyms: Record<string, string[]> = {};
  for (const group of groups)
    for (const word of group) synonyms[word] = group.filter((other) => other !== word);
  return synonyms;
}
