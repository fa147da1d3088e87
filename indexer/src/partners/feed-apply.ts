import type { Statement } from 'better-sqlite3';
import type { Course } from '@shortlist/schemas';
import type { StoreCounts } from '@shortlist/schemas';
import type { CatalogueStore } from '../catalogue.ts';
import { urlKey } from '../near-duplicate.ts';
import type { FeedStaging } from './feed-staging.ts';

export type FeedMode = 'replace' | 'upsert';

/** Safety limits for replace mode; a feed beyond either is not applied. */
export interface FeedLimits {
  /** the share of the provider's listed courses a feed may withdraw (default 0.5) */
  maxWithdrawShare: number;
  /** the share of a feed's rows that may be rejected (default 0.2) */
  maxRejectedShare: number;
}

export const DEFAULT_FEED_LIMITS: FeedLimits = { maxWithdrawShare: 0.5, maxRejectedShare: 0.2 };

export interface FeedCounts extends StoreCounts {
  withdrawn: number;
}

/** Why a feed was not applied, and how to send it so that it is. */
export interface FeedBlock {
  reason: string;
  fix: string;
}

export interface FeedPlan {
  providerId: string;
  mode: FeedMode;
  staging: FeedStaging;
  /** every record the feed names, rejected rows included: their listings are kept, never withdrawn */
  namedIds: ReadonlySet<string>;
  rows: number;
  rejected: number;
  limits: FeedLimits;
}

export interface FeedOutcome {
  applied: boolean;
  counts: FeedCounts;
  blocked: FeedBlock | null;
}

const percent = (share: number) => `${Math.round(share * 100)}%`;

class Blocked extends Error {
  constructor(readonly block: FeedBlock) {
    super(block.reason);
  }
}

export function rejectedBlock(rows: number, rejected: number, limits: FeedLimits): FeedBlock | null {
  if (rows === 0 || rejected / rows <= limits.maxRejectedShare) return null;
  return {
    reason: `${rejected} of ${rows} rows (${percent(rejected / rows)}) were rejected, more than the ${percent(limits.maxRejectedShare)} a replace feed may have: applying it would withdraw the courses those rows describe.`,
    fix: `Fix the rejected rows (see the problems), or send the feed with mode=upsert to apply only the accepted rows, or raise the limit with maxRejectedShare=${Math.min(1, Math.ceil((rejected / rows) * 10) / 10)}.`,
  };
}

export function withdrawBlock(withdrawn: number, listed: number, limits: FeedLimits): FeedBlock | null {
  if (listed === 0 || withdrawn / listed <= limits.maxWithdrawShare) return null;
  return {
    reason: `This feed would withdraw ${withdrawn} of your ${listed} listed courses (${percent(withdrawn / listed)}), more than the ${percent(limits.maxWithdrawShare)} safety limit for a replace feed.`,
    fix: `If those courses really are gone, send it again with maxWithdrawShare=${Math.min(1, Math.ceil((withdrawn / listed) * 10) / 10)}; to add or update courses without withdrawing the others, use mode=upsert.`,
  };
}

/** The provider's active listings. */
function listedIds(store: CatalogueStore, providerId: string): Set<string> {
  const rows = store.db
    .prepare("SELECT id FROM courses WHERE provider_id = ? AND status = 'active'")
    .all(providerId) as { id: string }[];
  return new Set(rows.map((row) => row.id));
}

/** Whether a listing of the provider still has an active feed record: one statement for a whole feed. */
function listedByFeed(store: CatalogueStore, providerId: string): (listingId: string) => boolean {
  const statement = store.db.prepare(
    "SELECT 1 FROM course_records WHERE course_id = ? AND provider_id = ? AND source = 'feed' AND status = 'active'",
  );
  return (listingId) => statement.get(listingId, providerId) !== undefined;
}

/** The listings the named records belong to. */
function coveredIds(store: CatalogueStore, recordIds: ReadonlySet<string>): Set<string> {
  const covered = new Set<string>();
  const ids = [...recordIds];
  for (let start = 0; start < ids.length; start += 500) {
    const chunk = ids.slice(start, start + 500);
    const rows = store.db
      .prepare(`SELECT course_id FROM course_records WHERE record_id IN (${chunk.map(() => '?').join(',')})`)
      .all(...chunk) as { course_id: string }[];
    for (const row of rows) covered.add(row.course_id);
  }
  return covered;
}

/**
 * Applies a checked feed in one transaction: its courses are upserted and, in replace mode, the provider's
 * listings the feed no longer names are withdrawn. A replace feed past a safety limit is rolled back and
 * reported as blocked. `inTransaction` runs last, inside the same transaction (e.g. to record the job), so
 * a crash leaves either the catalogue before the feed or after it, with the job saying which.
 */
export function applyFeed(
  store: CatalogueStore,
  plan: FeedPlan,
  inTransaction: (outcome: FeedOutcome) => void = () => {},
): FeedOutcome {
  const counts: FeedCounts = { new: 0, changed: 0, unchanged: 0, withdrawn: 0 };
  const replace = plan.mode === 'replace';
  const early = replace ? rejectedBlock(plan.rows, plan.rejected, plan.limits) : null;
  if (early) return { applied: false, counts, blocked: early };
  try {
    return store.db
      .transaction(() => {
        const listed = replace ? listedIds(store, plan.providerId) : new Set<string>();
        const withdrawnRows = new Set<string>();
        for (const page of plan.staging.pages()) {
          const written = store.upsertCourses(page);
          counts.new += written.new;
          counts.changed += written.changed;
          counts.unchanged += written.unchanged;
          for (const course of page) if (course.status === 'withdrawn') withdrawnRows.add(course.id);
        }
        // a row marked withdrawn takes its whole listing down, crawled pages of the course included, unless
        // another row of the feed lists the course (as when a partner gives a course a new id)
        const stillListed = listedByFeed(store, plan.providerId);
        for (const listing of new Set([...withdrawnRows].map((id) => store.listingOf(id)!)))
          if (!stillListed(listing)) store.takeDown(plan.providerId, listing);
        if (replace) {
          const covered = coveredIds(store, plan.namedIds);
          const gone = [...listed].filter((id) => !covered.has(id));
          const blocked = withdrawBlock(gone.length, listed.size, plan.limits);
          if (blocked) throw new Blocked(blocked);
          for (const id of gone) store.takeDown(plan.providerId, id);
          counts.withdrawn = gone.length;
        }
        const outcome: FeedOutcome = { applied: true, counts, blocked: null };
        inTransaction(outcome);
        return outcome;
      })
      .immediate();
  } catch (error) {
    if (error instanceof Blocked)
      return {
        applied: false,
        counts: { new: 0, changed: 0, unchanged: 0, withdrawn: 0 },
        blocked: error.block,
      };
    throw error;
  }
}

/** What the preview reads of a checked row: its course when accepted, the record it names when rejected. */
export interface PreviewRow {
  id: string | null;
  course: Pick<Course, 'id' | 'url' | 'contentHash' | 'status'> | null;
}

interface KnownRecord {
  record_id: string;
  course_id: string;
  provider_id: string;
  content_hash: string;
  status: string;
  url_key: string;
}

const LOOKUP_CHUNK = 500;

/**
 * What a feed would do, worked out with reads only (for dry runs, and to refuse a row that claims another
 * provider's course page before anything is written). Rows are looked up a batch at a time.
 */
export class FeedPreview {
  readonly counts: FeedCounts = { new: 0, changed: 0, unchanged: 0, withdrawn: 0 };
  private readonly covered = new Set<string>();
  private readonly statements = new Map<string, Statement>();

  constructor(
    private readonly store: CatalogueStore,
    private readonly providerId: string,
  ) {}

  /**
   * Counts each accepted course as new, changed or unchanged, and keeps the listings rejected rows name.
   * Returns the first row whose course page belongs to another provider (the feed must then be refused).
   */
  review<T extends PreviewRow>(rows: readonly T[]): { row: T; providerId: string } | null {
    const accepted = rows.filter((row) => row.course !== null);
    const urls = new Map(accepted.map((row) => [row, urlKey(row.course!.url)]));
    const byUrl = byUrlKey(this.find('url_key', [...new Set(urls.values())], "status = 'active'"));
    for (const [row, key] of urls) {
      const foreign = byUrl.get(key)?.find((record) => record.provider_id !== this.providerId);
      if (foreign) return { row, providerId: foreign.provider_id };
    }
    const ids = rows.map((row) => row.id).filter((id): id is string => id !== null);
    const byId = new Map(this.find('record_id', ids).map((record) => [record.record_id, record]));
    for (const row of rows) {
      const existing = row.id === null ? undefined : byId.get(row.id);
      if (existing) this.covered.add(existing.course_id);
      const course = row.course;
      if (!course) continue;
      if (!existing) {
        this.counts.new++;
        const own = byUrl.get(urls.get(row)!)?.find((record) => record.provider_id === this.providerId);
        if (own) this.covered.add(own.course_id);
      } else if (existing.content_hash === course.contentHash && existing.status === course.status)
        this.counts.unchanged++;
      else this.counts.changed++;
    }
    return null;
  }

  /** In replace mode: how many listings would be withdrawn, out of how many. */
  withdrawals(): { withdrawn: number; listed: number } {
    const listed = listedIds(this.store, this.providerId);
    const withdrawn = [...listed].filter((id) => !this.covered.has(id)).length;
    return { withdrawn, listed: listed.size };
  }

  /** The source records whose `column` is one of `values`, read in chunks. */
  private find(column: 'url_key' | 'record_id', values: readonly string[], where = '1'): KnownRecord[] {
    const found: KnownRecord[] = [];
    for (let start = 0; start < values.length; start += LOOKUP_CHUNK) {
      const chunk = values.slice(start, start + LOOKUP_CHUNK);
      const sql = `SELECT record_id, course_id, provider_id, content_hash, status, url_key FROM course_records
        WHERE ${column} IN (${chunk.map(() => '?').join(',')}) AND ${where}`;
      let statement = this.statements.get(sql);
      if (!statement) this.statements.set(sql, (statement = this.store.db.prepare(sql)));
      found.push(...(statement.all(...chunk) as KnownRecord[]));
    }
    return found;
  }
}

function byUrlKey(records: KnownRecord[]): Map<string, KnownRecord[]> {
  const groups = new Map<string, KnownRecord[]>();
  for (const record of records) {
    const list = groups.get(record.url_key);
    if (list) list.push(record);
    else groups.set(record.url_key, [record]);
  }
  return groups;
}
