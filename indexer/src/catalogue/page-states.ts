import type { PageState } from '@shortlist/schemas';
import type { CatalogueDatabase } from './database.ts';

interface PageRow {
  url: string;
  source_id: string;
  etag: string | null;
  last_modified: string | null;
  content_hash: string;
  course_ids: string;
  fetched_at: string;
}

/** What the crawler saw at each URL last time: for conditional GET and unchanged-page detection. */
export class PageStates {
  constructor(private readonly db: CatalogueDatabase) {}

  get(url: string): PageState | undefined {
    const row = this.db.sql('SELECT * FROM pages WHERE url = ?').get(url) as PageRow | undefined;
    if (!row) return undefined;
    return {
      url: row.url,
      sourceId: row.source_id,
      etag: row.etag,
      lastModified: row.last_modified,
      contentHash: row.content_hash,
      courseIds: JSON.parse(row.course_ids) as string[],
      fetchedAt: row.fetched_at,
    };
  }

  set(state: PageState): void {
    this.db
      .sql(
        `INSERT INTO pages (url, source_id, etag, last_modified, content_hash, course_ids, fetched_at)
         VALUES (@url, @sourceId, @etag, @lastModified, @contentHash, @courseIds, @fetchedAt)
         ON CONFLICT (url) DO UPDATE SET source_id = excluded.source_id, etag = excluded.etag, last_modified = excluded.last_modified,
           content_hash = excluded.content_hash, course_ids = excluded.course_ids, fetched_at = excluded.fetched_at`,
      )
      .run({ ...state, courseIds: JSON.stringify(state.courseIds) });
  }
}
