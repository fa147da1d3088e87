// The thread that applies one feed (see apply-thread.ts): its own connection, one transaction, then it ends. It
// puts together what applying needs as CatalogueStore does, without the store, which starts this thread.
import { parentPort, workerData } from 'node:worker_threads';
import type { FeedJobSummary } from '@shortlist/schemas';
import { CatalogueDatabase } from '../database.ts';
import { Listings } from '../listings.ts';
import { Outbox } from '../outbox.ts';
import { Providers } from '../providers.ts';
import { applyFeed, type FeedOutcome, type FeedPlan } from './apply.ts';
import { FeedJobs } from './jobs.ts';
import { FeedStaging } from './staging.ts';

/** What the thread that applies a feed is given: plain data, since a thread shares no objects. */
export interface FeedApplyRequest {
  catalogueFile: string;
  /** the time the feed is applied at, from the catalogue's clock: its history entries are dated so */
  now: string;
  plan: Omit<FeedPlan, 'staging'> & { stagingFile: string };
  /** the job to finish inside the feed's transaction, with its summary so far */
  job?: { id: string; summary: FeedJobSummary };
}

export type FeedApplyAnswer = { outcome: FeedOutcome } | { error: string };

const { catalogueFile, now, plan, job } = workerData as FeedApplyRequest;
const db = new CatalogueDatabase(catalogueFile);
const clock = () => new Date(now);
const providers = new Providers(db);
const listings = new Listings(db, new Outbox(db, providers, clock), clock);
const jobs = new FeedJobs(db);
const staging = new FeedStaging(undefined, plan.stagingFile);
let answer: FeedApplyAnswer;
try {
  const outcome = applyFeed(
    db,
    listings,
    { ...plan, staging },
    ({ counts }) => job && jobs.finish(job.id, { ...job.summary, counts, applied: true }),
  );
  answer = { outcome };
} catch (error) {
  answer = { error: error instanceof Error ? (error.stack ?? error.message) : String(error) };
} finally {
  staging.close({ keep: true });
  db.close();
}
parentPort!.postMessage(answer);
