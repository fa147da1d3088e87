// `npm run bench:index`: 100,000 generated records from the catalogue to searchable, against the same
// documents added straight to a fresh Meilisearch index with the same settings; plus catalogue write
// rate and a full zero-downtime reindex. Usage: tsx test/bench/index.ts [records]
// After a warm-up, both ways are timed twice (sync, direct, direct, sync) and averaged.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  assertSucceeded,
  CatalogueStore,
  createMeiliClient,
  createWithSettings,
  rebuildIndex,
  SearchIndex,
  startBundledMeilisearch,
} from '@shortlist/indexer';
import { generateCourses, generatedProviders } from '@shortlist/indexer/testing';

const RECORDS = Number(process.argv[2] ?? 100_000);
const BATCH = 1000;

const seconds = (from: number) => (performance.now() - from) / 1000;

const dataDir = mkdtempSync(join(tmpdir(), 'bench-index-'));
const meili = await startBundledMeilisearch(dataDir);
try {
  const store = new CatalogueStore(join(dataDir, 'catalogue.db'));
  for (const provider of generatedProviders()) store.upsertProvider(provider);
  console.log(`Generating ${RECORDS.toLocaleString('en')} records…`);
  const courses = generateCourses(RECORDS);

  const started = performance.now();
  for (let start = 0; start < courses.length; start += 5000)
    store.upsertCourses(courses.slice(start, start + 5000));
  const writeSeconds = seconds(started);

  // The first index written to a fresh Meilisearch is much slower whichever way it is written, so an untimed
  // warm-up goes first; then each way runs twice, in the order sync, direct, direct, sync.
  const client = createMeiliClient(meili.url, meili.key);
  const documents = [...store.activeDocuments(5000)].flatMap((page) => page.map((json) => JSON.parse(json.toString()) as object)); // prettier-ignore
  const viaSync = async (uid: string) => {
    const index = new SearchIndex(client, uid);
    await index.prepare();
    const from = performance.now();
    await index.syncFrom(store);
    return { index, seconds: seconds(from) };
  };
  const direct = async (uid: string) => {
    await createWithSettings(client, uid);
    const from = performance.now();
    const tasks = [];
    for (let start = 0; start < documents.length; start += BATCH)
      tasks.push(await client.index(uid).addDocuments(documents.slice(start, start + BATCH)));
    for (const task of await client.tasks.waitForTasks(tasks, { timeout: 600_000 }))
      assertSucceeded(task, 'direct add');
    return seconds(from);
  };
  await direct('bench_warm_up');
  await client.deleteIndex('bench_warm_up').waitTask();
  const first = await viaSync('bench_sync_1');
  const directRuns = [await direct('bench_direct_1'), await direct('bench_direct_2')];
  const second = await viaSync('bench_sync_2');
  const syncSeconds = (first.seconds + second.seconds) / 2;
  const directSeconds = (directRuns[0]! + directRuns[1]!) / 2;

  const reindex = await rebuildIndex(store, second.index);
  const searchable = (await client.index(second.index.uid).getStats()).numberOfDocuments;

  console.log(
    `records                         ${RECORDS.toLocaleString('en')} (${searchable.toLocaleString('en')} searchable)`,
  );
  console.log(
    `catalogue write                 ${writeSeconds.toFixed(1)} s = ${Math.round(RECORDS / writeSeconds).toLocaleString('en')} records/s`,
  );
  console.log(
    `catalogue → searchable (sync)   ${syncSeconds.toFixed(1)} s = ${Math.round(RECORDS / syncSeconds).toLocaleString('en')} records/s (runs: ${first.seconds.toFixed(1)} s, ${second.seconds.toFixed(1)} s)`,
  );
  console.log(
    `same documents added directly   ${directSeconds.toFixed(1)} s = ${Math.round(RECORDS / directSeconds).toLocaleString('en')} records/s (runs: ${directRuns.map((run) => `${run.toFixed(1)} s`).join(', ')})`,
  );
  console.log(`sync rate / direct rate         ${(directSeconds / syncSeconds).toFixed(2)}× (goal ≥ 0.8×)`);
  console.log(
    `full reindex (zero downtime)    ${reindex.seconds.toFixed(1)} s for ${reindex.documents.toLocaleString('en')} courses`,
  );
  store.close();
} finally {
  await meili.stop();
  rmSync(dataDir, { recursive: true, force: true });
}
