import { z } from 'zod';

/** What storing a batch of source records did, as the catalogue reports it to crawls and feeds. */
export const StoreCounts = z.object({
  new: z.number().int().nonnegative(),
  changed: z.number().int().nonnegative(),
  unchanged: z.number().int().nonnegative(),
});
export type StoreCounts = z.infer<typeof StoreCounts>;

/** What the crawler saw at a URL last time: for conditional GET and unchanged-page detection. */
export interface PageState {
  url: string;
  sourceId: string;
  etag: string | null;
  lastModified: string | null;
  /** `<extraction settings hash>:<body hash>`, so a changed selector map re-reads unchanged pages */
  contentHash: string;
  courseIds: string[];
  fetchedAt: string;
}
