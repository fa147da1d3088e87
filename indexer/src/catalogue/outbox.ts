import type { Course } from '@shortlist/schemas';
import { dayNumber, toSearchDocument } from '../search-document.ts';
import { parseCourse, type CatalogueDatabase } from './database.ts';
import { ProviderFacts } from './provider-stats.ts';
import type { Providers } from './providers.ts';

/**
 * A listing change for the search index: its search document as JSON bytes, or null when it is withdrawn. Bytes,
 * not a string: the sync sends them to Meilisearch as they are (see addDocumentBytes).
 */
export interface CourseChange {
  seq: number;
  id: string;
  providerId: string;
  status: Course['status'];
  document: Buffer | null;
}

interface DocumentRow {
  id: string;
  data: string;
  first_seen_at: string;
}

/**
 * What the search index reads: every listing change takes the next number of the change cursor and stores the
 * listing's search document, so the index sync only copies; named cursors say how far each reader got.
 */
export class Outbox {
  private readonly providerFacts: ProviderFacts;

  constructor(
    private readonly db: CatalogueDatabase,
    private readonly providers: Providers,
    /** the clock that decides which start dates are still to come */
    private readonly now: () => Date,
  ) {
    this.providerFacts = new ProviderFacts(db);
  }

  nextSeq(): number {
    return (this.db.sql('SELECT COALESCE(MAX(seq), 0) + 1 AS next FROM courses').get() as { next: number })
      .next;
  }

  latestSeq(): number {
    return this.nextSeq() - 1;
  }

  /**
   * The search document to store for a listing, written after its history (`changedAt` is its latest entry); the
   * provider statistics move to it in the same transaction, so call it only to store what it returns.
   */
  documentToStore(listing: Course, firstSeenAt: string): string | null {
    const document =
      listing.status === 'active'
        ? toSearchDocument(listing, this.providers.cached(listing.providerId), {
            firstSeenAt,
            changedAt: this.latestChange(listing.id) ?? firstSeenAt,
            today: this.now(),
          })
        : null;
    this.providerFacts.track(listing.id, document);
    return document && JSON.stringify(document);
  }

  private latestChange(courseId: string): string | null {
    const latest = this.db
      .sql('SELECT MAX(at) AS at FROM course_history WHERE course_id = ?')
      .get(courseId) as {
      at: string | null;
    };
    return latest.at;
  }

  /** Writes listings' search documents again, each with its own new seq so that the index sync sends every one. */
  private rewrite(rows: DocumentRow[]): void {
    let seq = this.nextSeq();
    const update = this.db.sql('UPDATE courses SET document = ?, seq = ? WHERE id = ?');
    for (const row of rows)
      update.run(this.documentToStore(parseCourse(row), row.first_seen_at), seq++, row.id);
  }

  /** The index carries the provider's name on every course: rewrites their documents. */
  rewriteDocuments(providerId: string): void {
    this.rewrite(
      this.db
        .sql("SELECT id, data, first_seen_at FROM courses WHERE provider_id = ? AND status = 'active'")
        .all(providerId) as DocumentRow[],
    );
  }

  /**
   * Rewrites up to `pageSize` of the active listings' search documents whose next start date has passed, found along
   * an index (`courses_next_start`) rather than by reading every document. A rewritten document's next start is
   * today or later (or none), so it is not found again. Returns how many it rewrote: fewer than `pageSize`, none left.
   */
  refreshPassedStarts(pageSize: number): number {
    const passed = this.db
      .sql(
        "SELECT id, data, first_seen_at FROM courses WHERE status = 'active' AND json_extract(document, '$.nextStartDay') < ? LIMIT ?",
      )
      .all(dayNumber(this.now()), pageSize) as DocumentRow[];
    if (passed.length > 0) this.db.transaction(() => this.rewrite(passed));
    return passed.length;
  }

  /**
   * Writes the search documents a catalogue from before they were stored lacks: once, after the migration that
   * added them left its marker (an ordinary opening reads one row).
   */
  fillDocuments(): void {
    if (!this.db.sql("SELECT 1 FROM sync_state WHERE name = 'documents:fill'").get()) return;
    const missing = this.db.sql(
      "SELECT id, data, first_seen_at FROM courses WHERE status = 'active' AND document IS NULL LIMIT 1000",
    );
    for (;;) {
      const rows = missing.all() as DocumentRow[];
      if (rows.length === 0) break;
      this.db.transaction(() => this.rewrite(rows));
    }
    this.db.sql("DELETE FROM sync_state WHERE name = 'documents:fill'").run();
  }

  /** Listing changes after `cursor`, oldest first. */
  changesSince(cursor: number, limit: number): CourseChange[] {
    return this.db
      .sql(
        'SELECT seq, id, provider_id AS providerId, status, CAST(document AS BLOB) AS document FROM courses WHERE seq > ? ORDER BY seq LIMIT ?',
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

  /** The search documents (JSON bytes, as CourseChange has them) of every active listing, in id order, a page at a time. */
  activeDocuments(pageSize: number): Generator<Buffer[]> {
    return this.activeColumn<Buffer>('CAST(document AS BLOB)', pageSize);
  }

  /** Every active listing, in id order, a page at a time. */
  *activeCourses(pageSize: number): Generator<Course[]> {
    for (const page of this.activeColumn<string>('data', pageSize))
      yield page.map((data) => parseCourse({ data }));
  }

  private *activeColumn<Value>(
    column: 'data' | 'CAST(document AS BLOB)',
    pageSize: number,
  ): Generator<Value[]> {
    let after = '';
    for (;;) {
      const rows = this.db
        .sql(
          `SELECT id, ${column} AS value FROM courses WHERE status = 'active' AND id > ? ORDER BY id LIMIT ?`,
        )
        .all(after, pageSize) as { id: string; value: Value }[];
      if (rows.length === 0) return;
      yield rows.map((row) => row.value);
      after = rows.at(-1)!.id;
    }
  }
}
