import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { Provider, type Course } from '@shortlist/schemas';
import { migrate } from './migrations.ts';

export interface UpsertCounts {
  new: number;
  changed: number;
  unchanged: number;
}

/** What the crawler saw at a URL last time. */
export interface PageState {
  url: string;
  sourceId: string;
  etag: string | null;
  lastModified: string | null;
  contentHash: string;
  courseIds: string[];
  fetchedAt: string;
}

export interface CourseChange {
  seq: number;
  id: string;
  status: Course['status'];
  course: Course;
}

/** The SQLite catalogue: the source of truth that the search index is rebuilt from. */
export class CatalogueStore {
  readonly db: Database.Database;

  constructor(file: string) {
    if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
    this.db = new Database(file);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = NORMAL');
    this.db.pragma('busy_timeout = 10000');
    migrate(this.db);
  }

  close(): void {
    this.db.close();
  }

  private nextSeq(): number {
    const row = this.db.prepare('SELECT COALESCE(MAX(seq), 0) + 1 AS next FROM courses').get() as {
      next: number;
    };
    return row.next;
  }

  upsertProvider(provider: Provider): void {
    const data = JSON.stringify(Provider.parse(provider));
    this.db
      .transaction(() => {
        const existing = this.db.prepare('SELECT data FROM providers WHERE id = ?').get(provider.id) as
          { data: string } | undefined;
        if (existing?.data === data) return;
        this.db
          .prepare(
            'INSERT INTO providers (id, data, updated_at) VALUES (?, ?, ?) ON CONFLICT (id) DO UPDATE SET data = excluded.data, updated_at = excluded.updated_at',
          )
          .run(provider.id, data, new Date().toISOString());
        // The index carries the provider's name on every course: resend them.
        if (existing)
          this.db
            .prepare('UPDATE courses SET seq = ? WHERE provider_id = ?')
            .run(this.nextSeq(), provider.id);
      })
      .immediate();
  }

  getProvider(id: string): Provider | undefined {
    const row = this.db.prepare('SELECT data FROM providers WHERE id = ?').get(id) as
      { data: string } | undefined;
    return row ? (JSON.parse(row.data) as Provider) : undefined;
  }

  listProviders(): Provider[] {
    const rows = this.db.prepare('SELECT data FROM providers ORDER BY id').all() as { data: string }[];
    return rows.map((row) => JSON.parse(row.data) as Provider);
  }

  /** Writes courses in one transaction. A course whose content is unchanged only has its lastSeenAt moved. */
  upsertCourses(courses: Course[]): UpsertCounts {
    const counts: UpsertCounts = { new: 0, changed: 0, unchanged: 0 };
    const find = this.db.prepare('SELECT content_hash, status FROM courses WHERE id = ?');
    const insert = this.db.prepare(
      `INSERT INTO courses (id, provider_id, status, content_hash, data, first_seen_at, updated_at, seq, source, last_seen_at, missed_crawls)
       VALUES (@id, @providerId, @status, @contentHash, @data, @now, @now, @seq, @source, @lastSeenAt, 0)
       ON CONFLICT (id) DO UPDATE SET provider_id = excluded.provider_id, status = excluded.status,
         content_hash = excluded.content_hash, data = excluded.data, updated_at = excluded.updated_at, seq = excluded.seq,
         source = excluded.source, last_seen_at = excluded.last_seen_at, missed_crawls = 0`,
    );
    this.db
      .transaction(() => {
        let seq = this.nextSeq();
        const now = new Date().toISOString();
        for (const course of courses) {
          const existing = find.get(course.id) as { content_hash: string; status: string } | undefined;
          if (existing && existing.content_hash === course.contentHash && existing.status === course.status) {
            this.touch(course.id, course.lastSeenAt);
            counts.unchanged++;
            continue;
          }
          insert.run({ ...course, data: JSON.stringify(course), now, seq: seq++ });
          counts[existing ? 'changed' : 'new']++;
        }
      })
      .immediate();
    return counts;
  }

  /** Marks a course as seen again without changing it (an unchanged page, an unchanged feed row). */
  touch(id: string, seenAt: string): void {
    this.db
      .prepare(
        "UPDATE courses SET data = json_set(data, '$.lastSeenAt', @seenAt), last_seen_at = @seenAt, missed_crawls = 0 WHERE id = @id",
      )
      .run({ id, seenAt });
  }

  /**
   * After a complete crawl of a provider's site: crawled courses it did not see count one more miss, and
   * those missed `threshold` times in a row are withdrawn (hidden from search, kept here). Returns their ids.
   */
  withdrawUnseen(providerId: string, crawlStartedAt: string, threshold: number): string[] {
    return this.db
      .transaction(() => {
        this.db
          .prepare(
            `UPDATE courses SET missed_crawls = missed_crawls + 1
             WHERE provider_id = ? AND source = 'crawl' AND status = 'active' AND last_seen_at < ?`,
          )
          .run(providerId, crawlStartedAt);
        const due = this.db
          .prepare(
            `SELECT id FROM courses WHERE provider_id = ? AND source = 'crawl' AND status = 'active' AND missed_crawls >= ?`,
          )
          .all(providerId, threshold) as { id: string }[];
        let seq = this.nextSeq();
        const withdraw = this.db.prepare(
          `UPDATE courses SET status = 'withdrawn', data = json_set(data, '$.status', 'withdrawn'), seq = ?, updated_at = ? WHERE id = ?`,
        );
        const now = new Date().toISOString();
        for (const { id } of due) withdraw.run(seq++, now, id);
        return due.map(({ id }) => id);
      })
      .immediate();
  }

  getPageState(url: string): PageState | undefined {
    const row = this.db.prepare('SELECT * FROM pages WHERE url = ?').get(url) as
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
    this.db
      .prepare(
        `INSERT INTO pages (url, source_id, etag, last_modified, content_hash, course_ids, fetched_at)
         VALUES (@url, @sourceId, @etag, @lastModified, @contentHash, @courseIds, @fetchedAt)
         ON CONFLICT (url) DO UPDATE SET source_id = excluded.source_id, etag = excluded.etag, last_modified = excluded.last_modified,
           content_hash = excluded.content_hash, course_ids = excluded.course_ids, fetched_at = excluded.fetched_at`,
      )
      .run({ ...state, courseIds: JSON.stringify(state.courseIds) });
  }

  getCourse(id: string): Course | undefined {
    const row = this.db.prepare('SELECT data FROM courses WHERE id = ?').get(id) as
      { data: string } | undefined;
    return row ? (JSON.parse(row.data) as Course) : undefined;
  }

  countCourses(status: Course['status'] = 'active'): number {
    const row = this.db.prepare('SELECT COUNT(*) AS n FROM courses WHERE status = ?').get(status) as {
      n: number;
    };
    return row.n;
  }

  /** Changes after `cursor`, oldest first: the outbox that the index sync reads. */
  changesSince(cursor: number, limit: number): CourseChange[] {
    const rows = this.db
      .prepare('SELECT seq, id, status, data FROM courses WHERE seq > ? ORDER BY seq LIMIT ?')
      .all(cursor, limit) as { seq: number; id: string; status: Course['status']; data: string }[];
    return rows.map((row) => ({
      seq: row.seq,
      id: row.id,
      status: row.status,
      course: JSON.parse(row.data) as Course,
    }));
  }

  latestSeq(): number {
    return this.nextSeq() - 1;
  }

  getCursor(name: string): number {
    const row = this.db.prepare('SELECT value FROM sync_state WHERE name = ?').get(name) as
      { value: number } | undefined;
    return row?.value ?? 0;
  }

  setCursor(name: string, value: number): void {
    this.db
      .prepare(
        'INSERT INTO sync_state (name, value) VALUES (?, ?) ON CONFLICT (name) DO UPDATE SET value = excluded.value',
      )
      .run(name, value);
  }

  /** Stores what a crawl did, for the API and for scheduling the next crawl. */
  recordCrawl(report: { sourceId: string; startedAt: string; finishedAt: string | null }): void {
    this.db
      .prepare('INSERT INTO crawl_runs (source_id, started_at, finished_at, report) VALUES (?, ?, ?, ?)')
      .run(report.sourceId, report.startedAt, report.finishedAt, JSON.stringify(report));
  }

  lastCrawlFinishedAt(sourceId: string): string | undefined {
    const row = this.db
      .prepare('SELECT MAX(finished_at) AS finished FROM crawl_runs WHERE source_id = ?')
      .get(sourceId) as { finished: string | null };
    return row.finished ?? undefined;
  }

  /** Every active course, in id order, a page at a time: for full rebuilds of the index. */
  *activeCourses(pageSize = 1000): Generator<Course[]> {
    let after = '';
    for (;;) {
      const rows = this.db
        .prepare("SELECT id, data FROM courses WHERE status = 'active' AND id > ? ORDER BY id LIMIT ?")
        .all(after, pageSize) as { id: string; data: string }[];
      if (rows.length === 0) return;
      yield rows.map((row) => JSON.parse(row.data) as Course);
      after = rows.at(-1)!.id;
    }
  }
}
