// `npm run bench:feed`: a generated partner CSV of 100,000 rows through the feed pipeline, as a dry run
// (read, check, normalise, classify; nothing written) and as an import (the same, staged, then applied in
// one transaction). Prints rows/s and peak RSS. Goal: ≥ 20,000 rows/s dry run, RSS < 300 MB.
// Each run is a fresh process, as `shortlist import` is, and its peak RSS is the kernel's (maxRSS), worker
// threads included. Usage: tsx test/bench/feed.ts [rows] [worker threads; default as for a large upload]
import { execFileSync } from 'node:child_process';
import { createReadStream, createWriteStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import { once } from 'node:events';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runFeed } from '../../api/src/feeds/pipeline.ts';
import { checkWorkersFor } from '../../api/src/feeds/runner.ts';
import { CatalogueStore } from '@shortlist/indexer';
import { DEFAULT_FEED_LIMITS, type FeedJobSummary, type Provider } from '@shortlist/schemas';
import { SHORTLIST_NODE_FLAGS } from './shortlist-flags.ts';

const PROVIDER: Provider = {
  id: 'bench-college',
  name: 'Bench College',
  type: 'college',
  country: 'GB',
  url: 'https://www.bench-college.example/',
};
const TOPICS = ['Data Analytics', 'Welding', 'Nursing Leadership', 'Cloud Computing', 'Spanish', 'Project Management', 'UX Design', 'Accounting', 'Solar Installation', 'Early Childhood Education']; // prettier-ignore
const DURATIONS = [
  '6 weeks',
  '3 months',
  '10-12 weeks',
  'self-paced about 8 weeks',
  '1 year part-time',
  'P8W',
];
const WORKLOADS = ['4-6 hours per week', '120 hours', '3 hours a week', '2 evenings per week'];
const COSTS = ['450', '£1,250', 'Free', '€900', 'Free to audit, certificate £49', '2,400.00'];
const MODES = ['online', 'in person', 'blended', 'Online (live sessions)'];
const LEVELS = ['EQF 4', 'EQF 5', 'introductory', 'intermediate', 'advanced'];
const HEADER = 'course_id,title,url,summary,learning_outcomes,subjects,duration,workload,cost,currency,mode,city,country,level,credit,credential,assessment,quality_assurance,languages,start_dates'; // prettier-ignore

const pick = <T>(list: readonly T[], n: number) => list[n % list.length]!;

function row(n: number): string {
  const topic = pick(TOPICS, n);
  const cells = [
    `BC-${n}`,
    `${topic} ${Math.floor(n / TOPICS.length) + 1}`,
    `https://www.bench-college.example/courses/${n}`,
    `"A practical course in ${topic.toLowerCase()}, with projects, feedback and a final assessment."`,
    `"Explain the core ideas of ${topic.toLowerCase()} | Apply them to a real case | Present your results"`,
    topic,
    pick(DURATIONS, n),
    pick(WORKLOADS, n >> 1),
    `"${pick(COSTS, n >> 2)}"`,
    n % 3 === 0 ? 'GBP' : '',
    pick(MODES, n >> 3),
    n % 4 === 0 ? 'Leeds' : '',
    'GB',
    pick(LEVELS, n >> 4),
    n % 2 ? '10 CATS' : '5 ECTS',
    'Certificate',
    'Project and exam',
    'Validated by the academic board',
    'en',
    `2027-0${1 + (n % 9)}-1${n % 10}`,
  ];
  return cells.join(',');
}

async function generate(file: string, rows: number): Promise<void> {
  const out = createWriteStream(file);
  out.write(`${HEADER}\n`);
  for (let n = 0; n < rows; n++) {
    if (!out.write(`${row(n)}\n`)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
}

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
