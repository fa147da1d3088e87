import { z } from 'zod';
import { Provider, ProviderType } from '../provider.ts';
import { whole } from './search-params.ts';
import { SearchHit } from './search-response.ts';

/** How many of a provider's courses state one critical fact. */
export const CriticalFactShare = z.object({
  key: z.string().describe('the completeness element, e.g. learningOutcomes'),
  name: z.string().describe('its name as "missing" lists it, e.g. learning outcomes'),
  share: z.number().min(0).max(1).describe('the share of the courses that state it, 0–1'),
});
export type CriticalFactShare = z.infer<typeof CriticalFactShare>;

/** A provider with what its catalogue looks like, as advisers compare them. */
export const ProviderStatistics = Provider.extend({
  courseCount: z.number().int().describe('active courses'),
  pricedCourses: z.number().int().describe('courses whose cost is known in the reference currency'),
  medianCost: z.number().nullable().describe('median cost of the priced courses, in the reference currency'),
  fields: z.record(z.string(), z.number().int()).describe('broad ISCED-F fields with how many courses each'),
  modes: z.record(z.string(), z.number().int()).describe('delivery modes with how many courses each'),
  levels: z.record(z.string(), z.number().int()).describe('levels with how many courses each'),
  completeness: z
    .number()
    .nullable()
    .describe('median critical-information completeness of the courses, 0–100'),
  criticalFacts: z
    .array(CriticalFactShare)
    .describe('each critical fact, with the share of courses stating it'),
}).meta({ id: 'ProviderStatistics' });
export type ProviderStatistics = z.infer<typeof ProviderStatistics>;

/** Query parameters of GET /v1/providers. */
export const ProviderParams = z
  .object({
    q: z.string().max(200, 'at most 200 characters').default(''),
    type: ProviderType.optional(),
    country: z
      .string()
      .regex(/^[A-Z]{2}$/, 'an ISO 3166-1 alpha-2 code such as "GB"')
      .optional(),
    sort: z.enum(['name', 'courseCount:desc', 'medianCost:asc', 'completeness:desc']).default('name'),
  })
  .strict();
export type ProviderParams = z.infer<typeof ProviderParams>;

export const ProviderList = z
  .object({ total: z.number().int(), providers: z.array(ProviderStatistics) })
  .meta({ id: 'ProviderList' });
export type ProviderList = z.infer<typeof ProviderList>;

/** Query parameters of GET /v1/providers/{id}: which page of its courses. */
export const ProviderPageParams = z
  .object({
    page: whole(1, 500, 'a page number').default(1),
    perPage: whole(1, 100, 'courses per page').default(20),
  })
  .strict();

/** GET /v1/providers/{id}: the provider, its statistics and a page of its courses, by title. */
export const ProviderPage = ProviderStatistics.extend({
  courses: z.object({
    total: z.number().int(),
    page: z.number().int(),
    perPage: z.number().int(),
    hits: z.array(SearchHit),
  }),
  rates: z.object({ referenceCurrency: z.string(), date: z.string() }),
}).meta({ id: 'ProviderPage' });
export type ProviderPage = z.infer<typeof ProviderPage>;
