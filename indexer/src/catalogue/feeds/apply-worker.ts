// The thread that applies one feed (see apply-thread.ts): its own connection, one transaction, then it ends.
import { parentPort, workerData } from 'node:worker_threads';
import { CatalogueStore } from '../store.ts';
import type { FeedApplyAnswer, FeedApplyRequest } from './apply-thread.ts';
import { FeedStaging } from './staging.ts';

const { catalogueFile, now, plan, job } = workerData as FeedApplyRequest;
const store = new CatalogueStore(catalogueFile, { now: () => new Date(now) });
const staging = new FeedStaging(undefined, plan.stagingFile);
let answer: FeedApplyAnswer;
try {
  const outcome = store.applyFeed(
    { ...plan, staging, namedIds: new Set(plan.namedIds) },
    ({ counts }) => job && store.feedJobs.finish(job.id, { ...job.summary, counts, applied: true }),
  );
  answer = { outcome };
} catch (error) {
  answer = { error: error instanceof Error ? (error.stack ?? error.message) : String(error) };
} finally {
  staging.close({ keep: true });
  store.close();
}
parentPort!.postMessage(answer);
