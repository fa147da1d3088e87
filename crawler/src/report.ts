/** What one crawl of one source did. */
export interface CrawlReport {
  sourceId: string;
  startedAt: string;
  finishedAt: string | null;
  pagesFetched: number;
  coursesFound: number;
  rejected: { url: string; reason: string }[];
  errors: { url: string; message: string }[];
}

export function newCrawlReport(sourceId: string): CrawlReport {
  return {
    sourceId,
    startedAt: new Date().toISOString(),
    finishedAt: null,
    pagesFetched: 0,
    coursesFound: 0,
    rejected: [],
    errors: [],
  };
}
