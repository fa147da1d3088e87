import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { Provider, type Course, type PageState, type StoreCounts } from '@shortlist/schemas';
import { historyEntries, type HistoryEntry } from './history.ts';
import { mergeRecords } from './merge.ts';
import { migrate } from './migrations.ts';
import { isNearDuplicate, titleKey, urlKey } from './near-duplicate.ts';
import { dayNumber, toSearchDocument } from './search-document.ts';

/** A listing change for the search index: its search document as JSON, or null when it is withdrawn. */
export interface CourseChange {
  seq: number;
  id: string;
  providerId: string;
  status: Course['status'];
  document: string | null;
}

type JoinReason = 'own' | 'same-url' | 'near-duplicate' | 'split';

interface RecordRow {
  record_id: string;
  course_id: string;
  status: string;
  content_hash: string;
  taken_down: 0 | 1;
}

const parseCourse = (row: { data: string }) => JSON.parse(row.data) as Course;

interface DocumentRow {
  id: string;
  data: string;
  first_seen_at: string;
}

/**
 * The SQLite catalogue: the source of truth that the search index is rebuilt from. It keeps every
 * source record (a crawled page's course, a feed row) and merges the records of one course into one
 * listing; the index sees listings only.
 */
export class CatalogueStore {
  readonly db: Database.Database;
  private readonly now: () => Date;

  /** `now`: the clock that dates history and decides which start dates are still to come (tests set it) */
  constructor(file: string, { now = () => new Date() }: { now?: () => Date } = {}) {
    this.now = now;
    if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
    this.db = new Database(file);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = NORMAL');
    this.db.pragma('busy_timeout = 10000');
    migrate(this.db);
    this.fillDocuments();
  }

  private readonly statements = new Map<string, Database.Statement>();

  /** Each SQL text is prepared once: preparing costs more than running a small query. */
  private sql(source: string): Database.Statement {
    let statement = this.statements.get(source);
    if (!statement) this.statements.set(source, (statement = this.db.prepare(source)));
    return statement;
  }

  close(): void {
    this.db.close();
  }

  private nextSeq(): number {
    return (this.sql('SELECT COALESCE(MAX(seq), 0) + 1 AS next FROM courses').get() as { next: number }).next;
  }

  upsertProvider(provider: Provider): void {
    const data = JSON.stringify(Provider.parse(provider));
    this.db
      .transaction(() => {
        const existing = this.sql('SELECT data FROM providers WHERE id = ?').get(provider.id) as
          { data: string } | undefined;
        if (existing?.data === data) return;
        this.sql(
          'INSERT INTO providers (id, data, updated_at) VALUES (?, ?, ?) ON CONFLICT (id) DO UPDATE SET data = excluded.data, updated_at = excluded.updated_at',
        ).run(provider.id, data, new Date().toISOString());
        this.providerCache = null;
        // The index carries the provider's name on every course: rewrite their documents and resend them.
        const rows = this.sql(
          "SELECT id, data, first_seen_at FROM courses WHERE provider_id = ? AND status = 'active'",
        ).all(provider.id) as DocumentRow[];
        this.rewriteDocuments(rows);
      })
      .immediate();
  }

  private providerCache: Map<string, Provider> | null = null;

  /** Providers by id, read once and again after a provider changes. */
  private providerById(id: string): Provider | undefined {
    this.providerCache ??= new Map(this.listProviders().map((provider) => [provider.id, provider]));
    return this.providerCache.get(id);
  }

  /** The search document of a listing, written after its history: `changedAt` is its latest history entry. */
  private searchDocument(listing: Course, firstSeenAt: string): string | null {
    if (listing.status !== 'active') return null;
    const provider = this.providerById(listing.providerId);
    const latest = this.sql('SELECT MAX(at) AS at FROM course_history WHERE course_id = ?').get(
      listing.id,
    ) as {
      at: string | null;
    };
    const changedAt = latest.at ?? firstSeenAt;
    return JSON.stringify(toSearchDocument(listing, provider, { firstSeenAt, changedAt, today: this.now() }));
  }

  /** Writes listings' search documents again, each with its own new seq so that the index sync sends every one. */
  private rewriteDocuments(rows: DocumentRow[]): void {
    let seq = this.nextSeq();
    const update = this.sql('UPDATE courses SET document = ?, seq = ? WHERE id = ?');
    for (const row of rows)
      update.run(this.searchDocument(parseCourse(row), row.first_seen_at), seq++, row.id);
  }

  /**
   * Rewrites the search documents whose next start date has passed, so that sorting by next start stays true as
   * days go by; the sync loop calls it once a day. Returns how many it rewrote.
   */
  refreshPassedStarts(): number {
    const rows = this.sql(
      "SELECT id, data, first_seen_at FROM courses WHERE status = 'active' AND json_extract(document, '$.nextStartDay') < ?",
    ).all(dayNumber(this.now())) as DocumentRow[];
    this.db.transaction(() => this.rewriteDocuments(rows)).immediate();
    return rows.length;
  }

  /**
   * Writes the search documents a catalogue from before they were stored lacks: once, after the migration that
   * added them left its marker (an ordinary opening reads one row).
   */
  private fillDocuments(): void {
    if (!this.sql("SELECT 1 FROM sync_state WHERE name = 'documents:fill'").get()) return;
    const missing = this.sql(
      "SELECT id, data, first_seen_at FROM courses WHERE status = 'active' AND document IS NULL LIMIT 1000",
    );
    for (;;) {
      const rows = missing.all() as DocumentRow[];
      if (rows.length === 0) break;
      this.db.transaction(() => this.rewriteDocuments(rows))();
    }
    this.sql("DELETE FROM sync_state WHERE name = 'documents:fill'").run();
  }

  getProvider(id: string): Provider | undefined {
    const row = this.sql('SELECT data FROM providers WHERE id = ?').get(id) as { data: string } | undefined;
    return row ? (JSON.parse(row.data) as Provider) : undefined;
  }

  listProviders(): Provider[] {
    const rows = this.sql('SELECT data FROM providers ORDER BY id').all() as { data: string }[];
    return rows.map((row) => JSON.parse(row.data) as Provider);
  }

  /**
   * Writes source records in one transaction and refreshes the listings they belong to. Counts are per
   * record: an unchanged record only has its lastSeenAt moved.
   */
  upsertCourses(records: Course[]): StoreCounts {
    const counts: StoreCounts = { new: 0, changed: 0, unchanged: 0 };
    const find = this.sql(
      'SELECT record_id, course_id, status, content_hash, taken_down FROM course_records WHERE record_id = ?',
    );
    const write = this.sql(
      `INSERT INTO course_records (record_id, course_id, provider_id, source, status, content_hash, url_key, data, last_seen_at, missed_crawls, joined_by)
       VALUES (@id, @courseId, @providerId, @source, @status, @contentHash, @urlKey, @data, @lastSeenAt, 0, @joinedBy)
       ON CONFLICT (record_id) DO UPDATE SET provider_id = excluded.provider_id, source = excluded.source, status = excluded.status,
         content_hash = excluded.content_hash, url_key = excluded.url_key, data = excluded.data,
         last_seen_at = excluded.last_seen_at, missed_crawls = 0`,
    );
    this.db
      .transaction(() => {
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
            this.sql('UPDATE course_records SET taken_down = 0 WHERE course_id = ? AND taken_down = 1').run(
              courseId,
            );
          // Refreshed at once, so a near-duplicate later in the same batch finds this listing.
          this.refreshListing(courseId);
          counts[existing ? 'changed' : 'new']++;
        }
      })
      .immediate();
    return counts;
  }

  /**
   * The listing a new record joins: the same page elsewhere, a near-duplicate of the provider's, or its own. A feed
   * row also finds the listing of a page its provider took down, so that listing it again keeps its id.
   */
  private findListing(record: Course): { courseId: string; joinedBy: JoinReason } {
    const sameUrl = this.sql(
      `SELECT course_id FROM course_records WHERE url_key = ? AND (status = 'active' OR (taken_down = 1 AND ?))
         ORDER BY status = 'active' DESC LIMIT 1`,
    ).get(urlKey(record.url), record.source === 'feed' ? 1 : 0) as { course_id: string } | undefined;
    if (sameUrl) return this.recordMerge(sameUrl.course_id, record, 'same-url');
    const candidates = this.sql(
      "SELECT id, data FROM courses WHERE provider_id = ? AND title_key = ? AND status = 'active'",
    ).all(record.providerId, titleKey(record.title)) as { id: string; data: string }[];
    const twin = candidates.find((candidate) => isNearDuplicate(parseCourse(candidate), record));
    if (twin) return this.recordMerge(twin.id, record, 'near-duplicate');
    return { courseId: record.id, joinedBy: 'own' };
  }

  private recordMerge(
    courseId: string,
    record: Course,
    reason: JoinReason,
  ): { courseId: string; joinedBy: JoinReason } {
    this.sql('INSERT INTO merges (course_id, record_id, reason, at) VALUES (?, ?, ?, ?)').run(
      courseId,
      record.id,
      reason,
      new Date().toISOString(),
    );
    return { courseId, joinedBy: reason };
  }

  /** Re-merges a listing from its records; a change takes the next cursor number and is kept in history. */
  private refreshListing(courseId: string): void {
    const records = (
      this.sql('SELECT data FROM course_records WHERE course_id = ?').all(courseId) as {
        data: string;
      }[]
    ).map(parseCourse);
    const old = this.sql('SELECT data, content_hash, status FROM courses WHERE id = ?').get(courseId) as
      { data: string; content_hash: string; status: string } | undefined;
    if (records.length === 0) {
      if (old && old.status === 'active')
        this.writeListing({ ...parseCourse(old), status: 'withdrawn' }, parseCourse(old));
      return;
    }
    const merged = mergeRecords(courseId, records);
    if (old && old.content_hash === merged.contentHash && old.status === merged.status) {
      this.sql("UPDATE courses SET data = json_set(data, '$.lastSeenAt', ?) WHERE id = ?").run(
        merged.lastSeenAt,
        courseId,
      );
      return;
    }
    this.writeListing(merged, old ? parseCourse(old) : undefined);
  }

  private writeListing(listing: Course, before: Course | undefined): void {
    const now = this.now().toISOString();
    const firstSeen = this.sql('SELECT first_seen_at FROM courses WHERE id = ?').get(listing.id) as
      { first_seen_at: string } | undefined;
    const history = this.sql(
      'INSERT INTO course_history (course_id, at, field, old, new) VALUES (?, ?, ?, ?, ?)',
    );
    for (const entry of historyEntries(before, listing, now)) {
      history.run(listing.id, entry.at, entry.field, JSON.stringify(entry.old), JSON.stringify(entry.new));
    }
    this.sql(
      `INSERT INTO courses (id, provider_id, status, content_hash, title_key, data, document, first_seen_at, updated_at, seq)
         VALUES (@id, @providerId, @status, @contentHash, @titleKey, @data, @document, @now, @now, @seq)
         ON CONFLICT (id) DO UPDATE SET provider_id = excluded.provider_id, status = excluded.status, content_hash = excluded.content_hash,
           title_key = excluded.title_key, data = excluded.data, document = excluded.document, updated_at = excluded.updated_at, seq = excluded.seq`,
    ).run({
      ...listing,
      titleKey: titleKey(listing.title),
      data: JSON.stringify(listing),
      document: this.searchDocument(listing, firstSeen?.first_seen_at ?? now),
      now,
      seq: this.nextSeq(),
    });
  }

  /** Marks a record as seen again without changing it (an unchanged page, an unchanged feed row). */
  touch(recordId: string, seenAt: string): void {
    const row = this.sql(
      "UPDATE course_records SET data = json_set(data, '$.lastSeenAt', @seenAt), last_seen_at = @seenAt, missed_crawls = 0 WHERE record_id = @recordId RETURNING course_id",
    ).get({ recordId, seenAt }) as { course_id: string } | undefined;
    if (row) {
      this.sql(
        "UPDATE courses SET data = json_set(data, '$.lastSeenAt', @seenAt) WHERE id = @id AND json_extract(data, '$.lastSeenAt') < @seenAt",
      ).run({ id: row.course_id, seenAt });
    }
  }

  /**
   * Takes a listing down at its provider's word (a replace feed that no longer names it, a withdrawn row, DELETE):
   * the provider's records in it are withdrawn, and its crawled ones stay down when the crawler finds their pages
   * again, until the provider's feed lists the course again (see upsertCourses).
   */
  takeDown(providerId: string, listingId: string): void {
    this.db
      .transaction(() => {
        this.sql(
          "UPDATE course_records SET taken_down = 1 WHERE course_id = ? AND provider_id = ? AND source = 'crawl'",
        ).run(listingId, providerId);
        const rows = this.sql(
          "SELECT data FROM course_records WHERE course_id = ? AND provider_id = ? AND status = 'active'",
        ).all(listingId, providerId) as { data: string }[];
        const records = rows.map((row) => ({ ...parseCourse(row), status: 'withdrawn' as const }));
        if (records.length > 0) this.upsertCourses(records);
      })
      .immediate();
  }

  /**
   * After a complete crawl of a provider's site: its crawled records that the crawl did not see count one
   * more miss, and those missed `threshold` times in a row are withdrawn. A listing stays active while
   * another of its records (another page, a feed) still is. Returns the withdrawn record ids.
   */
  withdrawUnseen(providerId: string, crawlStartedAt: string, threshold: number): string[] {
    return this.db
      .transaction(() => {
        this.sql(
          `UPDATE course_records SET missed_crawls = missed_crawls + 1
             WHERE provider_id = ? AND source = 'crawl' AND status = 'active' AND last_seen_at < ?`,
        ).run(providerId, crawlStartedAt);
        const due = this.sql(
          `UPDATE course_records SET status = 'withdrawn', data = json_set(data, '$.status', 'withdrawn')
             WHERE provider_id = ? AND source = 'crawl' AND status = 'active' AND missed_crawls >= ?
             RETURNING record_id, course_id`,
        ).all(providerId, threshold) as { record_id: string; course_id: string }[];
        for (const courseId of new Set(due.map((row) => row.course_id))) this.refreshListing(courseId);
        return due.map((row) => row.record_id);
      })
      .immediate();
  }

  /** Undoes a merge: the record becomes a listing of its own again and is never merged automatically again. */
  splitRecord(recordId: string): void {
    this.db
      .transaction(() => {
        const listing = this.listingOf(recordId);
        if (!listing) throw new Error(`no record "${recordId}"`);
        if (listing === recordId) return;
        this.sql(
          "UPDATE course_records SET course_id = record_id, joined_by = 'split' WHERE record_id = ?",
        ).run(recordId);
        this.sql('UPDATE merges SET undone_at = ? WHERE record_id = ? AND undone_at IS NULL').run(
          new Date().toISOString(),
          recordId,
        );
        this.refreshListing(listing);
        this.refreshListing(recordId);
      })
      .immediate();
  }

  /** A listing; an id of a record that was merged into another listing finds that listing. */
  getCourse(id: string): Course | undefined {
    const row = this.sql('SELECT data FROM courses WHERE id = ?').get(id) as { data: string } | undefined;
    if (row) return parseCourse(row);
    const listing = this.listingOf(id);
    return listing && listing !== id ? this.getCourse(listing) : undefined;
  }

  /** The listing a source record belongs to. */
  listingOf(recordId: string): string | undefined {
    const row = this.sql('SELECT course_id FROM course_records WHERE record_id = ?').get(recordId) as
      { course_id: string } | undefined;
    return row?.course_id;
  }

  /** The records merged into a listing, with why each joined. */
  getRecords(courseId: string): { recordId: string; joinedBy: JoinReason; course: Course }[] {
    const rows = this.sql(
      'SELECT record_id, joined_by, data FROM course_records WHERE course_id = ? ORDER BY record_id',
    ).all(courseId) as { record_id: string; joined_by: JoinReason; data: string }[];
    return rows.map((row) => ({
      recordId: row.record_id,
      joinedBy: row.joined_by,
      course: parseCourse(row),
    }));
  }

  getHistory(courseId: string): HistoryEntry[] {
    const rows = this.sql(
      'SELECT at, field, old, new FROM course_history WHERE course_id = ? ORDER BY at, rowid',
    ).all(courseId) as { at: string; field: HistoryEntry['field']; old: string; new: string }[];
    return rows.map((row) => ({
      at: row.at,
      field: row.field,
      old: JSON.parse(row.old) as unknown,
      new: JSON.parse(row.new) as unknown,
    }));
  }

  countCourses(status: Course['status'] = 'active'): number {
    return (this.sql('SELECT COUNT(*) AS n FROM courses WHERE status = ?').get(status) as { n: number }).n;
  }

  /** Listing changes after `cursor`, oldest first: the outbox that the index sync reads. */
  changesSince(cursor: number, limit: number): CourseChange[] {
    return this.sql(
      'SELECT seq, id, provider_id AS providerId, status, document FROM courses WHERE seq > ? ORDER BY seq LIMIT ?',
    ).all(cursor, limit) as CourseChange[];
  }

  latestSeq(): number {
    return this.nextSeq() - 1;
  }

  getCursor(name: string): number {
    const row = this.sql('SELECT value FROM sync_state WHERE name = ?').get(name) as
      { value: number } | undefined;
    return row?.value ?? 0;
  }

  setCursor(name: string, value: number): void {
    this.sql(
      'INSERT INTO sync_state (name, value) VALUES (?, ?) ON CONFLICT (name) DO UPDATE SET value = excluded.value',
    ).run(name, value);
  }

  /** Stores what a crawl did, for the API and for scheduling the next crawl. */
  recordCrawl(report: { sourceId: string; startedAt: string; finishedAt: string | null }): void {
    this.sql('INSERT INTO crawl_runs (source_id, started_at, finished_at, report) VALUES (?, ?, ?, ?)').run(
      report.sourceId,
      report.startedAt,
      report.finishedAt,
      JSON.stringify(report),
    );
  }

  /** The latest crawl reports, newest first; of one source when given. */
  recentCrawls(limit: number, sourceId?: string): unknown[] {
    const rows = (
      sourceId
        ? this.sql(
            'SELECT report FROM crawl_runs WHERE source_id = ? ORDER BY started_at DESC, id DESC LIMIT ?',
          ).all(sourceId, limit)
        : this.sql('SELECT report FROM crawl_runs ORDER BY started_at DESC, id DESC LIMIT ?').all(limit)
    ) as { report: string }[];
    return rows.map((row) => JSON.parse(row.report) as unknown);
  }

  /** How many crawl runs ended each way: complete, incomplete, or unfinished (running, or interrupted). */
  crawlOutcomes(): Record<'complete' | 'incomplete' | 'unfinished', number> {
    const rows = this.sql(
      `SELECT CASE WHEN finished_at IS NULL THEN 'unfinished' WHEN json_extract(report, '$.complete') THEN 'complete'
         ELSE 'incomplete' END AS outcome, COUNT(*) AS count FROM crawl_runs GROUP BY outcome`,
    ).all() as { outcome: 'complete' | 'incomplete' | 'unfinished'; count: number }[];
    const outcomes = { complete: 0, incomplete: 0, unfinished: 0 };
    for (const row of rows) outcomes[row.outcome] = row.count;
    return outcomes;
  }

  lastCrawlFinishedAt(sourceId: string): string | undefined {
    const row = this.sql('SELECT MAX(finished_at) AS finished FROM crawl_runs WHERE source_id = ?').get(
      sourceId,
    ) as {
      finished: string | null;
    };
    return row.finished ?? undefined;
  }

  getPageState(url: string): PageState | undefined {
    const row = this.sql('SELECT * FROM pages WHERE url = ?').get(url) as
      | {
          url: string;
          source_id: string;
          etag: string | null;
          last_modified: string | null;
          content_hash: string;
          course_ids: string;
          fetched_at: string;
        }
      | undefined;
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

  setPageState(state: PageState): void {
    this.sql(
      `INSERT INTO pages (url, source_id, etag, last_modified, content_hash, course_ids, fetched_at)
         VALUES (@url, @sourceId, @etag, @lastModified, @contentHash, @courseIds, @fetchedAt)
         ON CONFLICT (url) DO UPDATE SET source_id = excluded.source_id, etag = excluded.etag, last_modified = excluded.last_modified,
           content_hash = excluded.content_hash, course_ids = excluded.course_ids, fetched_at = excluded.fetched_at`,
    ).run({ ...state, courseIds: JSON.stringify(state.courseIds) });
  }

  /** The search documents (JSON) of every active listing, in id order, a page at a time: for full rebuilds of the index. */
  activeDocuments(pageSize = 5000): Generator<string[]> {
    return this.activeColumn('document', pageSize);
  }

  /** Every active listing, in id order, a page at a time. */
  *activeCourses(pageSize = 1000): Generator<Course[]> {
    for (const page of this.activeColumn('data', pageSize)) yield page.map((data) => parseCourse({ data }));
  }

  private *activeColumn(column: 'data' | 'document', pageSize: number): Generator<string[]> {
    let after = '';
    for (;;) {
      const rows = this.sql(
        `SELECT id, ${column} AS value FROM courses WHERE status = 'active' AND id > ? ORDER BY id LIMIT ?`,
      ).all(after, pageSize) as { id: string; value: string }[];
      if (rows.length === 0) return;
      yield rows.map((row) => row.value);
      after = rows.at(-1)!.id;
    }
  }
}

export type { PageState, StoreCounts };
