import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CatalogueStore } from './catalogue/index.ts';
import { startBundledMeilisearch, type MeiliConnection } from './meili-server.ts';
import { createMeiliClient } from './meili-client.ts';
import { SearchIndex } from './search-index.ts';
import { startSyncLoop, type SetTimer } from './sync-loop.ts';
import { rebuildIndex } from './reindex.ts';
import { generateCourses, generatedProviders, testCourse } from './test-courses.ts';

let meili: MeiliConnection;
let store: CatalogueStore;
const dataDir = mkdtempSync(join(tmpdir(), 'search-index-'));

beforeAll(async () => {
  meili = await startBundledMeilisearch(dataDir);
  store = new CatalogueStore(join(dataDir, 'catalogue.db'));
  store.upsertProvider({
    id: 'northbridge-university',
    name: 'Northbridge University',
    type: 'university',
    country: 'GB',
    url: 'https://northbridge.example/',
  });
});
afterAll(async () => {
  store.close();
  await meili.stop();
});

/** A sync loop to a Meilisearch that is not there, and the failures it logs. */
function syncToUnreachable(uid: string, intervalMs: number, setTimer?: SetTimer) {
  const errors: string[] = [];
  const unreachable = new SearchIndex(createMeiliClient('http://127.0.0.1:9', meili.key), uid);
  const loop = startSyncLoop(store, unreachable, {
    intervalMs,
    log: (message) => errors.push(message),
    setTimer,
  });
  return { loop, errors };
}

/** Timers that fire only when the test says so. */
function manualTimers() {
  const live = new Set<{ ms: number; run: () => void }>();
  return {
    setTimer: ((run, ms) => {
      const timer = { ms, run };
      live.add(timer);
      return () => live.delete(timer);
    }) satisfies SetTimer,
    /** the delays of the timers set and not yet fired or cancelled */
    pending: () => [...live].map((timer) => timer.ms),
    fireNext() {
      const [timer] = live;
      live.delete(timer!);
      timer!.run();
    },
  };
}

describe('SearchIndex', () => {
  it('makes catalogue courses searchable with their provider and filterable by mode', async () => {
    const index = new SearchIndex(createMeiliClient(meili.url, meili.key), 'courses_sync_test');
    await index.prepare();
    store.upsertCourses([
      testCourse({ title: 'Data Analytics with Python', mode: 'Online', duration: '6 weeks' }),
      testCourse({ title: 'Welding Fundamentals', mode: 'In person', duration: '10 weeks' }),
    ]);
    expect(await index.syncFrom(store)).toBe(2);

    const results = await index.client.index(index.uid).search('python', { filter: 'mode = "online"' });
    expect(results.hits.map((hit) => hit.title)).toEqual(['Data Analytics with Python']);
    expect(results.hits[0]!.providerName).toBe('Northbridge University');
    expect(await index.syncFrom(store)).toBe(0);
  });

  it('removes withdrawn courses from search', async () => {
    const index = new SearchIndex(createMeiliClient(meili.url, meili.key), 'courses_withdraw_test');
    await index.prepare();
    const course = testCourse({ title: 'Introduction to Beekeeping' });
    store.upsertCourses([course]);
    await index.syncFrom(store);
    expect((await index.client.index(index.uid).search('beekeeping')).hits).toHaveLength(1);

    store.upsertCourses([{ ...course, status: 'withdrawn' }]);
    await index.syncFrom(store);
    expect((await index.client.index(index.uid).search('beekeeping')).hits).toHaveLength(0);
    expect(store.getCourse(course.id)?.status).toBe('withdrawn');
  });

  it('keeps accepting catalogue writes while Meilisearch is unreachable and catches up after', async () => {
    const { loop, errors } = syncToUnreachable('courses_outage_test', 20);
    store.upsertCourses([testCourse({ title: 'Soil Science for Growers' })]);
    await expect.poll(() => errors.length).toBeGreaterThan(0);
    await loop.stop();
    expect(errors[0]).toMatch(/index sync failed/);

    const index = new SearchIndex(createMeiliClient(meili.url, meili.key), 'courses_outage_test');
    await index.prepare();
    const recovered = startSyncLoop(store, index, { intervalMs: 20 });
    await recovered.flush();
    await recovered.stop();
    expect((await index.client.index(index.uid).search('soil science')).hits.map((hit) => hit.title)).toEqual(
      ['Soil Science for Growers'],
    );
  });

  it('stops a long sync between chunks, and the next sync sends what it left', async () => {
    const catalogue = new CatalogueStore(join(dataDir, 'stopped-sync.db'));
    for (const provider of generatedProviders()) catalogue.upsertProvider(provider);
    catalogue.upsertCourses(generateCourses(12_000)); // more than one chunk of ten 1,000-course batches
    const index = new SearchIndex(createMeiliClient(meili.url, meili.key), 'courses_stopped_sync');
    await index.prepare();
    const timers = manualTimers();
    const loop = startSyncLoop(catalogue, index, { setTimer: timers.setTimer });
    timers.fireNext(); // the sync starts
    await loop.stop();
    expect(catalogue.getCursor(index.cursorName)).toBeLessThan(catalogue.latestSeq());

    const next = startSyncLoop(catalogue, index, { intervalMs: 20 });
    await next.flush();
    await next.stop();
    expect((await index.client.index(index.uid).getStats()).numberOfDocuments).toBe(12_000);
    catalogue.close();
  });

  it('after a sync that sent changes, waits four times as long as it took before the next, at most maxGapMs', async () => {
    const catalogue = new CatalogueStore(join(dataDir, 'quiet-spell.db'));
    for (const provider of generatedProviders()) catalogue.upsertProvider(provider);
    let time = 0;
    /** how long each sync takes on the test's clock */
    let syncTakes = 500;
    const index = new (class extends SearchIndex {
      override async syncFrom(...args: Parameters<SearchIndex['syncFrom']>) {
        const sent = await super.syncFrom(...args);
        time += syncTakes;
        return sent;
      }
    })(createMeiliClient(meili.url, meili.key), 'courses_quiet_spell');
    await index.prepare();
    const timers = manualTimers();
    const loop = startSyncLoop(catalogue, index, {
      intervalMs: 1000,
      maxGapMs: 10_000,
      setTimer: timers.setTimer,
      now: () => time,
    });
    const SYNCED = { timeout: 60_000 }; // a sync on a loaded machine
    const write = (n: number) => catalogue.upsertCourses(generateCourses(1, { first: n }));
    write(0);
    timers.fireNext();
    await expect.poll(() => timers.pending(), SYNCED).toEqual([2000]);
    write(1);
    loop.notify(); // a write during the quiet spell waits for its end
    expect(timers.pending()).toEqual([2000]);

    time += 2000;
    syncTakes = 5000;
    timers.fireNext();
    await expect.poll(() => timers.pending(), SYNCED).toEqual([10_000]);
    expect(catalogue.getCursor(index.cursorName)).toBe(catalogue.latestSeq());

    time += 10_000;
    timers.fireNext(); // nothing to send: the usual interval
    await expect.poll(() => timers.pending(), SYNCED).toEqual([1000]);
    write(2);
    loop.notify(); // the first write after a quiet spell is synced at once
    expect(timers.pending()).toEqual([0]);
    await loop.stop();
    catalogue.close();
  });

  it('backs off while Meilisearch is unreachable, however many writes ask for a sync', async () => {
    const timers = manualTimers();
    const { loop, errors } = syncToUnreachable('courses_backoff', 100, timers.setTimer);
    expect(timers.pending()).toEqual([0]);
    for (const [attempt, backoff] of [200, 400, 800].entries()) {
      timers.fireNext();
      // the attempt failed and set its retry
      await expect.poll(() => timers.pending()).toEqual([backoff]);
      for (let batch = 0; batch < 10; batch++) {
        store.upsertCourses([testCourse({ title: `Back-off Course ${attempt}.${batch}` })]);
        loop.notify();
      }
      expect(timers.pending()).toEqual([backoff]);
    }
    expect(errors).toHaveLength(3);
    expect(errors[2]).toMatch(/index sync failed \(attempt 3\), retrying in 800 ms/);
    await loop.stop();
  });
});

describe('rebuildIndex', () => {
  it('swaps in a full copy while searches keep answering, and the live index is never empty', async () => {
    const index = new SearchIndex(createMeiliClient(meili.url, meili.key), 'courses_rebuild_test');
    await index.prepare(store);
    await index.syncFrom(store);
    const live = await index.client.index(index.uid).getStats();
    expect(live.numberOfDocuments).toBeGreaterThan(0);

    let searching = true;
    const counts: number[] = [];
    const searcher = (async () => {
      while (searching)
        counts.push((await index.client.index(index.uid).search('', { limit: 0 })).estimatedTotalHits);
    })();
    const result = await rebuildIndex(store, index);
    searching = false;
    await searcher;

    expect(result.documents).toBe(store.countCourses());
    expect(counts.length).toBeGreaterThan(0);
    expect(Math.min(...counts)).toBeGreaterThan(0);
    const indexes = await index.client.getIndexes({ limit: 100 });
    expect(indexes.results.filter((i) => i.uid.startsWith('courses_rebuild_test_rebuild'))).toEqual([]);
  });

  it('refills an index that was emptied behind its back', async () => {
    const index = new SearchIndex(createMeiliClient(meili.url, meili.key), 'courses_refill_test');
    await index.prepare(store);
    await index.syncFrom(store);
    await index.client.deleteIndex(index.uid).waitTask();
    await index.prepare(store);
    await index.syncFrom(store);
    expect((await index.client.index(index.uid).getStats()).numberOfDocuments).toBe(store.countCourses());
  });
});
