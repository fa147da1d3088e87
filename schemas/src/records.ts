/** What storing a batch of source records did, as the catalogue reports it to crawls and feeds. */
export interface StoreCounts {
  new: number;
  changed: number;
  unchanged: number;
}

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

/**
 * One thing wrong with one row (or record) of a partner feed. An `error` rejects the row; a `warning`
 * keeps it and says what a learner will miss.
 */
export interface FeedProblem {
  /** CSV: the line the row starts on (the header is line 1); JSON formats: the record number, from 1; 0: the whole feed */
  row: number;
  severity: 'error' | 'warning';
  /** the column (CSV) or field (JSON) at fault, or null when the row as a whole is */
  field: string | null;
  /** the offending value as the partner wrote it, shortened */
  value: string | null;
  message: string;
  /** how to fix it, in one sentence */
  fix: string;
}
