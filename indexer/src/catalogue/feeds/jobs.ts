import type { FeedJobStatus, FeedJobSummary, FeedMode, FeedOrigin, FeedProblem } from '@shortlist/schemas';
import { randomBytes } from 'node:crypto';
import type { CatalogueDatabase } from '../database.ts';

export interface FeedJobInit {
  providerId: string;
  partnerId: string | null;
  origin: FeedOrigin;
  source: string | null;
  format: string | null;
  mode: FeedMode;
  dryRun: boolean;
  options: Record<string, unknown>;
  uploadPath?: string | null;
}

export interface FeedJob extends FeedJobInit {
  id: string;
  status: FeedJobStatus;
  uploadPath: string | null;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
  summary: FeedJobSummary | null;
}

interface JobRow {
  id: string;
  provider_id: string;
  partner_id: string | null;
  origin: FeedOrigin;
  source: string | null;
  format: string | null;
  mode: FeedMode;
  dry_run: number;
  status: FeedJobStatus;
  options: string;
  upload_path: string | null;
  created_at: string;
  started_at: string | null;
  finished_at: string | null;
  report: string | null;
}

const toJob = (row: JobRow): FeedJob => ({
  id: row.id,
  providerId: row.provider_id,
  partnerId: row.partner_id,
  origin: row.origin,
  source: row.source,
  format: row.format,
  mode: row.mode,
  dryRun: row.dry_run === 1,
  status: row.status,
  options: JSON.parse(row.options) as Record<string, unknown>,
  uploadPath: row.upload_path,
  createdAt: row.created_at,
  startedAt: row.started_at,
  finishedAt: row.finished_at,
  summary: row.report ? (JSON.parse(row.report) as FeedJobSummary) : null,
});

/** Feed jobs and their problems: the status of a running feed, its report, and the feed history. */
export class FeedJobs {
  constructor(private readonly db: CatalogueDatabase) {}

  create(init: FeedJobInit): FeedJob {
    const id = `job_${randomBytes(9).toString('base64url')}`;
    this.db
      .sql(
        `INSERT INTO feed_jobs (id, provider_id, partner_id, origin, source, format, mode, dry_run, status, options, upload_path, created_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'queued', ?, ?, ?)`,
      )
      .run(
        id,
        init.providerId,
        init.partnerId,
        init.origin,
        init.source,
        init.format,
        init.mode,
        init.dryRun ? 1 : 0,
        JSON.stringify(init.options),
        init.uploadPath ?? null,
        new Date().toISOString(),
      );
    return this.get(id)!;
  }

  get(id: string): FeedJob | undefined {
    const row = this.db.sql('SELECT * FROM feed_jobs WHERE id = ?').get(id) as JobRow | undefined;
    return row ? toJob(row) : undefined;
  }

  /** Marks the job running; problems of an earlier, interrupted attempt are dropped. */
  start(id: string): void {
    this.db.transaction(() => {
      this.db.sql('DELETE FROM feed_problems WHERE job_id = ?').run(id);
      this.db
        .sql("UPDATE feed_jobs SET status = 'running', started_at = ? WHERE id = ?")
        .run(new Date().toISOString(), id);
    });
  }

  setFormat(id: string, format: string): void {
    this.db.sql('UPDATE feed_jobs SET format = ? WHERE id = ?').run(format, id);
  }

  addProblems(id: string, problems: readonly FeedProblem[]): void {
    if (problems.length === 0) return;
    const insert = this.db.sql(
      'INSERT INTO feed_problems (job_id, row, severity, field, value, message, fix) VALUES (?, ?, ?, ?, ?, ?, ?)',
    );
    this.db.transaction(() => {
      for (const p of problems) insert.run(id, p.row, p.severity, p.field, p.value, p.message, p.fix);
    });
  }

  /** Ends a job; called inside the feed's own transaction when the feed is applied. */
  finish(id: string, summary: FeedJobSummary): void {
    const status: FeedJobStatus = summary.error ? 'failed' : 'done';
    this.db
      .sql('UPDATE feed_jobs SET status = ?, finished_at = ?, report = ? WHERE id = ?')
      .run(status, new Date().toISOString(), JSON.stringify(summary), id);
  }

  problems(id: string, { offset = 0, limit = 50_000 } = {}): FeedProblem[] {
    return this.db
      .sql(
        'SELECT row, severity, field, value, message, fix FROM feed_problems WHERE job_id = ? ORDER BY row, rowid LIMIT ? OFFSET ?',
      )
      .all(id, limit, offset) as FeedProblem[];
  }

  countProblems(id: string): number {
    return (this.db.sql('SELECT COUNT(*) AS n FROM feed_problems WHERE job_id = ?').get(id) as { n: number })
      .n;
  }

  /** The error messages of each row, for the annotated CSV, in row order. */
  *errorsByRow(id: string): Generator<[row: number, messages: string[]]> {
    // its own statement: several annotated copies may be streamed at once
    const rows = this.db
      .prepare(
        "SELECT row, field, message FROM feed_problems WHERE job_id = ? AND severity = 'error' ORDER BY row, rowid",
      )
      .iterate(id) as Iterable<{ row: number; field: string | null; message: string }>;
    let current: [number, string[]] | undefined;
    for (const problem of rows) {
      if (current && current[0] !== problem.row) {
        yield current;
        current = undefined;
      }
      current ??= [problem.row, []];
      current[1].push(problem.message);
    }
    if (current) yield current;
  }

  /** The provider's feeds, newest first. */
  history(providerId: string, limit = 50): FeedJob[] {
    const rows = this.db
      .sql('SELECT * FROM feed_jobs WHERE provider_id = ? ORDER BY created_at DESC, rowid DESC LIMIT ?')
      .all(providerId, limit) as JobRow[];
    return rows.map(toJob);
  }

  /** How many feeds finished, by outcome and dry run: for /metrics. */
  outcomes(): { outcome: 'done' | 'failed'; dryRun: boolean; count: number }[] {
    const rows = this.db
      .prepare(
        "SELECT status AS outcome, dry_run, COUNT(*) AS count FROM feed_jobs WHERE status IN ('done', 'failed') GROUP BY status, dry_run",
      )
      .all() as { outcome: 'done' | 'failed'; dry_run: 0 | 1; count: number }[];
    return rows.map(({ outcome, dry_run, count }) => ({ outcome, dryRun: dry_run === 1, count }));
  }

  /** Jobs a stopped process left unfinished. Nothing of them was applied (a feed applies in one transaction). */
  interrupted(): FeedJob[] {
    const rows = this.db
      .sql("SELECT * FROM feed_jobs WHERE status IN ('queued', 'running')")
      .all() as JobRow[];
    return rows.map(toJob);
  }

  /** Forgets the problems of all but the newest `keep` jobs of a provider; returns the uploads no longer needed. */
  prune(providerId: string, keep = 50): string[] {
    const old = this.db
      .sql(
        'SELECT id, upload_path FROM feed_jobs WHERE provider_id = ? ORDER BY created_at DESC, rowid DESC LIMIT -1 OFFSET ?',
      )
      .all(providerId, keep) as { id: string; upload_path: string | null }[];
    const forget = this.db.sql('DELETE FROM feed_problems WHERE job_id = ?');
    const unlink = this.db.sql('UPDATE feed_jobs SET upload_path = NULL WHERE id = ?');
    this.db.transaction(() => old.forEach((job) => (forget.run(job.id), unlink.run(job.id))));
    return old.map((job) => job.upload_path).filter((path): path is string => path !== null);
  }
}
