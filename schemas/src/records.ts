import { z } from 'zod';

/** What storing a batch of source records did, as the catalogue reports it to crawls and feeds. */
export const StoreCounts = z.object({
  new: z.number().int().nonnegative(),
  changed: z.number().int().nonnegative(),
  unchanged: z.number().int().nonnegative(),
});
export type StoreCounts = z.infer<typeof StoreCounts>;

/** What the crawler saw at a URL last time: for conditional GET and unchanged-page detection. */
export const PageState = z.object({
  url: z.string(),
  sourceId: z.string(),
  etag: z.string().nullable(),
  lastModified: z.string().nullable(),
  /** `<extraction settings hash>:<body hash>`, so a changed selector map re-reads unchanged pages */
  contentHash: z.string(),
  courseIds: z.array(z.string()),
  fetchedAt: z.string(),
});
export type PageState = z.infer<typeof PageState>;

/**
 * One thing wrong with one row (or record) of a partner feed. An `error` rejects the row; a `warning`
 * keeps it and says what a learner will miss.
 */
export const FeedProblem = z.object({
  /** CSV: the line the row starts on (the header is line 1); JSON formats: the record number, from 1; 0: the whole feed */
  row: z.number().int().nonnegative(),
  severity: z.enum(['error', 'warning']),
  /** the column (CSV) or field (JSON) at fault, or null when the row as a whole is */
  field: z.string().nullable(),
  /** the offending value as the partner wrote it, shortened */
  value: z.string().nullable(),
  message: z.string(),
  /** how to fix it, in one sentence */
  fix: z.string(),
});
export type FeedProblem = z.infer<typeof FeedProblem>;
