import { z } from 'zod';
import { DeliveryMode } from './course.ts';

const boolean = z.enum(['true', 'false']).transform((value) => value === 'true');

export const SearchSort = z.enum([
  'relevance',
  'cost:asc',
  'cost:desc',
  'duration:asc',
  'duration:desc',
  'completeness:desc',
]);

/** Query parameters of GET /v1/search, as strings from the URL. */
export const SearchParams = z
  .object({
    q: z.string().max(200, 'at most 200 characters').default(''),
    field: z
      .string()
      .regex(/^\d{2,4}$/, 'an ISCED-F 2013 code such as "06" or "0613"')
      .optional(),
    mode: DeliveryMode.optional(),
    maxWeeks: z.coerce.number().positive('a number of weeks greater than 0').optional(),
    maxCost: z.coerce.number().nonnegative('an amount of 0 or more').optional(),
    currency: z
      .string()
      .regex(/^[A-Z]{3}$/, 'an ISO 4217 code such as "EUR"')
      .optional(),
    free: boolean.optional(),
    provider: z.string().optional(),
    page: z.coerce.number().int().min(1, 'a whole number from 1').default(1),
    perPage: z.coerce.number().int().min(1).max(100, 'at most 100').default(20),
    sort: SearchSort.default('relevance'),
  })
  .strict();
export type SearchParams = z.infer<typeof SearchParams>;
