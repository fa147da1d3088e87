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
      `INSERT INTO courses (id, provider_id, status, content_hash, data, first_seen_at, updated_at, seq)
       VALUES (@id, @providerId, @status, @contentHash, @data, @now, @now, @seq)
       ON CONFLICT (id) DO UPDATE SET provider_id = excluded.provider_id, status = excluded.status,
         content_hash = excluded.content_hash, data = excluded.data, updated_at = excluded.updated_at, seq = excluded.seq`,
    );
    const touch = this.db.prepare("UPDATE courses SET data = json_set(data, '$.lastSeenAt', ?) WHERE id = ?");
    this.db
      .transaction(() => {
        let seq = this.nextSeq();
        const now = new Date().toISOString();
        for (const course of courses) {
          const existing = find.get(course.id) as { content_hash: string; status: string } | undefined;
          if (existing && existing.content_hash === course.contentHash && existing.status === course.status) {
            touch.run(course.lastSeenAt, course.id);
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
