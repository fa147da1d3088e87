import { z } from 'zod';
import { Provider, ProviderType } from '../provider.ts';

/** A provider with what its catalogue looks like, as advisers compare them. */
export const ProviderStatistics = Provider.extend({
  courseCount: z.number().int(),
  medianCost: z.number().nullable().describe('median cost of the priced courses, in the reference currency'),
  fields: z.record(z.string(), z.number().int()).describe('broad ISCED-F fields with how many courses each'),
  modes: z.record(z.string(), z.number().int()),
  completeness: z.number().int().nullable().describe('mean critical-information completeness, 0–100'),
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
