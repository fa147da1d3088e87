import {
  checkFeedRows,
  FeedError,
  ForeignProviderError,
  openFeed,
  type CheckedDigest,
  type FeedInput,
  type FeedOptions,
} from '@shortlist/crawler/feeds';
import type { CatalogueStore } from '@shortlist/indexer';
import { FeedStaging, rejectedBlock, withdrawBlock, type FeedJobs } from '@shortlist/indexer/feeds';
import type { FeedJobSummary, FeedLimits, FeedMode, FeedProblem, Provider } from '@shortlist/schemas';

export interface FeedRun {
  jobId: string;
  provider: Provider;
  input: FeedInput;
  mode: FeedMode;
  dryRun: boolean;
  limits: FeedLimits;
  read: Omit<FeedOptions, 'baseUrl' | 'shape'>;
  /** when the feed was received; recorded on every course as fetchedAt */
  receivedAt: string;
  /** the polled URL; uploads are attributed to the provider's site */
  sourceUrl?: string;
  /** called just before the one transaction that applies the feed */
  onApply?: (courses: number) => void;
  /** check rows on this many worker threads (for large feeds); 0 checks them inline */
  workers?: number;
}

/** Rows looked up in the catalogue and staged together, between turns of the event loop. */
const PREVIEW_BATCH = 250;

/** A job's summary before anything of its feed is read. */
export function emptySummary(): FeedJobSummary {
  return {
    format: null,
    encoding: null,
    rows: 0,
    accepted: 0,
    rejected: 0,
    warnings: 0,
    counts: { new: 0, changed: 0, unchanged: 0, withdrawn: 0 },
    applied: false,
    blocked: null,
    error: null,
  };
}

/**
 * Reads, checks and (unless a dry run) applies one feed for one provider, recording everything in the job:
 * every problem of every row, the counts, and whether it was applied. The feed is read as a stream and
 * staged on disk, then applied in one transaction on a thread of its own, so that the server keeps answering. A
 * feed that cannot be read, or that names another provider's course, is recorded as failed and the FeedError is
 * thrown for the caller to answer with.
 */
export async function runFeed(store: CatalogueStore, jobs: FeedJobs, run: FeedRun): Promise<FeedJobSummary> {
  const { jobId, provider } = run;
  const summary = emptySummary();
  const staging = run.dryRun ? null : new FeedStaging();
  const problems: FeedProblem[] = [];
  const flush = () => {
    jobs.addProblems(jobId, problems);
    problems.length = 0;
  };
  const record = (found: readonly FeedProblem[]) => {
    for (const problem of found) {
      if (problem.severity === 'warning') summary.warnings++;
      problems.push(problem);
    }
    if (problems.length >= 1000) flush();
  };
  // another feed may be being applied on its thread: every write here waits for it (see CatalogueStore.writable)
  await store.writable();
  jobs.start(jobId);
  try {
    const feed = await openFeed(run.input, { ...run.read, baseUrl: provider.url, shape: 'raw' });
    await store.writable();
    jobs.setFormat(jobId, feed.format);
    Object.assign(summary, { format: feed.format, encoding: feed.encoding });
    const preview = store.previewFeed(provider.id);
    const context = { provider, fetchedAt: run.receivedAt, sourceUrl: run.sourceUrl ?? provider.url };
    const take = (rows: CheckedDigest[]) => {
      const foreign = preview.review(rows);
      if (foreign) throw new ForeignProviderError(foreign.row.row, foreign.providerId, provider.id);
      for (const row of rows) {
        summary.rows++;
        if (row.course) {
          staging?.add(row.course.json!);
          summary.accepted++;
        } else summary.rejected++;
        if (row.id) staging?.name(row.id);
        record(row.problems);
      }
      rows.length = 0;
    };
    const batch: CheckedDigest[] = [];
    for await (const row of checkFeedRows(feed, context, {
      workers: run.workers ?? 0,
      serialise: !run.dryRun,
    })) {
      if (batch.push(row) < PREVIEW_BATCH) continue;
      await store.writable();
      take(batch);
      // rows checked inline arrive without a pause: searches are answered between batches
      await new Promise(setImmediate);
    }
    await store.writable();
    take(batch);
    record(feed.notes.problems);
    flush();
    if (feed.notes.header) summary.header = feed.notes.header;
    if (feed.notes.delimiter) summary.delimiter = feed.notes.delimiter;
    if (run.dryRun) {
      summary.counts = { ...preview.counts };
      if (run.mode === 'replace') {
        const { withdrawn, listed } = preview.withdrawals();
        summary.counts.withdrawn = withdrawn;
        summary.blocked =
          rejectedBlock(summary.rows, summary.rejected, run.limits) ??
          withdrawBlock(withdrawn, listed, run.limits);
      }
      jobs.finish(jobId, summary);
      return summary;
    }
    const plan = {
      providerId: provider.id,
      mode: run.mode,
      staging: staging!,
      rows: summary.rows,
      rejected: summary.rejected,
      limits: run.limits,
    };
    run.onApply?.(summary.accepted);
    const outcome = await store.applyFeedOffThread(plan, { id: jobId, summary });
    Object.assign(summary, { applied: outcome.applied, counts: outcome.counts, blocked: outcome.blocked });
    if (!outcome.applied) jobs.finish(jobId, summary);
    return summary;
  } catch (error) {
    await store.writable();
    flush();
    summary.error =
      error instanceof FeedError
        ? {
            message: error.message,
            fix: error.fix,
            ...error.where,
            ...(error.parameter ? { parameter: error.parameter } : {}),
          }
        : {
            message: 'The feed could not be processed because of an internal error; it has been logged.',
            fix: 'Send it again later.',
          };
    jobs.finish(jobId, summary);
    throw error;
  } finally {
    staging?.close();
  }
}
