import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CatalogueStore } from '@shortlist/indexer';
import { FeedRunner } from './runner.ts';

const dataDir = mkdtempSync(join(tmpdir(), 'feed-runner-'));
const store = new CatalogueStore(join(dataDir, 'catalogue.db'));
afterAll(() => store.close());
for (const name of ['big', 'small'])
  store.upsertProvider({ id: name, name: `${name} college`, type: 'college', country: 'GB', url: `https://${name}.example/` }); // prettier-ignore

const runner = new FeedRunner(store);
let uploads = 0;

/** A saved CSV upload of `rows` courses, queued as a job of the provider. */
function queue(providerId: string, rows: number, dryRun = false) {
  const path = join(dataDir, `upload-${uploads++}.csv`);
  const lines = Array.from({ length: rows }, (_, n) => `${providerId}-${n},Course ${n},https://${providerId}.example/${n},6 weeks,£300,Online`); // prettier-ignore
  writeFileSync(path, ['course_id,title,url,duration,cost,mode', ...lines].join('\n'));
  const job = runner.jobs.create({ providerId, partnerId: null, origin: 'upload', source: 'courses.csv', format: 'csv', mode: 'upsert', dryRun, options: dryRun ? { dryRun: 'true' } : {}, uploadPath: path }); // prettier-ignore
  runner.enqueue(job);
  return job.id;
}

describe('the feed job queue', () => {
  it("runs a one-row dry run next, not behind another partner's eight big feeds", async () => {
    const started: string[] = [];
    runner.on('start', (job) => started.push(job.id));
    const big = Array.from({ length: 8 }, () => queue('big', 1000));
    const small = queue('small', 1, true);
    const second = queue('small', 1, true);
    await runner.idle();
    // the first big feed starts first; then the providers take turns
    expect(started).toEqual([big[0], small, big[1], second, ...big.slice(2)]);
    expect(runner.jobs.get(small)).toMatchObject({ status: 'done', summary: { counts: { new: 1 } } });
    expect(store.countCourses()).toBe(1000);
  }, 120_000);
});
