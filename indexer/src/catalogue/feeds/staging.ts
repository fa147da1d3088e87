import Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Course } from '@shortlist/schemas';

/**
 * The checked courses of a feed, kept on disk between reading the feed (slow, streamed) and applying it
 * (one short transaction): a feed of any size is applied without holding it in memory, and without holding
 * the catalogue's write lock while it is read.
 */
export class FeedStaging {
  private readonly db: Database.Database;
  private readonly file: string;
  private pending: string[] = [];
  private count = 0;

  constructor(folder = tmpdir()) {
    this.file = join(folder, `shortlist-feed-${randomUUID()}.db`);
    this.db = new Database(this.file);
    this.db.pragma('journal_mode = OFF');
    this.db.pragma('synchronous = OFF');
    this.db.exec('CREATE TABLE staged (n INTEGER PRIMARY KEY, data TEXT NOT NULL)');
  }

  get size(): number {
    return this.count;
  }

  /** Stages a course, given as its JSON (made where the course was checked). */
  add(courseJson: string): void {
    this.pending.push(courseJson);
    this.count++;
    if (this.pending.length >= 1000) this.flush();
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

  close(): void {
    if (this.db.open) this.db.close();
    rmSync(this.file, { force: true });
  }

  private flush(): void {
    if (this.pending.length === 0) return;
    const insert = this.db.prepare('INSERT INTO staged (data) VALUES (?)');
    const rows = this.pending;
    this.pending = [];
    this.db.transaction(() => rows.forEach((row) => insert.run(row)))();
  }
}
