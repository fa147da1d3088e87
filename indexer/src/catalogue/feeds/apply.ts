import type { FeedBlock, FeedCounts, FeedLimits, FeedMode } from '@shortlist/schemas';
import type { CatalogueDatabase } from '../database.ts';
import type { Listings } from '../listings.ts';
import type { FeedStaging } from './staging.ts';

export interface FeedPlan {
  providerId: string;
  mode: FeedMode;
  /** the accepted courses, and every record the feed names (rejected rows included) */
  staging: FeedStaging;
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
export function listedIds(db: CatalogueDatabase, providerId: string): Set<string> {
  const rows = db
    .sql("SELECT id FROM courses WHERE provider_id = ? AND status = 'active'")
    .all(providerId) as { id: string }[];
  return new Set(rows.map((row) => row.id));
}

/** Whether a listing of the provider still has an active feed record: one statement for a whole feed. */
function listedByFeed(db: CatalogueDatabase, providerId: string): (listingId: string) => boolean {
  const statement = db.sql(
    "SELECT 1 FROM course_records WHERE course_id = ? AND provider_id = ? AND source = 'feed' AND status = 'active'",
  );
  return (listingId) => statement.get(listingId, providerId) !== undefined;
}

/** The listings the named records belong to. */
function coveredIds(db: CatalogueDatabase, staging: FeedStaging): Set<string> {
  const covered = new Set<string>();
  for (const chunk of staging.namedIds()) {
    const rows = db
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
  db: CatalogueDatabase,
  listings: Listings,
  plan: FeedPlan,
  inTransaction: (outcome: FeedOutcome) => void = () => {},
): FeedOutcome {
  const counts: FeedCounts = { new: 0, changed: 0, unchanged: 0, withdrawn: 0 };
  const replace = plan.mode === 'replace';
  const early = replace ? rejectedBlock(plan.rows, plan.rejected, plan.limits) : null;
  if (early) return { applied: false, counts, blocked: early };
  try {
    return db.write(() => {
      const listed = replace ? listedIds(db, plan.providerId) : new Set<string>();
      const withdrawnRows = new Set<string>();
      for (const page of plan.staging.pages()) {
        const written = listings.upsert(page);
        counts.new += written.new;
        counts.changed += written.changed;
        counts.unchanged += written.unchanged;
        for (const course of page) if (course.status === 'withdrawn') withdrawnRows.add(course.id);
      }
      // a row marked withdrawn takes its whole listing down, crawled pages of the course included, unless
      // another row of the feed lists the course (as when a partner gives a course a new id)
      const stillListed = listedByFeed(db, plan.providerId);
      for (const listing of new Set([...withdrawnRows].map((id) => listings.listingOf(id)!)))
        if (!stillListed(listing)) listings.takeDown(plan.providerId, listing);
      if (replace) {
        const covered = coveredIds(db, plan.staging);
        const gone = [...listed].filter((id) => !covered.has(id));
        const blocked = withdrawBlock(gone.length, listed.size, plan.limits);
        if (blocked) throw new Blocked(blocked);
        for (const id of gone) listings.takeDown(plan.providerId, id);
        counts.withdrawn = gone.length;
      }
      const outcome: FeedOutcome = { applied: true, counts, blocked: null };
      inTransaction(outcome);
      return outcome;
    });
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
