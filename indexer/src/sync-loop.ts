import type { CatalogueStore } from './catalogue/index.ts';
import { errorMessage } from './meili-client.ts';
import type { SearchIndex } from './search-index.ts';

const DAY_MS = 86_400_000;

export interface SyncLoop {
  /** asks for a sync as soon as possible (after a crawl batch or an import); while syncs fail, the back-off decides */
  notify(): void;
  /** Meilisearch is back after an outage: sync at once instead of waiting out the back-off */
  retryNow(): void;
  /** resolves when everything written before the call is in the index (gives up after 120 s) */
  flush(): Promise<void>;
  stop(): Promise<void>;
}

/** Sets a timer and returns what cancels it; a test passes its own to run the loop on its own clock. */
export type SetTimer = (run: () => void, ms: number) => () => void;

const realTimer: SetTimer = (run, ms) => {
  const timer = setTimeout(run, ms);
  return () => clearTimeout(timer);
};

/**
 * Keeps the index in step with the catalogue. Failures (Meilisearch down, a task failed) are logged and
 * retried with back-off; the catalogue keeps accepting writes meanwhile and the cursor catches up later.
 */
export function startSyncLoop(
  store: CatalogueStore,
  index: SearchIndex,
  {
    intervalMs = 1000,
    maxBackoffMs = 30_000,
    log = console.error,
    setTimer = realTimer,
  }: { intervalMs?: number; maxBackoffMs?: number; log?: (line: string) => void; setTimer?: SetTimer } = {},
): SyncLoop {
  let stopped = false;
  /** a stop ends a sync between chunks: at 1,000,000 courses, a sync runs for minutes */
  const stopping = new AbortController();
  let running: Promise<void> = Promise.resolve();
  let syncing = false;
  /** writes were announced while a sync ran: sync again as soon as it ends */
  let again = false;
  let cancelTimer = () => {};
  let failures = 0;
  let refreshedDay = -1;

  const schedule = (delay: number) => {
    if (stopped) return;
    cancelTimer();
    cancelTimer = setTimer(tick, delay);
  };
  // writes keep coming while Meilisearch is down: they must not cut the back-off short
  const soon = () => {
    if (syncing) again = true;
    else if (failures === 0) schedule(0);
  };

  // only ever started by the timer, which is not set while a sync runs: one sync at a time
  function tick() {
    syncing = true;
    again = false;
    running = (async () => {
      try {
        // documents name the next start date; once a day those whose date has passed are written again
        const day = Math.floor(Date.now() / DAY_MS);
        if (day !== refreshedDay) {
          await store.refreshPassedStarts();
          refreshedDay = day;
        }
        await index.syncFrom(store, undefined, stopping.signal);
        failures = 0;
        schedule(again ? 0 : intervalMs);
      } catch (error) {
        failures++;
        const delay = Math.min(maxBackoffMs, intervalMs * 2 ** failures);
        log(`index sync failed (attempt ${failures}), retrying in ${delay} ms: ${errorMessage(error)}`);
        schedule(delay);
      } finally {
        syncing = false;
      }
    })();
  }

  schedule(0);
  return {
    notify: soon,
    retryNow: () => (syncing ? (again = true) : schedule(0)),
    async flush() {
      const target = store.latestSeq();
      const deadline = Date.now() + 120_000;
      while (store.getCursor(`meilisearch:${index.uid}`) < target) {
        if (Date.now() > deadline)
          throw new Error('the index did not catch up with the catalogue within 120 s');
        soon();
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    },
    async stop() {
      stopped = true;
      stopping.abort();
      cancelTimer();
      await running;
    },
  };
}
