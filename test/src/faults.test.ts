import { serve } from '@hono/node-server';
import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createApp } from '@shortlist/api';
import {
  CatalogueStore,
  createMeiliClient,
  rebuildIndex,
  SearchIndex,
  startBundledMeilisearch,
  startSyncLoop,
  type MeiliConnection,
} from '@shortlist/indexer';
import { testCourse } from '@shortlist/indexer/testing';

const PROVIDER = {
  id: 'northbridge-university',
  name: 'Northbridge University',
  type: 'university',
  country: 'GB',
  url: 'https://northbridge.example/',
} as const;
const TOPICS = [
  'Data Analytics',
  'Welding',
  'Nursing Leadership',
  'Cloud Computing',
  'Spanish',
  'Beekeeping',
  'Accounting',
  'UX Design',
];

function courses(count: number, offset = 0) {
  return Array.from({ length: count }, (_, n) =>
    testCourse({
      title: `${TOPICS[(n + offset) % TOPICS.length]} ${n + offset}`,
      url: `https://northbridge.example/courses/${n + offset}`,
      duration: `${2 + ((n + offset) % 15)} weeks`,
      cost: `£${100 + ((n + offset) % 40) * 25}`,
      mode: ['Online', 'In person', 'Blended'][(n + offset) % 3],
    }),
  );
}

const cleanups: (() => Promise<void> | void)[] = [];
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
});

function killMeilisearch(dataDir: string) {
  execFileSync('pkill', ['-KILL', '-f', `${dataDir}/meilisearch/data.ms`]);
}

describe('faults', () => {
  it('Meilisearch killed during a sync: after a restart the index equals the catalogue', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'fault-sync-'));
    const store = new CatalogueStore(join(dataDir, 'catalogue.db'));
    cleanups.push(() => store.close());
    store.upsertProvider(PROVIDER);
    let meili: MeiliConnection = await startBundledMeilisearch(dataDir);
    const index = new SearchIndex(createMeiliClient(meili.url, meili.key));
    await index.prepare(store);

    store.upsertCourses(courses(20_000));
    const errors: string[] = [];
    const loop = startSyncLoop(store, index, {
      intervalMs: 50,
      log: (message: string) => errors.push(message),
    });
    // Killed while Meilisearch holds batches it has not yet acknowledged.
    const pending = async () =>
      (await index.client.tasks.getTasks({ statuses: ['enqueued', 'processing'] })).total;
    await expect.poll(pending, { timeout: 60_000, interval: 5 }).toBeGreaterThan(0);
    killMeilisearch(dataDir);
    expect(store.getCursor(index.cursorName)).toBeLessThan(store.latestSeq()); // killed part-way
    store.upsertCourses(courses(2_000, 20_000)); // the catalogue keeps taking writes meanwhile
    await new Promise((resolve) => setTimeout(resolve, 500));
    await loop.stop();
    await meili.stop();
    expect(errors.some((message) => message.includes('index sync failed'))).toBe(true);

    meili = await startBundledMeilisearch(dataDir);
    cleanups.push(() => meili.stop());
    const restarted = new SearchIndex(createMeiliClient(meili.url, meili.key));
    await restarted.prepare(store);
    const recovered = startSyncLoop(store, restarted, { intervalMs: 50 });
    await recovered.flush();
    await recovered.stop();

    const live = restarted.client.index(restarted.uid);
    await expect
      .poll(async () => (await live.getStats()).numberOfDocuments, { timeout: 60_000 })
      .toBe(22_000);
    expect(store.countCourses()).toBe(22_000);
    const sample = store.changesSince(0, 22_000).filter((_, n) => n % 997 === 0);
    for (const { id, document } of sample) {
      expect(await live.getDocument(id)).toEqual(JSON.parse(document!));
    }
  }, 240_000);

  it('a reindex while 20 clients search: no failed and no empty search', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'fault-reindex-'));
    const meili = await startBundledMeilisearch(dataDir);
    const store = new CatalogueStore(join(dataDir, 'catalogue.db'));
    cleanups.push(
      () => meili.stop(),
      () => store.close(),
    );
    store.upsertProvider(PROVIDER);
    store.upsertCourses(courses(5_000));
    const index = new SearchIndex(createMeiliClient(meili.url, meili.key));
    await index.prepare(store);
    await index.syncFrom(store);

    const server = serve({ fetch: createApp({ store, index }).fetch, port: 0, hostname: '127.0.0.1' });
    await new Promise((resolve) => server.once('listening', resolve));
    cleanups.push(() => new Promise<void>((resolve) => server.close(() => resolve())));
    const { port } = server.address() as { port: number };

    let reindexing = true;
    const outcomes = { ok: 0, failed: 0, empty: 0 };
    const client = async (n: number) => {
      const queries = ['data', 'welding', 'cloud', 'mode=online', 'maxWeeks=8'];
      while (reindexing) {
        const query = queries[n % queries.length]!;
        const response = await fetch(
          `http://127.0.0.1:${port}/v1/search?${query.includes('=') ? query : `q=${query}`}`,
        ).catch(() => null);
        if (!response?.ok) outcomes.failed++;
        else if (((await response.json()) as { total: number }).total === 0) outcomes.empty++;
        else outcomes.ok++;
      }
    };
    const clients = Array.from({ length: 20 }, (_, n) => client(n));
    const result = await rebuildIndex(store, index);
    reindexing = false;
    await Promise.all(clients);

    expect(result.documents).toBe(5_000);
    expect(outcomes.ok).toBeGreaterThan(20);
    expect(outcomes).toMatchObject({ failed: 0, empty: 0 });
  }, 120_000);
});
