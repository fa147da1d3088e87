import { z } from 'zod';
import { ProviderId, ProviderType } from './provider.ts';

const Pattern = z.string().refine(
  (value) => {
    try {
      new RegExp(value);
      return true;
    } catch {
      return false;
    }
  },
  { message: 'must be a valid regular expression tested against the URL path and query, e.g. "^/courses/"' },
);

/** CSS selectors per field; `selector@attr` reads an attribute instead of the text. */
export const SelectorMap = z
  .object({
    /** a repeated container when one page lists several courses; fields are then read inside each */
    item: z.string().optional(),
    title: z.string(),
    summary: z.string().optional(),
    description: z.string().optional(),
    learningOutcomes: z.string().optional(),
    enrolmentUrl: z.string().optional(),
    subjects: z.string().optional(),
    keywords: z.string().optional(),
    skills: z.string().optional(),
    duration: z.string().optional(),
    workload: z.string().optional(),
    cost: z.string().optional(),
    mode: z.string().optional(),
    city: z.string().optional(),
    level: z.string().optional(),
    credit: z.string().optional(),
    credential: z.string().optional(),
    assessment: z.string().optional(),
    qualityAssurance: z.string().optional(),
    prerequisites: z.string().optional(),
    languages: z.string().optional(),
    startDates: z.string().optional(),
  })
  .strict();
export type SelectorMap = z.infer<typeof SelectorMap>;

export const Source = z
  .object({
    id: ProviderId,
    name: z.string().min(1),
    providerType: ProviderType,
    country: z.string().regex(/^[A-Z]{2}$/, 'use an ISO 3166-1 alpha-2 code such as "GB"'),
    /** the provider's home page */
    url: z.url(),
    startUrls: z.array(z.url()).default([]),
    sitemaps: z.array(z.url()).default([]),
    follow: z
      .object({
        /** pages that list courses and link to more listings (pagination) */
        listing: z.array(Pattern).default([]),
        /** course pages */
        detail: z.array(Pattern).default([]),
        skip: z.array(Pattern).default([]),
      })
      .strict()
      .default({ listing: [], detail: [], skip: [] }),
    extraction: z
      .object({
        /** `auto` reads JSON-LD, microdata and labelled text; a selector map is tried after structured data */
        selectors: SelectorMap.optional(),
      })
      .strict()
      .default({}),
    /** how often `shortlist start` re-crawls this source, in hours */
    scheduleHours: z.number().positive().default(24),
    politeness: z
      .object({
        delayMs: z.number().int().min(0).default(1000),
        maxPages: z.number().int().positive().default(5000),
        maxDepth: z.number().int().positive().default(10),
      })
      .strict()
      .default({ delayMs: 1000, maxPages: 5000, maxDepth: 10 }),
  })
  .strict()
  .refine((source) => source.startUrls.length + source.sitemaps.length > 0, {
    message: 'give at least one of startUrls or sitemaps',
    path: ['startUrls'],
  });
export type Source = z.infer<typeof Source>;
export type SourceInput = z.input<typeof Source>;
