import { randomBytes } from 'node:crypto';
import type { CatalogueDatabase } from '../database.ts';

/** A feed URL a partner registered, polled on a schedule with conditional GET. */
export interface FeedUrl {
  id: string;
  partnerId: string;
  providerId: string;
  url: string;
  /** the feed options every poll is run with (mode, format, mapping …) */
  options: Record<string, string>;
  intervalMinutes: number;
  etag: string | null;
  lastModified: string | null;
  /** SHA-256 of the body last fetched: an unchanged body is not run again */
  contentHash: string | null;
  lastPolledAt: string | null;
  nextPollAt: string;
  lastJobId: string | null;
  lastError: string | null;
  createdAt: string;
}

interface FeedUrlRow {
  id: string;
  partner_id: string;
  provider_id: string;
  url: string;
  options: string;
  interval_minutes: number;
  etag: string | null;
  last_modified: string | null;
  content_hash: string | null;
  last_polled_at: string | null;
  next_poll_at: string;
  last_job_id: string | null;
  last_error: string | null;
  created_at: string;
}

const toFeedUrl = (row: FeedUrlRow): FeedUrl => ({
  id: row.id,
  partnerId: row.partner_id,
  providerId: row.provider_id,
  url: row.url,
  options: JSON.parse(row.options) as Record<string, string>,
  intervalMinutes: row.interval_minutes,
  etag: row.etag,
  lastModified: row.last_modified,
  contentHash: row.content_hash,
  lastPolledAt: row.last_polled_at,
  nextPollAt: row.next_poll_at,
  lastJobId: row.last_job_id,
  lastError: row.last_error,
  createdAt: row.created_at,
});

/** What one poll found, to be remembered for the next (conditional GET) and shown to the partner. */
export interface PollOutcome {
  etag?: string | null;
  lastModified?: string | null;
  contentHash?: string | null;
  jobId?: string | null;
  error?: string | null;
}

export class FeedUrls {
  constructor(private readonly db: CatalogueDatabase) {}

  register(init: {
    partnerId: string;
    providerId: string;
    url: string;
    options: Record<string, string>;
    intervalMinutes: number;
  }): FeedUrl {
    const existing = this.list(init.providerId).find((feed) => feed.url === init.url);
    if (existing) this.remove(existing.id);
    const id = `url_${randomBytes(6).toString('hex')}`;
    const now = new Date().toISOString();
    this.db
      .sql(
        `INSERT INTO feed_urls (id, partner_id, provider_id, url, options, interval_minutes, next_poll_at, created_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        id,
        init.partnerId,
        init.providerId,
        init.url,
        JSON.stringify(init.options),
        init.intervalMinutes,
        now,
        now,
      );
    return this.get(id)!;
  }

  get(id: string): FeedUrl | undefined {
    const row = this.db.sql('SELECT * FROM feed_urls WHERE id = ? AND removed_at IS NULL').get(id) as
      FeedUrlRow | undefined;
    return row && toFeedUrl(row);
  }

  list(providerId: string): FeedUrl[] {
    const rows = this.db
      .sql('SELECT * FROM feed_urls WHERE provider_id = ? AND removed_at IS NULL ORDER BY created_at')
      .all(providerId) as FeedUrlRow[];
    return rows.map(toFeedUrl);
  }

  remove(id: string): void {
    this.db.sql('UPDATE feed_urls SET removed_at = ? WHERE id = ?').run(new Date().toISOString(), id);
  }

  /** Feed URLs whose next poll is due. */
  due(now = new Date()): FeedUrl[] {
    const rows = this.db
      .sql('SELECT * FROM feed_urls WHERE removed_at IS NULL AND next_poll_at <= ? ORDER BY next_poll_at')
      .all(now.toISOString()) as FeedUrlRow[];
    return rows.map(toFeedUrl);
  }

  /** Records a poll and schedules the next one. Validators are kept unless the poll replaced them. */
  recordPoll(id: string, outcome: PollOutcome, now = new Date()): void {
    const feed = this.get(id);
    if (!feed) return;
    const next = new Date(now.getTime() + feed.intervalMinutes * 60_000).toISOString();
    this.db
      .sql(
        `UPDATE feed_urls SET etag = ?, last_modified = ?, content_hash = ?, last_job_id = ?, last_error = ?,
           last_polled_at = ?, next_poll_at = ? WHERE id = ?`,
      )
      .run(
        outcome.etag === undefined ? feed.etag : outcome.etag,
        outcome.lastModified === undefined ? feed.lastModified : outcome.lastModified,
        outcome.contentHash === undefined ? feed.contentHash : outcome.contentHash,
        outcome.jobId === undefined ? feed.lastJobId : outcome.jobId,
        outcome.error ?? null,
        now.toISOString(),
        next,
        id,
      );
  }
}
