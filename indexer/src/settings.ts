import type { Settings } from 'meilisearch';

export const COURSES_INDEX = 'courses';

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
    'credentialType',
    'country',
    'providerId',
    'providerType',
    'completeness',
  ],
  sortableAttributes: ['costReference', 'maxWeeks', 'minWeeks', 'completeness', 'totalHoursMax', 'title'],
  faceting: { maxValuesPerFacet: 200 },
  pagination: { maxTotalHits: 10_000 },
  typoTolerance: { disableOnAttributes: ['fields', 'fieldCodes'] },
};
