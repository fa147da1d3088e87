import { z } from 'zod';
import {
  CreditSystem,
  CredentialType,
  DeliveryMode,
  FreeClass,
  LevelLabel,
  Pacing,
  StatedDuration,
} from '../course.ts';
import { FACET_NAMES } from '../facets.ts';
import { ProviderType } from '../provider.ts';

const nullableNumber = z.number().nullable();

/** Where the words searched for are in a text: [start, end) offsets in UTF-16 code units, as JavaScript indexes strings. */
const Highlights = z
  .array(z.tuple([z.number().int().nonnegative(), z.number().int().nonnegative()]))
  .describe(
    '[start, end) offsets of the matched words, in UTF-16 code units; the text itself stays plain text',
  );

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
    duration: z.object({
      minWeeks: nullableNumber,
      maxWeeks: nullableNumber,
      stated: StatedDuration.nullable().describe("the length in the provider's own unit, e.g. 4 months"),
    }),
    workload: z.object({ hoursPerWeekMax: nullableNumber, totalHoursMax: nullableNumber }),
    cost: z.object({
      amount: nullableNumber,
      currency: z.string().nullable(),
      freeClass: FreeClass,
      reference: z.object({ amount: z.number(), currency: z.string() }).nullable(),
      perHour: nullableNumber.describe('reference cost per hour of the stated workload'),
    }),
    level: z.object({ eqf: z.number().int().nullable(), label: LevelLabel.nullable() }),
    credential: CredentialType.nullable(),
    credit: z.object({
      value: nullableNumber,
      system: CreditSystem.nullable(),
      stackable: z.boolean().nullable().describe('counts towards a larger qualification'),
    }),
    location: z.object({
      city: z.string().nullable(),
      region: z.string().nullable(),
      country: z.string().nullable(),
    }),
    languages: z.array(z.string()).describe('BCP 47 codes'),
    startDates: z.array(z.string()).describe('ISO 8601 dates'),
    completeness: z.object({ score: z.number().int().min(0).max(100), missing: z.array(z.string()) }),
    highlights: z.object({ title: Highlights, summary: Highlights }),
  })
  .meta({ id: 'SearchHit' });
export type SearchHit = z.infer<typeof SearchHit>;

export const FacetValue = z.object({
  value: z.string(),
  label: z.string(),
  count: z
    .number()
    .int()
    .describe(
      "exact: the courses with this value that match every other parameter (a facet's own choices do not narrow its counts)",
    ),
  selected: z.boolean(),
});
export type FacetValue = z.infer<typeof FacetValue>;

/** A facet's values with the most courses first; `more` says it has values beyond those listed. */
export const Facet = z.object({ values: z.array(FacetValue), more: z.boolean() });
export type Facet = z.infer<typeof Facet>;

export const FacetName = z.enum(FACET_NAMES);
export type FacetName = z.infer<typeof FacetName>;

export const SearchResponse = z
  .object({
    total: z.number().int().describe('how many courses match: exact, unless totalIsLowerBound'),
    totalIsLowerBound: z
      .boolean()
      .describe('true when more courses match than are counted: show the total as "N+"'),
    page: z.number().int(),
    perPage: z.number().int(),
    pages: z
      .number()
      .int()
      .describe('how many pages can be reached (a search lists its first 10,000 results)'),
    hits: z.array(SearchHit),
    facets: z.record(FacetName, Facet),
    rates: z.object({ referenceCurrency: z.string(), date: z.string() }),
  })
  .meta({ id: 'SearchResponse' });
export type SearchResponse = z.infer<typeof SearchResponse>;
