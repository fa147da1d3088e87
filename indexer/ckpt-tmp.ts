import { CatalogueStore } from '@shortlist/indexer';
import { generateCourses, generatedProviders } from '@shortlist/indexer/testing';
import { statSync } from 'node:fs';
const file = `/tmp/ckpt-${process.pid}.db`;
const store = new CatalogueStore(file);
for (const p of generatedProviders()) store.upsertProvider(p);
for (let s = 0; s < 50000; s += 5000) store.upsertCourses(generateCourses(5000, { first: s }));
console.log('wal MB', (statSync(`${file}-wal`).size / 1e6).toFixed(1));
const times: number[] = [];
for (let i = 0; i < 300; i++) {
  const batch = generateCourses(6, { first: 100000 + i * 6 });
  const t = performance.now();
  store.upsertCourses(batch);
  times.push(performance.now() - t);
}
times.sort((a, b) => a - b);
console.log('upsert of 6: p50', times[150].toFixed(1), 'p99', times[297].toFixed(1), 'max', times.at(-1).toFixed(1), 'wal MB', (statSync(`${file}-wal`).size / 1e6).toFixed(1));
store.close();
