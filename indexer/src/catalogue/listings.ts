import type { Course, StoreCounts } from '@shortlist/schemas';
import { historyEntries, type HistoryEntry } from '../history.ts';
import { mergeRecords } from '../merge.ts';
import { isNearDuplicate, titleKey, urlKey } from '../near-duplicate.ts';
import { parseCourse, type CatalogueDatabase } from './database.ts';
import type { Outbox } from './outbox.ts';

/** Why a source record belongs to its listing: its own, the same page, a near-duplicate, or a merge undone. */
export type JoinReason = 'own' | 'same-url' | 'near-duplicate' | 'split';

/** A listing as its provider's partner sees it in a list. */
export interface ListingSummary {
  id: string;
  status: Course['status'];
  title: string;
  url: string;
  updatedAt: string;
}

interface RecordRow {
  record_id: string;
  course_id: string;
  status: string;
  content_hash: string;
  taken_down: 0 | 1;
}

/**
 * Source records (a crawled page's course, a feed row) and the listings they merge into: the index sees listings
 * only. Every listing change is kept in its history and takes the next number of the outbox's change cursor.
 */
export class Listings {
  constructor(
    private readonly db: CatalogueDatabase,
    private readonly outbox: Outbox,
    /** the clock that dates history */
    private readonly now: () => Date,
  ) {}

  /**
   * Writes source records in one transaction and refreshes the listings they belong to. Counts are per
   * record: an unchanged record only has its lastSeenAt moved.
   */
  upsert(records: Course[]): StoreCounts {
    const counts: StoreCounts = { new: 0, changed: 0, unchanged: 0 };
    const find = this.db.sql(
      'SELECT record_id, course_id, status, content_hash, taken_down FROM course_records WHERE record_id = ?',
    );
    const write = this.db.sql(
      `INSERT INTO course_records (record_id, course_id, provider_id, source, status, content_hash, url_key, data, last_seen_at, missed_crawls, joined_by)
       VALUES (@id, @courseId, @providerId, @source, @status, @contentHash, @urlKey, @data, @lastSeenAt, 0, @joinedBy)
       ON CONFLICT (record_id) DO UPDATE SET provider_id = excluded.provider_id, source = excluded.source, status = excluded.status,
         content_hash = excluded.content_hash, url_key = excluded.url_key, data = excluded.data,
         last_seen_at = excluded.last_seen_at, missed_crawls = 0`,
    );
    this.db.write(() => {
      for (const found of records) {
        const existing = find.get(found.id) as RecordRow | undefined;
        // a page still online does not list again what its provider took down
        const record =
          existing?.taken_down && found.source === 'crawl'
            ? { ...found, status: 'withdrawn' as const }
            : found;
        if (existing && existing.content_hash === record.contentHash && existing.status === record.status) {
          this.touch(record.id, record.lastSeenAt);
          counts.unchanged++;
          continue;
        }
        const { courseId, joinedBy } = existing
          ? { courseId: existing.course_id, joinedBy: 'own' as const }
          : this.findListing(record);
        write.run({
          ...record,
          courseId,
          joinedBy,
          urlKey: urlKey(record.url),
          data: JSON.stringify(record),
        });
        // the provider lists the course again (a row back from withdrawn, or a new one joining the listing):
        // its crawled pages may list it too
        const relisted = existing ? existing.status !== 'active' : joinedBy !== 'own';
        if (relisted && record.source === 'feed' && record.status === 'active')
          this.db
            .sql('UPDATE course_records SET taken_down = 0 WHERE course_id = ? AND taken_down = 1')
            .run(courseId);
        // Refreshed at once, so a near-duplicate later in the same batch finds this listing.
        this.refresh(courseId);
        counts[existing ? 'changed' : 'new']++;
      }
    });
    return counts;
  }

  /**
   * The listing a new record joins: the same page elsewhere, a near-duplicate of the provider's, or its own. A feed
   * row also finds the listing of a page its provider took down, so that listing it again keeps its id.
   */
  private findListing(record: Course): { courseId: string; joinedBy: JoinReason } {
    const sameUrl = this.db
      .sql(
        `SELECT course_id FROM course_records WHERE url_key = ? AND (status = 'active' OR (taken_down = 1 AND ?))
         ORDER BY status = 'active' DESC LIMIT 1`,
      )
      .get(urlKey(record.url), record.source === 'feed' ? 1 : 0) as { course_id: string } | undefined;
    if (sameUrl) return this.recordMerge(sameUrl.course_id, record, 'same-url');
    const candidates = this.db
      .sql("SELECT id, data FROM courses WHERE provider_id = ? AND title_key = ? AND status = 'active'")
      .all(record.providerId, titleKey(record.title)) as { id: string; data: string }[];
    const twin = candidates.find((candidate) => isNearDuplicate(parseCourse(candidate), record));
    if (twin) return this.recordMerge(twin.id, record, 'near-duplicate');
    return { courseId: record.id, joinedBy: 'own' };
  }

  private recordMerge(
    courseId: string,
    record: Course,
    reason: JoinReason,
  ): { courseId: string; joinedBy: JoinReason } {
    this.db
      .sql('INSERT INTO merges (course_id, record_id, reason, at) VALUES (?, ?, ?, ?)')
      .run(courseId, record.id, reason, new Date().toISOString());
    return { courseId, joinedBy: reason };
  }

  /** Re-merges a listing from its records; a change takes the next cursor number and is kept in history. */
  private refresh(courseId: string): void {
    const records = (
      this.db.sql('SELECT data FROM course_records WHERE course_id = ?').all(courseId) as { data: string }[]
    ).map(parseCourse);
    const old = this.db.sql('SELECT data, content_hash, status FROM courses WHERE id = ?').get(courseId) as
      { data: string; content_hash: string; status: string } | undefined;
    if (records.length === 0) {
      if (old && old.status === 'active')
        this.writeListing({ ...parseCourse(old), status: 'withdrawn' }, parseCourse(old));
      return;
    }
    const merged = mergeRecords(courseId, records);
    if (old && old.content_hash === merged.contentHash && old.status === merged.status) {
      this.db
        .sql("UPDATE courses SET data = json_set(data, '$.lastSeenAt', ?) WHERE id = ?")
        .run(merged.lastSeenAt, courseId);
      return;
    }
    this.writeListing(merged, old ? parseCourse(old) : undefined);
  }

  private writeListing(listing: Course, before: Course | undefined): void {
    const now = this.now().toISOString();
    const firstSeen = this.db.sql('SELECT first_seen_at FROM courses WHERE id = ?').get(listing.id) as
      { first_seen_at: string } | undefined;
    const history = this.db.sql(
      'INSERT INTO course_history (course_id, at, field, old, new) VALUES (?, ?, ?, ?, ?)',
    );
    for (const entry of historyEntries(before, listing, now)) {
      history.run(listing.id, entry.at, entry.field, JSON.stringify(entry.old), JSON.stringify(entry.new));
    }
    this.db
      .sql(
        `INSERT INTO courses (id, provider_id, status, content_hash, title_key, data, document, first_seen_at, updated_at, seq)
         VALUES (@id, @providerId, @status, @contentHash, @titleKey, @data, @document, @now, @now, @seq)
         ON CONFLICT (id) DO UPDATE SET provider_id = excluded.provider_id, status = excluded.status, content_hash = excluded.content_hash,
           title_key = excluded.title_key, data = excluded.data, document = excluded.document, updated_at = excluded.updated_at, seq = excluded.seq`,
      )
      .run({
        ...listing,
        titleKey: titleKey(listing.title),
        data: JSON.stringify(listing),
        document: this.outbox.documentToStore(listing, firstSeen?.first_seen_at ?? now),
        now,
        seq: this.outbox.nextSeq(),
      });
  }

  /** Marks a record as seen again without changing it (an unchanged page, an unchanged feed row). */
  touch(recordId: string, seenAt: string): void {
    const row = this.db
      .sql(
        "UPDATE course_records SET data = json_set(data, '$.lastSeenAt', @seenAt), last_seen_at = @seenAt, missed_crawls = 0 WHERE record_id = @recordId RETURNING course_id",
      )
      .get({ recordId, seenAt }) as { course_id: string } | undefined;
    if (row) {
      this.db
        .sql(
          "UPDATE courses SET data = json_set(data, '$.lastSeenAt', @seenAt) WHERE id = @id AND json_extract(data, '$.lastSeenAt') < @seenAt",
        )
        .run({ id: row.course_id, seenAt });
    }
  }

  /**
   * Takes a listing down at its provider's word (a replace feed that no longer names it, a withdrawn row, DELETE):
   * the provider's records in it are withdrawn, and its crawled ones stay down when the crawler finds their pages
   * again, until the provider's feed lists the course again (see upsert).
   */
  takeDown(providerId: string, listingId: string): void {
    this.db.write(() => {
      this.db
        .sql(
          "UPDATE course_records SET taken_down = 1 WHERE course_id = ? AND provider_id = ? AND source = 'crawl'",
        )
        .run(listingId, providerId);
      const rows = this.db
        .sql("SELECT data FROM course_records WHERE course_id = ? AND provider_id = ? AND status = 'active'")
        .all(listingId, providerId) as { data: string }[];
      const records = rows.map((row) => ({ ...parseCourse(row), status: 'withdrawn' as const }));
      if (records.length > 0) this.upsert(records);
    });
  }

  /**
   * After a complete crawl of a provider's site: its crawled records that the crawl did not see count one
   * more miss, and those missed `threshold` times in a row are withdrawn. A listing stays active while
   * another of its records (another page, a feed) still is. Returns the withdrawn record ids.
   */
  withdrawUnseen(providerId: string, crawlStartedAt: string, threshold: number): string[] {
    return this.db.write(() => {
      this.db
        .sql(
          `UPDATE course_records SET missed_crawls = missed_crawls + 1
             WHERE provider_id = ? AND source = 'crawl' AND status = 'active' AND last_seen_at < ?`,
        )
        .run(providerId, crawlStartedAt);
      const due = this.db
        .sql(
          `UPDATE course_records SET status = 'withdrawn', data = json_set(data, '$.status', 'withdrawn')
             WHERE provider_id = ? AND source = 'crawl' AND status = 'active' AND missed_crawls >= ?
             RETURNING record_id, course_id`,
        )
        .all(providerId, threshold) as { record_id: string; course_id: string }[];
      for (const courseId of new Set(due.map((row) => row.course_id))) this.refresh(courseId);
      return due.map((row) => row.record_id);
    });
  }

  /** Undoes a merge: the record becomes a listing of its own again and is never merged automatically again. */
  split(recordId: string): void {
    this.db.write(() => {
      const listing = this.listingOf(recordId);
      if (!listing) throw new Error(`no record "${recordId}"`);
      if (listing === recordId) return;
      this.db
        .sql("UPDATE course_records SET course_id = record_id, joined_by = 'split' WHERE record_id = ?")
        .run(recordId);
      this.db
        .sql('UPDATE merges SET undone_at = ? WHERE record_id = ? AND undone_at IS NULL')
        .run(new Date().toISOString(), recordId);
      this.refresh(listing);
      this.refresh(recordId);
    });
  }

  /** A listing; an id of a record that was merged into another listing finds that listing. */
  get(id: string): Course | undefined {
    const row = this.db.sql('SELECT data FROM courses WHERE id = ?').get(id) as { data: string } | undefined;
    if (row) return parseCourse(row);
    const listing = this.listingOf(id);
    return listing && listing !== id ? this.get(listing) : undefined;
  }

  /** The listing a source record belongs to. */
  listingOf(recordId: string): string | undefined {
    const row = this.db.sql('SELECT course_id FROM course_records WHERE record_id = ?').get(recordId) as
      { course_id: string } | undefined;
    return row?.course_id;
  }

  /** The records merged into a listing, with why each joined. */
  records(courseId: string): { recordId: string; joinedBy: JoinReason; course: Course }[] {
    const rows = this.db
      .sql('SELECT record_id, joined_by, data FROM course_records WHERE course_id = ? ORDER BY record_id')
      .all(courseId) as { record_id: string; joined_by: JoinReason; data: string }[];
    return rows.map((row) => ({
      recordId: row.record_id,
      joinedBy: row.joined_by,
      course: parseCourse(row),
    }));
  }

  history(courseId: string): HistoryEntry[] {
    const rows = this.db
      .sql('SELECT at, field, old, new FROM course_history WHERE course_id = ? ORDER BY at, rowid')
      .all(courseId) as { at: string; field: HistoryEntry['field']; old: string; new: string }[];
    return rows.map((row) => ({
      at: row.at,
      field: row.field,
      old: JSON.parse(row.old) as unknown,
      new: JSON.parse(row.new) as unknown,
    }));
  }

  count(status: Course['status']): number {
    return (this.db.sql('SELECT COUNT(*) AS n FROM courses WHERE status = ?').get(status) as { n: number }).n;
  }

  /** A provider's listings, active ones first, by title. */
  ofProvider(providerId: string, limit: number): ListingSummary[] {
    return this.db
      .sql(
        "SELECT id, status, json_extract(data, '$.title') AS title, json_extract(data, '$.url') AS url, updated_at AS updatedAt FROM courses WHERE provider_id = ? ORDER BY status, title LIMIT ?",
      )
      .all(providerId, limit) as ListingSummary[];
  }
}
