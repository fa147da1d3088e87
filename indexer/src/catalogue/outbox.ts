import type { Course } from '@shortlist/schemas';
import { toSearchDocument } from '../search-document.ts';
import { parseCourse, type CatalogueDatabase } from './database.ts';
import type { Providers } from './providers.ts';

/** A listing change for the search index: its search document as JSON, or null when it is withdrawn. */
export interface CourseChange {
  seq: number;
  id: string;
  providerId: string;
  status: Course['status'];
  document: string | null;
}

/**
 * What the search index reads: every listing change takes the next number of the change cursor and stores the
 * listing's search document, so the index sync only copies; named cursors say how far each reader got.
 */
export class Outbox {
  constructor(
    private readonly db: CatalogueDatabase,
    private readonly providers: Providers,
  ) {}

  nextSeq(): number {
    return (this.db.sql('SELECT COALESCE(MAX(seq), 0) + 1 AS next FROM courses').get() as { next: number })
      .next;
  }

  latestSeq(): number {
    return this.nextSeq() - 1;
  }

  /** The listing as the search index stores it, or null when it is not listed. */
  searchDocument(listing: Course): string | null {
    if (listing.status !== 'active') return null;
    return JSON.stringify(toSearchDocument(listing, this.providers.cached(listing.providerId)));
  }

  private setDocument(id: string, listing: Course, seq: number): void {
    this.db
      .sql('UPDATE courses SET document = ?, seq = ? WHERE id = ?')
      .run(this.searchDocument(listing), seq, id);
  }

  /** The index carries the provider's name on every course: rewrites their documents, as one change. */
  rewriteDocuments(providerId: string): void {
    const seq = this.nextSeq();
    const rows = this.db
      .sql("SELECT id, data FROM courses WHERE provider_id = ? AND status = 'active'")
      .all(providerId) as { id: string; data: string }[];
    for (const row of rows) this.setDocument(row.id, parseCourse(row), seq);
  }

  /**
   * Writes the search documents a catalogue from before they were stored lacks: once, after the migration that
   * added them left its marker (an ordinary opening reads one row).
   */
  fillDocuments(): void {
    if (!this.db.sql("SELECT 1 FROM sync_state WHERE name = 'documents:fill'").get()) return;
    const missing = this.db.sql(
      "SELECT id, data, seq FROM courses WHERE status = 'active' AND document IS NULL LIMIT 1000",
    );
    for (;;) {
      const rows = missing.all() as { id: string; data: string; seq: number }[];
      if (rows.length === 0) break;
      this.db.transaction(() => {
        for (const row of rows) this.setDocument(row.id, parseCourse(row), row.seq);
      });
    }
    this.db.sql("DELETE FROM sync_state WHERE name = 'documents:fill'").run();
  }

  /** Listing changes after `cursor`, oldest first. */
  changesSince(cursor: number, limit: number): CourseChange[] {
    return this.db
      .sql(
        'SELECT seq, id, provider_id AS providerId, status, document FROM courses WHERE seq > ? ORDER BY seq LIMIT ?',
      )
      .all(cursor, limit) as CourseChange[];
  }

  getCursor(name: string): number {
    const row = this.db.sql('SELECT value FROM sync_state WHERE name = ?').get(name) as
      { value: number } | undefined;
    return row?.value ?? 0;
  }

  setCursor(name: string, value: number): void {
    this.db
      .sql(
        'INSERT INTO sync_state (name, value) VALUES (?, ?) ON CONFLICT (name) DO UPDATE SET value = excluded.value',
      )
      .run(name, value);
  }

  /** The search documents (JSON) of every active listing, in id order, a page at a time. */
  activeDocuments(pageSize: number): Generator<string[]> {
    return this.activeColumn('document', pageSize);
  }

  /** Every active listing, in id order, a page at a time. */
  *activeCourses(pageSize: number): Generator<Course[]> {
    for (const page of this.activeColumn('data', pageSize)) yield page.map((data) => parseCourse({ data }));
  }

  private *activeColumn(column: 'data' | 'document', pageSize: number): Generator<string[]> {
    let after = '';
    for (;;) {
      const rows = this.db
        .sql(
          `SELECT id, ${column} AS value FROM courses WHERE status = 'active' AND id > ? ORDER BY id LIMIT ?`,
        )
        .all(after, pageSize) as { id: string; value: string }[];
      if (rows.length === 0) return;
      yield rows.map((row) => row.value);
      after = rows.at(-1)!.id;
    }
  }
}
