import type { Database } from 'better-sqlite3';

/** Applied in order; `PRAGMA user_version` records how many ran. Never edit one that has shipped: add another. */
const MIGRATIONS: string[] = [
  `CREATE TABLE providers (
     id TEXT PRIMARY KEY,
     data TEXT NOT NULL,
     updated_at TEXT NOT NULL
   );
   CREATE TABLE courses (
     id TEXT PRIMARY KEY,
     provider_id TEXT NOT NULL,
     status TEXT NOT NULL,
     content_hash TEXT NOT NULL,
     data TEXT NOT NULL,
     first_seen_at TEXT NOT NULL,
     updated_at TEXT NOT NULL,
     -- change cursor: every change that the index must see takes the next number
     seq INTEGER NOT NULL
   );
   CREATE INDEX courses_seq ON courses (seq);
   CREATE INDEX courses_provider ON courses (provider_id, status);
   CREATE TABLE sync_state (
     name TEXT PRIMARY KEY,
     value INTEGER NOT NULL
   );`,
  `CREATE TABLE crawl_runs (
     id INTEGER PRIMARY KEY AUTOINCREMENT,
     source_id TEXT NOT NULL,
     started_at TEXT NOT NULL,
     finished_at TEXT,
     report TEXT NOT NULL
   );
   CREATE INDEX crawl_runs_source ON crawl_runs (source_id, started_at);`,
  `ALTER TABLE courses ADD COLUMN source TEXT NOT NULL DEFAULT 'crawl';
   ALTER TABLE courses ADD COLUMN last_seen_at TEXT NOT NULL DEFAULT '';
   -- successive complete crawls of its source that did not find the course
   ALTER TABLE courses ADD COLUMN missed_crawls INTEGER NOT NULL DEFAULT 0;
   UPDATE courses SET source = json_extract(data, '$.source'), last_seen_at = json_extract(data, '$.lastSeenAt');
   -- what the crawler saw at each URL last time: for conditional GET and unchanged-page detection
   CREATE TABLE pages (
     url TEXT PRIMARY KEY,
     source_id TEXT NOT NULL,
     etag TEXT,
     last_modified TEXT,
     content_hash TEXT NOT NULL,
     course_ids TEXT NOT NULL,
     fetched_at TEXT NOT NULL
   );`,
];

export function migrate(db: Database): void {
  const current = db.pragma('user_version', { simple: true }) as number;
  if (current > MIGRATIONS.length) {
    throw new Error(
      `The catalogue was written by a newer Shortlist (schema ${current}, this one knows ${MIGRATIONS.length}). Upgrade Shortlist.`,
    );
  }
  for (let version = current; version < MIGRATIONS.length; version++) {
    db.transaction(() => {
      db.exec(MIGRATIONS[version]!);
      db.pragma(`user_version = ${version + 1}`);
    }).immediate();
  }
}
