import { serve, type ServerType } from '@hono/node-server';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, FeedRunner, readPartnerSettings } from '@shortlist/api';
import {
  CatalogueStore,
  createMeiliClient,
  SearchIndex,
  startBundledMeilisearch,
  startSyncLoop,
  type MeiliConnection,
  type SyncLoop,
} from '@shortlist/indexer';
import { PartnerAccounts } from '@shortlist/indexer/partners';
import { generateCourses, generatedProviders } from '@shortlist/indexer/testing';
import type { Provider } from '@shortlist/schemas';

const PROVIDER: Provider = {
  id: 'harbour-institute',
  name: 'Harbour Institute',
  type: 'college',
  country: 'GB',
  url: 'https://www.harbour.example/',
};
const ROWS = 8000;
const TOPICS = ['Data Analytics', 'Welding', 'Nursing Leadership', 'Cloud Computing', 'Spanish'];
const feed = ['course_id,title,url,summary,duration,workload,cost,mode,level,subjects']
  .concat(
    Array.from({ length: ROWS }, (_, n) => {
      const topic = TOPICS[n % TOPICS.length]!;
      return `H${n},${topic} ${n},https://www.harbour.example/c/${n},"A practical course in ${topic.toLowerCase()}, with projects and feedback.",${1 + (n % 30)} weeks,${2 + (n % 6)} hours per week,£${200 + (n % 50)},Online,Introductory,${topic}`;
    }),
  )
  .join('\n');

const dataDir = mkdtempSync(join(tmpdir(), 'shortlist-responsive-'));
let meili: MeiliConnection;
let store: CatalogueStore;
let sync: SyncLoop;
let runner: FeedRunner;
let server: ServerType;
let url: string;
let key: string;

beforeAll(async () => {
  meili = await startBundledMeilisearch(dataDir);
  store = new CatalogueStore(join(dataDir, 'catalogue.db'));
  for (const provider of [...generatedProviders(20), PROVIDER]) store.upsertProvider(provider);
  store.upsertCourses(generateCourses(500, { providers: 20 }));
  key = (await new PartnerAccounts(store).create('Harbour', PROVIDER.id)).key;
  const index = new SearchIndex(createMeiliClient(meili.url, meili.key), 'courses_responsive_test');
  await index.prepare();
  sync = startSyncLoop(store, index, { intervalMs: 200 });
  await sync.flush();
  runner = new FeedRunner(store);
  const partner = { settings: readPartnerSettings({}), runner, uploadsDir: join(dataDir, 'feed-uploads') };
  const app = createApp({ store, index, partner, log: () => {} });
  server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' });
  await new Promise((resolve) => server.once('listening', resolve));
  url = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
}, 120_000);

afterAll(async () => {
  await runner?.idle();
  await new Promise((resolve) => server?.close(resolve));
  await sync?.stop();
  store?.close();
  await meili?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('search while a large feed is applied (issue 16)', () => {
  it('keeps answering searches all the while the feed job runs, and the feed is applied as a whole', async () => {
    const started: number[] = [];
    runner.on('start', () => started.push(performance.now()));
    const response = await fetch(`${url}/v1/partner/feeds?async=true&mode=upsert`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${key}`, 'Content-Type': 'text/csv' },
      body: feed,
    });
    expect(response.status).toBe(202);
    const job = (await response.json()) as { links: { self: string } };

    // one client searches without pause until the job is done; each answer's time is kept
    const answered: number[] = [];
    let done = false;
    const client = (async () => {
      for (let n = 0; !done; n++) {
        const search = await fetch(`${url}/v1/search?q=${n % 2 ? 'data' : 'welding'}`);
        expect(search.status).toBe(200);
        await search.arrayBuffer();
        answered.push(performance.now());
      }
    })();
    let report: { status: string; counts: { new: number } };
    for (;;) {
      const reply = await fetch(`${url}${job.links.self}`, { headers: { Authorization: `Bearer ${key}` } });
      report = (await reply.json()) as typeof report;
      if (report.status !== 'queued' && report.status !== 'running') break;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    const finished = performance.now();
    done = true;
    await client;

    expect(report).toMatchObject({ status: 'done', counts: { new: ROWS } });
    expect(store.providerListings(PROVIDER.id, ROWS + 1)).toHaveLength(ROWS);
    // while the job ran (read, check, apply in one transaction), searches kept coming back: before the feed was
    // applied on a thread of its own, none was answered for the whole of its transaction, most of the job's time
    const running = finished - started[0]!;
    const during = [started[0]!, ...answered.filter((at) => at > started[0]! && at < finished), finished];
    const longestWait = Math.max(...during.slice(1).map((at, n) => at - during[n]!));
    expect(during.length).toBeGreaterThan(10);
    expect(longestWait).toBeLessThan(running / 4);
  }, 180_000);
});
