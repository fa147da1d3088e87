import type { CatalogueDatabase } from './database.ts';

/** What each crawl did: for the API, and for scheduling the next crawl of a source. */
export class CrawlRuns {
  constructor(private readonly db: CatalogueDatabase) {}

  record(report: { sourceId: string; startedAt: string; finishedAt: string | null }): void {
    this.db
      .sql('INSERT INTO crawl_runs (source_id, started_at, finished_at, report) VALUES (?, ?, ?, ?)')
      .run(report.sourceId, report.startedAt, report.finishedAt, JSON.stringify(report));
  }

  /** The latest crawl reports, newest first; of one source when given. */
  recent(limit: number, sourceId?: string): unknown[] {
    const rows = (
      sourceId
        ? this.db
            .sql(
              'SELECT report FROM crawl_runs WHERE source_id = ? ORDER BY started_at DESC, id DESC LIMIT ?',
            )
            .all(sourceId, limit)
        : this.db.sql('SELECT report FROM crawl_runs ORDER BY started_at DESC, id DESC LIMIT ?').all(limit)
    ) as { report: string }[];
    return rows.map((row) => JSON.parse(row.report) as unknown);
  }

  lastFinishedAt(sourceId: string): string | undefined {
    const row = this.db
      .sql('SELECT MAX(finished_at) AS finished FROM crawl_runs WHERE source_id = ?')
      .get(sourceId) as { finished: string | null };
    return row.finished ?? undefined;
  }

  /** How many crawl runs ended each way: complete, incomplete, or unfinished (running, or interrupted). */
  outcomes(): Record<'complete' | 'incomplete' | 'unfinished', number> {
    const rows = this.db
      .sql(
        `SELECT CASE WHEN finished_at IS NULL THEN 'unfinished' WHEN json_extract(report, '$.complete') THEN 'complete'
           ELSE 'incomplete' END AS outcome, COUNT(*) AS count FROM crawl_runs GROUP BY outcome`,
      )
      .all() as { outcome: 'complete' | 'incomplete' | 'unfinished'; count: number }[];
    const outcomes = { complete: 0, incomplete: 0, unfinished: 0 };
    for (const row of rows) outcomes[row.outcome] = row.count;
    return outcomes;
  }
}
