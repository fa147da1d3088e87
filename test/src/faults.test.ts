import { serve } from '@hono/node-server';
import { once } from 'node:events';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
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

/** Kills the bundled server by the process id its supervisor exposes; resolves once the supervisor saw it go. */
async function killMeilisearch(meili: MeiliConnection) {
  const down = once(meili.supervisor!, 'down');
  process.kill(meili.supervisor!.processIds()!.server, 'SIGKILL');
  await down;
}

/** Holds the supervisor's restart until the test has seen what it needs of the outage. */
function outage() {
  let end = () => {};
  const over = new Promise<void>((resolve) => (end = resolve));
  return { wait: () => over, end };
}

describe('faults', () => {
  it('Meilisearch killed during a sync: it is restarted and the index catches up with the catalogue', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'fault-sync-'));
    const store = new CatalogueStore(join(dataDir, 'catalogue.db'));
    cleanups.push(() => store.close());
    store.upsertProvider(PROVIDER);
    const restart = outage();
    const meili = await startBundledMeilisearch(dataDir, { wait: restart.wait, log: () => {} });
    cleanups.push(() => meili.stop());
    const index = new SearchIndex(createMeiliClient(meili.url, meili.key));
    await index.prepare(store);

    store.upsertCourses(courses(20_000));
    const errors: string[] = [];
    const loop = startSyncLoop(store, index, {
      intervalMs: 50,
      log: (message: string) => errors.push(message),
    });
    meili.supervisor!.on('up', () => loop.retryNow());
    // Killed while Meilisearch holds batches it has not yet acknowledged.
    const pending = async () =>
      (await index.client.tasks.getTasks({ statuses: ['enqueued', 'processing'] })).total;
    await expect.poll(pending, { timeout: 60_000, interval: 5 }).toBeGreaterThan(0);
    await killMeilisearch(meili);
    expect(store.getCursor(index.cursorName)).toBeLessThan(store.latestSeq()); // killed part-way
    store.upsertCourses(courses(2_000, 20_000)); // the catalogue keeps taking writes meanwhile
    loop.notify();
    await expect.poll(() => errors.some((message) => message.includes('index sync failed'))).toBe(true);

    const back = once(meili.supervisor!, 'up');
    restart.end();
    await back;
    await loop.flush();
    await loop.stop();

    const live = index.client.index(index.uid);
    await expect
      .poll(async () => (await live.getStats()).numberOfDocuments, { timeout: 60_000 })
      .toBe(22_000);
    expect(store.countCourses()).toBe(22_000);
    const sample = store.changesSince(0, 22_000).filter((_, n) => n % 997 === 0);
    for (const { id, document } of sample) {
      expect(await live.getDocument(id)).toEqual(JSON.parse(document!.toString()));
    }
  }, 240_000);

  it('Meilisearch killed: search answers 503 with Retry-After, health says degraded, and both come back on their own', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'fault-outage-'));
    const store = new CatalogueStore(join(dataDir, 'catalogue.db'));
    cleanups.push(() => store.close());
    store.upsertProvider(PROVIDER);
    store.upsertCourses(courses(40));
    const restart = outage();
    const meili = await startBundledMeilisearch(dataDir, { wait: restart.wait, log: () => {} });
    cleanups.push(() => meili.stop());
    const index = new SearchIndex(createMeiliClient(meili.url, meili.key));
    await index.prepare(store);
    const loop = startSyncLoop(store, index, { intervalMs: 50, log: () => {} });
    cleanups.push(() => loop.stop());
    meili.supervisor!.on('up', () => loop.retryNow());
    await loop.flush();

    const logged: string[] = [];
    const stackTraces = vi.spyOn(console, 'error');
    const server = serve({
      fetch: createApp({ store, index, searchLog: (line) => logged.push(line) }).fetch,
      port: 0,
      hostname: '127.0.0.1',
    });
    await once(server, 'listening');
    cleanups.push(() => new Promise<void>((resolve) => server.close(() => resolve())));
    const url = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
    const get = async (path: string) => {
      const response = await fetch(`${url}${path}`);
      return {
        status: response.status,
        retryAfter: response.headers.get('retry-after'),
        body: await response.json(),
      };
    };
    expect((await get('/v1/search?q=welding')).status).toBe(200);

    await killMeilisearch(meili);
    for (const path of ['/v1/search?q=welding', '/v1/search?mode=online', '/v1/providers']) {
      expect(await get(path)).toEqual({
        status: 503,
        retryAfter: '5',
        body: { error: { status: 503, message: 'search is temporarily unavailable; try again in 5 s' } },
      });
    }
    expect(await get('/health')).toMatchObject({
      status: 503,
      body: { status: 'degraded', search: 'unavailable' },
    });
    // the catalogue still answers and still takes writes
    const [first] = store.changesSince(0, 1);
    expect((await get(`/v1/courses/${first!.id}`)).status).toBe(200);
    store.upsertCourses([
      testCourse({ title: 'Beekeeping by Moonlight', url: 'https://northbridge.example/moon' }),
    ]);
    loop.notify();
    expect(logged).toHaveLength(1);
    expect(logged[0]).toMatch(/^search is down \(.*\); answering 503 until it is back$/);
    expect(stackTraces).not.toHaveBeenCalled();

    restart.end();
    await expect
      .poll(async () => (await get('/v1/search?q=moonlight')).body.total, { timeout: 60_000 })
      .toBe(1);
    expect(await get('/health')).toMatchObject({ status: 200, body: { status: 'ok', search: 'available' } });
    expect(logged).toEqual([logged[0], 'search is back']);
    stackTraces.mockRestore();
  }, 120_000);

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
