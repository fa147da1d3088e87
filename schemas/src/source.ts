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

const ABSOLUTE_URL = 'an absolute URL such as "https://www.example.ac.uk/courses/"';

/**
 * Where one field is on the page: a CSS selector (`selector@attr` reads an attribute instead of the text), or a
 * list of them tried in order until one finds a value.
 */
const FieldSelector = z.union([z.string(), z.array(z.string()).min(1)]);
export type FieldSelector = z.infer<typeof FieldSelector>;

/** CSS selectors per field. */
export const SelectorMap = z
  .object({
    /** a repeated container when one page lists several courses; fields are then read inside each */
    item: z.string().optional(),
    title: FieldSelector,
    code: FieldSelector.optional(),
    summary: FieldSelector.optional(),
    description: FieldSelector.optional(),
    learningOutcomes: FieldSelector.optional(),
    enrolmentUrl: FieldSelector.optional(),
    subjects: FieldSelector.optional(),
    keywords: FieldSelector.optional(),
    skills: FieldSelector.optional(),
    duration: FieldSelector.optional(),
    workload: FieldSelector.optional(),
    cost: FieldSelector.optional(),
    mode: FieldSelector.optional(),
    city: FieldSelector.optional(),
    level: FieldSelector.optional(),
    credit: FieldSelector.optional(),
    credential: FieldSelector.optional(),
    assessment: FieldSelector.optional(),
    qualityAssurance: FieldSelector.optional(),
    prerequisites: FieldSelector.optional(),
    languages: FieldSelector.optional(),
    startDates: FieldSelector.optional(),
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
    url: z.url(ABSOLUTE_URL),
    /** listing pages the crawl starts from */
    startUrls: z.array(z.url(ABSOLUTE_URL)).default([]),
    /** sitemaps or sitemap indexes (`.xml` or `.xml.gz`) listing course pages */
    sitemaps: z.array(z.url(ABSOLUTE_URL)).default([]),
    follow: z
      .object({
        /** pages that list courses and link to more listings (pagination) */
        listing: z.array(Pattern).default([]),
        /** course pages */
        detail: z.array(Pattern).default([]),
        skip: z.array(Pattern).default([]),
        /** query parameters that only track visitors, dropped before URLs are compared (session ids and utm_* always are) */
        ignoreParams: z
          .array(z.string().regex(/^[\w.-]+$/, 'a query parameter name such as "ref"'))
          .default([]),
      })
      .strict()
      .prefault({}),
    extraction: z
      .object({
        /** `auto` reads JSON-LD, microdata and labelled text; a selector map is tried after structured data */
        selectors: SelectorMap.optional(),
      })
      .strict()
      .prefault({}),
    /** how often `shortlist start` re-crawls this source, in hours */
    scheduleHours: z.number().positive('hours between crawls, e.g. 24').default(24),
    /** a course missing from this many successive complete crawls is withdrawn (hidden from search, kept) */
    withdrawAfter: z.number().int().min(1, 'a number of complete crawls, 1 or more; 3 is safe').default(3),
    /** who to contact about this crawler, shown in its User-Agent; defaults to CRAWLER_CONTACT_URL */
    contactUrl: z.url('a URL where the site owner can reach whoever runs this crawler').optional(),
    politeness: z
      .object({
        /** pause between two requests to the same host; robots.txt `Crawl-delay` raises it */
        delayMs: z
          .number()
          .int()
          .min(0, 'milliseconds between requests, 0 or more; 1000 is polite')
          .default(1000),
        maxPages: z.number().int().positive('pages per crawl, e.g. 5000').default(5000),
        maxDepth: z.number().int().positive('links away from a start URL, e.g. 10').default(10),
        /** for the whole response, headers and body */
        timeoutMs: z.number().int().min(100, 'milliseconds per request, e.g. 30000').default(30_000),
        /** a larger response is refused unread */
        maxBytes: z.number().int().min(1024, 'bytes per response, e.g. 5000000').default(5_000_000),
        /** further attempts after a timeout, network error, 5xx, or 429 (or another 4xx with Retry-After) */
        retries: z.number().int().min(0).max(10, 'retries per page, 0 to 10').default(2),
      })
      .strict()
      .prefault({}),
  })
  .strict()
  .refine((source) => source.startUrls.length + source.sitemaps.length > 0, {
    message: 'give at least one of startUrls or sitemaps',
    path: ['startUrls'],
  });
export type Source = z.infer<typeof Source>;
export type SourceInput = z.input<typeof Source>;
