import { z } from 'zod';
import { CredentialType, DeliveryMode, FreeClass, LevelLabel, Pacing } from '../course.ts';
import { ProviderType } from '../provider.ts';

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
    pacing: Pacing.optional(),
    level: LevelLabel.optional(),
    eqf: z.coerce
      .number()
      .int()
      .min(1, 'an EQF level from 1 to 8')
      .max(8, 'an EQF level from 1 to 8')
      .optional(),
    credential: CredentialType.optional(),
    language: z
      .string()
      .regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})?$/, 'a BCP 47 language code such as "en" or "pt-BR"')
      .optional(),
    country: z
      .string()
      .regex(/^[A-Z]{2}$/, 'an ISO 3166-1 alpha-2 code such as "GB"')
      .optional(),
    providerType: ProviderType.optional(),
    freeClass: FreeClass.optional(),
    maxHoursPerWeek: z.coerce.number().positive('a number of hours greater than 0').optional(),
    maxTotalHours: z.coerce.number().positive('a number of hours greater than 0').optional(),
    minCredits: z.coerce.number().nonnegative('a number of credits of 0 or more').optional(),
    minCompleteness: z.coerce
      .number()
      .min(0, 'a score from 0 to 100')
      .max(100, 'a score from 0 to 100')
      .optional(),
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
