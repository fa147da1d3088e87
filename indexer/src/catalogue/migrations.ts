import type { Database } from 'better-sqlite3';

/** Applied in order; `PRAGMA user_version` records how many ran. Never edit one that has shipped: add another. */
const MIGRATIONS: string[] = [
  `CREATE TABLE providers (
     id TEXT PRIMARY KEY,
     data TEXT NOT NULL,
     updated_at TEXT NOT NULL
   );
   -- listings: what learners see, merged from one or more source records
   CREATE TABLE courses (
     id TEXT PRIMARY KEY,
     provider_id TEXT NOT NULL,
     status TEXT NOT NULL,
     content_hash TEXT NOT NULL,
     title_key TEXT NOT NULL,
     data TEXT NOT NULL,
     first_seen_at TEXT NOT NULL,
     updated_at TEXT NOT NULL,
     -- change cursor: every change that the index must see takes the next number
     seq INTEGER NOT NULL
   );
   CREATE INDEX courses_seq ON courses (seq);
   CREATE INDEX courses_provider ON courses (provider_id, status);
   CREATE INDEX courses_title ON courses (provider_id, title_key);
   -- one row per source record: a course found on a crawled page, or a partner feed row
   CREATE TABLE course_records (
     record_id TEXT PRIMARY KEY,
     course_id TEXT NOT NULL,
     provider_id TEXT NOT NULL,
     source TEXT NOT NULL,
     status TEXT NOT NULL,
     content_hash TEXT NOT NULL,
     url_key TEXT NOT NULL,
     data TEXT NOT NULL,
     last_seen_at TEXT NOT NULL,
     -- successive complete crawls of its source that did not find the record
     missed_crawls INTEGER NOT NULL DEFAULT 0,
     -- why it belongs to its listing: own, same-url, near-duplicate, or split (a merge undone)
     joined_by TEXT NOT NULL
   );
   CREATE INDEX course_records_course ON course_records (course_id);
   CREATE INDEX course_records_url ON course_records (url_key);
   CREATE INDEX course_records_provider ON course_records (provider_id, source, status);
   CREATE TABLE course_history (
     course_id TEXT NOT NULL,
     at TEXT NOT NULL,
     field TEXT NOT NULL,
     old TEXT,
     new TEXT
   );
   CREATE INDEX course_history_course ON course_history (course_id, at);
   CREATE TABLE merges (
     id INTEGER PRIMARY KEY AUTOINCREMENT,
     course_id TEXT NOT NULL,
     record_id TEXT NOT NULL,
     reason TEXT NOT NULL,
     at TEXT NOT NULL,
     undone_at TEXT
   );
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
  `-- what the crawler saw at each URL last time: for conditional GET and unchanged-page detection
   CREATE TABLE pages (
     url TEXT PRIMARY KEY,
     source_id TEXT NOT NULL,
     etag TEXT,
     last_modified TEXT,
     content_hash TEXT NOT NULL,
     course_ids TEXT NOT NULL,
     fetched_at TEXT NOT NULL
   );`,
  `-- partner accounts: each writes the courses of one provider; keys are stored as salted scrypt hashes
   CREATE TABLE partners (
     id TEXT PRIMARY KEY,
     name TEXT NOT NULL,
     provider_id TEXT NOT NULL,
     created_at TEXT NOT NULL,
     revoked_at TEXT
   );
   CREATE INDEX partners_provider ON partners (provider_id);
   CREATE TABLE partner_keys (
     -- the public prefix of a key, for lookup; the rest is secret and only its hash is kept
     key_id TEXT PRIMARY KEY,
     partner_id TEXT NOT NULL,
     salt TEXT NOT NULL,
     hash TEXT NOT NULL,
     created_at TEXT NOT NULL,
     revoked_at TEXT,
     last_used_at TEXT
   );
   CREATE INDEX partner_keys_partner ON partner_keys (partner_id);
   -- every feed a partner sent or Shortlist fetched, applied or not: the feed history
   CREATE TABLE feed_jobs (
     id TEXT PRIMARY KEY,
     provider_id TEXT NOT NULL,
     partner_id TEXT,
     origin TEXT NOT NULL,
     source TEXT,
     format TEXT,
     mode TEXT NOT NULL,
     dry_run INTEGER NOT NULL,
     status TEXT NOT NULL,
     options TEXT NOT NULL,
     upload_path TEXT,
     created_at TEXT NOT NULL,
     started_at TEXT,
     finished_at TEXT,
     report TEXT
   );
   CREATE INDEX feed_jobs_provider ON feed_jobs (provider_id, created_at);
   CREATE TABLE feed_problems (
     job_id TEXT NOT NULL,
     row INTEGER NOT NULL,
     severity TEXT NOT NULL,
     field TEXT,
     value TEXT,
     message TEXT NOT NULL,
     fix TEXT NOT NULL
   );
   CREATE INDEX feed_problems_job ON feed_problems (job_id, row);
   -- feeds Shortlist polls for a partner, with what the last conditional GET saw
   CREATE TABLE feed_urls (
     id TEXT PRIMARY KEY,
     partner_id TEXT NOT NULL,
     provider_id TEXT NOT NULL,
     url TEXT NOT NULL,
     options TEXT NOT NULL,
     interval_minutes INTEGER NOT NULL,
     etag TEXT,
     last_modified TEXT,
     content_hash TEXT,
     last_polled_at TEXT,
     next_poll_at TEXT NOT NULL,
     last_job_id TEXT,
     last_error TEXT,
     created_at TEXT NOT NULL,
     removed_at TEXT
   );
   CREATE INDEX feed_urls_due ON feed_urls (next_poll_at);`,
  `-- the listing as the search index stores it, written with the listing so the index sync only copies it;
   -- NULL for a withdrawn listing; the store fills in those of an older catalogue once, when it sees the marker
   ALTER TABLE courses ADD COLUMN document TEXT;
   INSERT INTO sync_state (name, value) VALUES ('documents:fill', 1);`,
  `-- 1 when the provider took the course down (a replace feed that no longer names it, a withdrawn row, DELETE):
   -- the crawler, which may still find its page, then updates the record but does not list it again, until the
   -- provider's feed lists the course again
   ALTER TABLE course_records ADD COLUMN taken_down INTEGER NOT NULL DEFAULT 0;
   -- a crawled record withdrawn though no complete crawl missed it was taken down by its provider
   UPDATE course_records SET taken_down = 1 WHERE source = 'crawl' AND status = 'withdrawn' AND missed_crawls = 0;`,
  `-- search documents gained start days, cost per hour, first seen, per-level fields, region, stackable: the store
   -- writes every active listing's document again, with a new seq so that the index sync sends it
   UPDATE courses SET document = NULL WHERE status = 'active';
   INSERT OR REPLACE INTO sync_state (name, value) VALUES ('documents:fill', 1);`,
  `-- search documents gained the time of the latest tracked change (feeds list courses newest or changed first)
   UPDATE courses SET document = NULL WHERE status = 'active';
   INSERT OR REPLACE INTO sync_state (name, value) VALUES ('documents:fill', 1);`,
  `-- search documents gained the duration in the provider's own unit, which result cards show ("4 months")
   UPDATE courses SET document = NULL WHERE status = 'active';
   INSERT OR REPLACE INTO sync_state (name, value) VALUES ('documents:fill', 1);`,
  `-- provider statistics kept up to date as listings change, in the transaction that changes them, so that none
   -- reads every document (issue 16): the facts of each active listing's search document, and per provider the
   -- number of active listings with each facet value ('courses' and 'priced' count with the value ''); the
   -- catalogue keeps both as it writes search documents (provider-stats.ts), filled here from those stored
   CREATE TABLE listing_facts (
     course_id TEXT PRIMARY KEY,
     provider_id TEXT NOT NULL,
     mode TEXT,
     level TEXT,
     fields TEXT NOT NULL, -- JSON array of the broad field codes
     missing TEXT NOT NULL, -- JSON array of the critical information it lacks
     completeness REAL NOT NULL,
     cost REAL
   ) WITHOUT ROWID;
   -- medians are read by offset along these
   CREATE INDEX listing_facts_cost ON listing_facts (provider_id, cost) WHERE cost IS NOT NULL;
   CREATE INDEX listing_facts_completeness ON listing_facts (provider_id, completeness);
   CREATE TABLE provider_tallies (
     provider_id TEXT NOT NULL,
     facet TEXT NOT NULL,
     value TEXT NOT NULL,
     count INTEGER NOT NULL,
     PRIMARY KEY (provider_id, facet, value)
   ) WITHOUT ROWID;
   INSERT INTO listing_facts
     SELECT courses.id, courses.provider_id, json_extract(courses.document, '$.mode'), json_extract(courses.document, '$.levelLabel'),
       (SELECT json_group_array(DISTINCT value) FROM json_each(courses.document, '$.fields') WHERE length(value) = 2),
       (SELECT json_group_array(DISTINCT value) FROM json_each(courses.document, '$.completenessMissing')),
       json_extract(courses.document, '$.completeness'), json_extract(courses.document, '$.costReference')
     FROM courses WHERE document IS NOT NULL AND status = 'active';
   INSERT INTO provider_tallies (provider_id, facet, value, count)
     SELECT provider_id, 'courses', '', COUNT(*) FROM listing_facts GROUP BY provider_id
     UNION ALL SELECT provider_id, 'priced', '', COUNT(*) FROM listing_facts WHERE cost IS NOT NULL GROUP BY provider_id
     UNION ALL SELECT provider_id, 'mode', mode, COUNT(*) FROM listing_facts WHERE mode IS NOT NULL GROUP BY provider_id, mode
     UNION ALL SELECT provider_id, 'level', level, COUNT(*) FROM listing_facts WHERE level IS NOT NULL GROUP BY provider_id, level
     UNION ALL SELECT provider_id, 'field', value, COUNT(*) FROM listing_facts, json_each(fields) GROUP BY provider_id, value
     UNION ALL SELECT provider_id, 'missing', value, COUNT(*) FROM listing_facts, json_each(missing) GROUP BY provider_id, value;`,
  `-- the daily refresh of passed start dates reads only the listings whose next start has passed, along this index,
   -- instead of every document (issue 16)
   CREATE INDEX courses_next_start ON courses (json_extract(document, '$.nextStartDay')) WHERE status = 'active';`,
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
