import { z } from 'zod';
import { CreditSystem, CredentialType, DeliveryMode, FreeClass, LevelLabel, Pacing } from '../course.ts';
import { toReferenceCurrency } from '../normalise/rates.ts';
import { ProviderType } from '../provider.ts';

/** How far a search pages: the first this many results, in pages of `perPage`. */
export const RESULTS_REACHABLE = 10_000;
/** The most values one multi-select parameter takes. */
const MOST_VALUES = 20;

const boolean = z.enum(['true', 'false']).transform((value) => value === 'true');

/**
 * A comma-separated list (`mode=online,blended`): each item matches `item`, at most 20 items, repeats dropped.
 * Items never contain commas or control characters.
 */
function list(item: string, expected: string) {
  return z
    .string()
    .max(2000, 'at most 2,000 characters')
    .regex(
      new RegExp(`^(?:${item})(?:,(?:${item})){0,${MOST_VALUES - 1}}$`),
      `${expected}; several go comma-separated, at most ${MOST_VALUES}`,
    ) // prettier-ignore
    .transform((text) => [...new Set(text.split(','))])
    .meta({
      description: `${expected}; several go comma-separated (any of them matches), at most ${MOST_VALUES}`,
    });
}
const oneOf = (values: readonly string[]) => list(values.join('|'), `one of ${values.join(', ')}`);
const TEXT_ITEM = '[^,\\u0000-\\u001f\\u007f]{1,100}';

/** A number written in plain decimals (no exponent, sign or hex) within bounds: `maxWeeks=8`, `maxCost=450.50`. */
function decimal(min: number, max: number, what: string) {
  const expected = `${what} from ${min} to ${max.toLocaleString('en')}, written like 12 or 4.5`;
  return z
    .string()
    .regex(/^\d{1,9}(?:\.\d{1,4})?$/, expected)
    .transform(Number)
    .pipe(z.number().min(min, expected).max(max, expected))
    .meta({ description: expected });
}

/** A whole number written in plain digits, within bounds: pages, counts, days. */
export function whole(min: number, max: number, what: string) {
  const expected = `${what}: a whole number from ${min} to ${max.toLocaleString('en')}`;
  return z
    .string()
    .regex(/^\d{1,9}$/, expected)
    .transform(Number)
    .pipe(z.number().int().min(min, expected).max(max, expected))
    .meta({ description: expected });
}

/** A calendar date, YYYY-MM-DD, from 2000 to 2100. */
const date = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'a date written YYYY-MM-DD, such as 2027-01-15')
  .refine((text) => {
    const at = new Date(`${text}T00:00:00Z`);
    return !Number.isNaN(at.getTime()) && at.toISOString().startsWith(text);
  }, 'a real calendar date, written YYYY-MM-DD')
  .refine((text) => text >= '2000-01-01' && text <= '2100-12-31', 'a date from 2000-01-01 to 2100-12-31')
  .meta({
    description: 'a date written YYYY-MM-DD; a course matches when one of its start dates is in the window',
  });

export const SearchSort = z.enum([
  'relevance',
  'cost:asc',
  'cost:desc',
  'costPerHour:asc',
  'duration:asc',
  'duration:desc',
  'completeness:desc',
  'start:asc',
  'newest',
]);

const RANGES = [
  ['minWeeks', 'maxWeeks'],
  ['minHoursPerWeek', 'maxHoursPerWeek'],
  ['minTotalHours', 'maxTotalHours'],
  ['minCredits', 'maxCredits'],
  ['minCost', 'maxCost'],
  ['startsAfter', 'startsBefore'],
] as const;

/**
 * Query parameters of GET /v1/search, as strings from the URL. Lists are comma-separated and match any of their
 * values; different parameters must all match. Every number and size is bounded: anything else is a 400 that
 * names the parameter.
 */
export const SearchParams = z
  .object({
    q: z.string().max(200, 'at most 200 characters').default(''),
    field: list('\\d{2,4}', 'ISCED-F 2013 codes such as 06 or 0613').optional(),
    mode: oneOf(DeliveryMode.options).optional(),
    pacing: oneOf(Pacing.options).optional(),
    level: oneOf(LevelLabel.options).optional(),
    eqf: whole(1, 8, 'an EQF level').optional(),
    credential: oneOf(CredentialType.options).optional(),
    language: list(
      '[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})?',
      'BCP 47 language codes such as en or pt-BR',
    ).optional(),
    country: list('[A-Z]{2}', 'ISO 3166-1 alpha-2 codes such as GB').optional(),
    region: list(TEXT_ITEM, 'region names of up to 100 characters').optional(),
    city: list(TEXT_ITEM, 'city names of up to 100 characters').optional(),
    providerType: oneOf(ProviderType.options).optional(),
    provider: list('[a-z0-9][a-z0-9-]{1,62}', 'provider ids such as northbridge-university').optional(),
    freeClass: oneOf(FreeClass.options).optional(),
    free: boolean.optional(),
    creditSystem: oneOf(CreditSystem.options).optional(),
    stackable: boolean.optional(),
    minWeeks: decimal(0, 520, 'a number of weeks').optional(),
    maxWeeks: decimal(0, 520, 'a number of weeks').optional(),
    minHoursPerWeek: decimal(0, 168, 'a number of hours a week').optional(),
    maxHoursPerWeek: decimal(0, 168, 'a number of hours a week').optional(),
    minTotalHours: decimal(0, 100_000, 'a number of hours').optional(),
    maxTotalHours: decimal(0, 100_000, 'a number of hours').optional(),
    minCredits: decimal(0, 1000, 'a number of credits').optional(),
    maxCredits: decimal(0, 1000, 'a number of credits').optional(),
    minCompleteness: whole(0, 100, 'a completeness score').optional(),
    minCost: decimal(0, 1_000_000, 'an amount').optional(),
    maxCost: decimal(0, 1_000_000, 'an amount').optional(),
    currency: z
      .string()
      .regex(/^[A-Z]{3}$/, 'an ISO 4217 code such as EUR')
      .refine(
        (code) => toReferenceCurrency(1, code) !== null,
        'a currency in the exchange-rate table, such as EUR, USD or GBP',
      )
      .default('EUR')
      .meta({ description: 'the currency of minCost and maxCost' }),
    startsAfter: date.optional(),
    startsBefore: date.optional(),
    startsWithinDays: whole(1, 730, 'a number of days').optional(),
    page: whole(1, RESULTS_REACHABLE, 'a page number').default(1),
    perPage: whole(1, 100, 'results per page').default(20),
    sort: SearchSort.default('relevance'),
  })
  .strict()
  .superRefine((params, context) => {
    for (const [min, max] of RANGES) {
      const low = params[min];
      const high = params[max];
      if (low !== undefined && high !== undefined && low > high)
        context.addIssue({ code: 'custom', path: [min], message: `${min} is more than ${max}; swap them` });
    }
    if (params.page * params.perPage > RESULTS_REACHABLE)
      context.addIssue({
        code: 'custom',
        path: ['page'],
        message: `with ${params.perPage} results a page, at most page ${Math.floor(RESULTS_REACHABLE / params.perPage)}: a search lists its first ${RESULTS_REACHABLE.toLocaleString('en')} results; narrow it to see others`,
      });
  });
export type SearchParams = z.infer<typeof SearchParams>;
