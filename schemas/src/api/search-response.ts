import { z } from 'zod';
import { CredentialType, DeliveryMode, FreeClass, LevelLabel, Pacing } from '../course.ts';
import { ProviderType } from '../provider.ts';

const nullableNumber = z.number().nullable();

/** One search result: what a result card shows. */
export const SearchHit = z
  .object({
    id: z.string(),
    title: z.string(),
    summary: z.string().nullable(),
    url: z.url(),
    provider: z.object({ id: z.string(), name: z.string(), type: ProviderType, country: z.string() }),
    fields: z.array(z.string()).describe('ISCED-F 2013 codes'),
    deliveryMode: DeliveryMode.nullable(),
    pacing: Pacing.nullable(),
    duration: z.object({ minWeeks: nullableNumber, maxWeeks: nullableNumber }),
    workload: z.object({ hoursPerWeekMax: nullableNumber, totalHoursMax: nullableNumber }),
    cost: z.object({
      amount: nullableNumber,
      currency: z.string().nullable(),
      freeClass: FreeClass,
      reference: z.object({ amount: z.number(), currency: z.string() }).nullable(),
    }),
    level: z.object({ eqf: z.number().int().nullable(), label: LevelLabel.nullable() }),
    credential: CredentialType.nullable(),
    credit: z.object({ value: nullableNumber, system: z.string().nullable() }),
    languages: z.array(z.string()).describe('BCP 47 codes'),
    startDates: z.array(z.string()).describe('ISO 8601 dates'),
    completeness: z.object({ score: z.number().int().min(0).max(100), missing: z.array(z.string()) }),
  })
  .meta({ id: 'SearchHit' });
export type SearchHit = z.infer<typeof SearchHit>;

export const FacetValue = z.object({ value: z.string(), label: z.string(), count: z.number().int() });
export type FacetValue = z.infer<typeof FacetValue>;

export const FACET_NAMES = [
  'field',
  'mode',
  'pacing',
  'level',
  'credential',
  'language',
  'freeClass',
  'providerType',
] as const;
export const FacetName = z.enum(FACET_NAMES);
export type FacetName = z.infer<typeof FacetName>;

export const SearchResponse = z
  .object({
    total: z.number().int(),
    page: z.number().int(),
    perPage: z.number().int(),
    hits: z.array(SearchHit),
    facets: z.record(FacetName, z.array(FacetValue)),
    rates: z.object({ referenceCurrency: z.string(), date: z.string() }),
  })
  .meta({ id: 'SearchResponse' });
export type SearchResponse = z.infer<typeof SearchResponse>;
