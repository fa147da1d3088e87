// `npm run bench:feed`: a generated partner CSV of 100,000 rows through the feed pipeline, as a dry run
// (read, check, normalise, classify; nothing written) and as an import (the same, staged, then applied in
// one transaction). Prints rows/s and peak RSS. Goal: ≥ 20,000 rows/s dry run, RSS < 300 MB.
// Each run is a fresh process, as `shortlist import` is, and its peak RSS is the kernel's (maxRSS), worker
// threads included. Usage: tsx test/bench/feed.ts [rows] [worker threads; default as for a large upload]
import { execFileSync } from 'node:child_process';
import { createReadStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runFeed } from '../../api/src/feeds/pipeline.ts';
import { checkWorkersFor } from '../../api/src/feeds/runner.ts';
import { CatalogueStore } from '@shortlist/indexer';
import { DEFAULT_FEED_LIMITS, type FeedJobSummary } from '@shortlist/schemas';
import { generate, PROVIDER } from './feed-rows.ts';
import { SHORTLIST_NODE_FLAGS } from './shortlist-flags.ts';

/** One run in this process: prints its figures as JSON for the parent. */
async function runOnce(folder: string, dryRun: boolean, workers: number): Promise<void> {
  const store = new CatalogueStore(join(folder, 'catalogue.db'));
  store.upsertProvider(PROVIDER);
  const jobs = store.feedJobs;
  const job = jobs.create({ providerId: PROVIDER.id, partnerId: null, origin: 'cli', source: 'bench.csv', format: 'csv', mode: 'upsert', dryRun, options: {} }); // prettier-ignore
  const started = performance.now();
  const result = await runFeed(store, jobs, {
    jobId: job.id,
    provider: PROVIDER,
    input: createReadStream(join(folder, 'feed.csv'), { highWaterMark: 256 * 1024 }),
    mode: 'upsert',
    dryRun,
    limits: DEFAULT_FEED_LIMITS,
    read: {},
    receivedAt: new Date().toISOString(),
    workers,
  });
  const seconds = (performance.now() - started) / 1000;
  store.close();
  console.log(JSON.stringify({ seconds, peakMb: process.resourceUsage().maxRSS / 1024, result }));
}

if (process.argv[2] === '--run') {
  await runOnce(process.argv[3]!, process.argv[4] === 'dry', Number(process.argv[5]));
} else {
  const rows = Number(process.argv[2] ?? 100_000);
  const folder = mkdtempSync(join(tmpdir(), 'bench-feed-'));
  try {
    const file = join(folder, 'feed.csv');
    await generate(file, rows);
    console.log(`Generated ${rows.toLocaleString('en')} rows (${(statSync(file).size / 1024 / 1024).toFixed(1)} MB CSV).`); // prettier-ignore
    for (const [label, mode] of [
      ['dry run', 'dry'],
      ['import ', 'import'],
    ] as const) {
      const workers = Number(process.argv[3] ?? checkWorkersFor(statSync(file).size, mode === 'dry'));
      const output = execFileSync(process.execPath, [...SHORTLIST_NODE_FLAGS, ...process.execArgv, fileURLToPath(import.meta.url), '--run', folder, mode, String(workers)], { encoding: 'utf8' }); // prettier-ignore
      const { seconds, peakMb, result } = JSON.parse(output.trim().split('\n').at(-1)!) as { seconds: number; peakMb: number; result: FeedJobSummary }; // prettier-ignore
      const rate = Math.round(result.rows / seconds);
      console.log(
        `${label}: ${result.rows.toLocaleString('en')} rows in ${seconds.toFixed(1)} s = ${rate.toLocaleString('en')} rows/s; peak RSS ${peakMb.toFixed(0)} MB; ${result.accepted} accepted, ${result.rejected} rejected, ${result.warnings} warnings, ${result.counts.new} new; ${workers} checking threads on ${availableParallelism()} cores`,
      );
    }
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}
