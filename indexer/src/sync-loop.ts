import type { CatalogueStore } from './catalogue/index.ts';
import { errorMessage } from './meili-client.ts';
import type { SearchIndex } from './search-index.ts';

const DAY_MS = 86_400_000;
/**
 * After a sync that sent changes, the next one waits this many times as long as that sync took (at most `maxGapMs`).
 * Meilisearch indexes each batch at a cost that grows with the index, not with the batch: at 1,000,000 courses a
 * batch of a few crawled courses took 0.4–2.4 s, while 109,000 courses took 16 s (docs/benchmarks.md, 2026-12-04).
 * Without a wait, a crawl's writes reach it as one small batch after another, and indexing them takes a core for
 * the whole crawl; with it, catching up takes at most about a fifth of the time, and a few syncs carry the crawl.
 * On a small catalogue a sync takes milliseconds, and the wait is shorter than `intervalMs`.
 */
const QUIET_FACTOR = 4;

export interface SyncLoop {
  /**
   * asks for a sync as soon as possible (after a crawl batch or an import): at once, or when the wait after the last
   * sync ends (see QUIET_FACTOR); while syncs fail, the back-off decides
   */
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
    maxGapMs = 10_000,
    setTimer = realTimer,
    now = () => performance.now(),
  }: {
    intervalMs?: number;
    maxBackoffMs?: number;
    /** the longest wait after a sync that sent changes (see QUIET_FACTOR) */
    maxGapMs?: number;
    log?: (line: string) => void;
    setTimer?: SetTimer;
    /** the clock, in ms, that times syncs and the waits after them; a test passes its own */
    now?: () => number;
  } = {},
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
  /** a write announced before this time waits for it (see QUIET_FACTOR); Meilisearch back after an outage does not */
  let quietUntil = 0;

  const schedule = (delay: number) => {
    if (stopped) return;
    cancelTimer();
    cancelTimer = setTimer(tick, delay);
  };
  // writes keep coming while Meilisearch is down: they must not cut the back-off short
  const soon = () => {
    if (syncing) again = true;
    else if (failures === 0) schedule(Math.max(0, quietUntil - now()));
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
        const started = now();
        const sent = await index.syncFrom(store, undefined, stopping.signal);
        failures = 0;
        const ended = now();
        const quiet = sent > 0 ? Math.min(maxGapMs, QUIET_FACTOR * (ended - started)) : 0;
        quietUntil = ended + quiet;
        schedule(again ? quiet : Math.max(intervalMs, quiet));
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
