import { z } from 'zod';

/** GET /health: the catalogue's size and whether search answers. */
export const Health = z
  .object({
    /** degraded: search does not answer; the catalogue still does */
    status: z.enum(['ok', 'degraded']),
    courses: z.number().int(),
    search: z.enum(['available', 'unavailable']),
  })
  .meta({ id: 'Health' });
export type Health = z.infer<typeof Health>;

/** GET /v1/crawls: crawl run reports, newest first (the crawler's report; the main fields named here). */
export const CrawlList = z
  .object({
    crawls: z.array(
      z.looseObject({
        sourceId: z.string(),
        startedAt: z.string(),
        finishedAt: z.string().nullable(),
        complete: z.boolean(),
        coursesFound: z.number().int(),
      }),
    ),
  })
  .meta({ id: 'CrawlList' });

export const CrawlParams = z
  .object({
    source: z.string().max(200).optional(),
    limit: z.coerce
      .number()
      .int('a whole number from 1 to 100')
      .min(1, 'a whole number from 1 to 100')
      .max(100, 'a whole number from 1 to 100')
      .default(20),
  })
  .strict();
