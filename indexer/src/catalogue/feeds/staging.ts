import Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import { unlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Course } from '@shortlist/schemas';

/** Rows written to the file together: few enough that a write stays short on the thread that answers HTTP. */
const WRITE_BATCH = 250;

/**
 * The checked courses of a feed, and the records its rows name, kept on disk between reading the feed (slow,
 * streamed) and applying it (one short transaction): a feed of any size is applied without holding it in memory,
 * and without holding the catalogue's write lock while it is read.
 */
export class FeedStaging {
  private readonly db: Database.Database;
  private readonly file: string;
  private pending: string[] = [];
  private pendingNames: string[] = [];
  private count = 0;
  /** the writer's statements, prepared at its first write */
  private writes?: { course: Database.Statement; name: Database.Statement };

  /** A new staging file in `folder`; or, with `file`, one handed over by another thread, to read. */
  constructor(folder = tmpdir(), file?: string) {
    this.file = file ?? join(folder, `shortlist-feed-${randomUUID()}.db`);
    this.db = new Database(this.file);
    this.db.pragma('journal_mode = OFF');
    this.db.pragma('synchronous = OFF');
    // written and read in order, once: a page cache (16 MB by default) would only hold memory
    this.db.pragma('cache_size = -1000');
    if (file === undefined)
      this.db.exec(`CREATE TABLE staged (n INTEGER PRIMARY KEY, data TEXT NOT NULL);
        CREATE TABLE named (id TEXT PRIMARY KEY) WITHOUT ROWID;`);
    else
      this.count = (this.db.prepare('SELECT COUNT(*) AS count FROM staged').get() as { count: number }).count;
  }

  /**
   * Writes out what is pending, closes this connection and returns the file, for another thread to read with
   * `new FeedStaging(_, file)`; `close()` still removes it.
   */
  handOver(): string {
    this.flush();
    this.db.close();
    return this.file;
  }

  get size(): number {
    return this.count;
  }

  /** Stages a course, given as its JSON (made where the course was checked). */
  add(courseJson: string): void {
    this.pending.push(courseJson);
    this.count++;
    if (this.pending.length >= WRITE_BATCH) this.flush();
  }

  /** Records that a row of the feed names this record, accepted or not: its listing is kept, never withdrawn. */
  name(recordId: string): void {
    this.pendingNames.push(recordId);
    if (this.pendingNames.length >= WRITE_BATCH) this.flush();
  }

  /** Every record the feed names, once each, a page at a time. */
  *namedIds(size = 500): Generator<string[]> {
    this.flush();
    const read = this.db.prepare('SELECT id FROM named WHERE id > ? ORDER BY id LIMIT ?').pluck();
    let after = '';
    for (;;) {
      const ids = read.all(after, size) as string[];
      if (ids.length === 0) return;
      yield ids;
      after = ids.at(-1)!;
    }
  }

  /** The staged courses in the order they were added, a page at a time. */
  *pages(size = 500): Generator<Course[]> {
    this.flush();
    const read = this.db.prepare('SELECT n, data FROM staged WHERE n > ? ORDER BY n LIMIT ?');
    let after = 0;
    for (;;) {
      const rows = read.all(after, size) as { n: number; data: string }[];
      if (rows.length === 0) return;
      yield rows.map((row) => JSON.parse(row.data) as Course);
      after = rows.at(-1)!.n;
    }
  }

  /** Closes the file and, unless `keep` (a thread that was handed it), removes it. */
  close({ keep = false } = {}): void {
    if (this.db.open) this.db.close();
    if (keep) return;
    // not rmSync: its first call loads a module while the HTTP thread waits
    try {
      unlinkSync(this.file);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
  }

  private flush(): void {
    if (this.pending.length === 0 && this.pendingNames.length === 0) return;
    this.writes ??= {
      course: this.db.prepare('INSERT INTO staged (data) VALUES (?)'),
      name: this.db.prepare('INSERT OR IGNORE INTO named (id) VALUES (?)'),
    };
    const { course, name } = this.writes;
    const rows = this.pending;
    const names = this.pendingNames;
    this.pending = [];
    this.pendingNames = [];
    this.db.transaction(() => {
      for (const row of rows) course.run(row);
      for (const id of names) name.run(id);
    })();
  }
}
