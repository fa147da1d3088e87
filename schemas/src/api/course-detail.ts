import { z } from 'zod';
import { Course, CourseStatus, FreeClass } from '../course.ts';
import { Provider } from '../provider.ts';

/** A tracked fact of a listing that changed, and when. */
export const HistoryEntry = z.object({
  at: z.iso.datetime(),
  field: z.enum(['cost', 'startDates', 'duration', 'status']),
  old: z.unknown(),
  new: z.unknown(),
});
export type HistoryEntry = z.infer<typeof HistoryEntry>;

export const PricePoint = z.object({
  at: z.iso.datetime(),
  amount: z.number().nullable(),
  currency: z.string().nullable(),
  freeClass: FreeClass,
});
export type PricePoint = z.infer<typeof PricePoint>;

/** One source record merged into a listing: a crawled page or a feed row. */
export const CourseSource = z.object({
  recordId: z.string(),
  joinedBy: z.enum(['own', 'same-url', 'near-duplicate', 'split']),
  source: z.enum(['crawl', 'feed']),
  url: z.url(),
  fetchedAt: z.iso.datetime(),
  status: CourseStatus,
});

/** GET /v1/courses/:id: the fact sheet with the provider's own words, its provider, price history and sources. */
export const CourseDetail = Course.extend({
  provider: Provider.nullable(),
  fieldNames: z.record(z.string(), z.string()).describe('the name of each ISCED-F code in `fields`'),
  priceHistory: z.array(PricePoint),
  history: z.array(HistoryEntry),
  sources: z.array(CourseSource),
  rates: z.object({ date: z.string().describe('the date of the exchange-rate table') }),
}).meta({ id: 'CourseDetail' });
export type CourseDetail = z.infer<typeof CourseDetail>;
