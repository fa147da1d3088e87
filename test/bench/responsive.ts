// `npm run bench:responsive`: does search keep answering while the server works? The real `shortlist start` is
// loaded in turn with (a) the sync of N generated courses written to its catalogue (1,000,000 by default), (b) a
// 100,000-row partner CSV uploaded through the API, (c) a full reindex (`shortlist reindex`) and (d) a crawl of
// the demo sites (`shortlist start --demo`). During each, one client searches without pause (the mixed query set
// of bench:api). Prints, per load, search p50/p99/max and the event loop's p99/max delay inside the server (its
// /metrics, read when the load starts and ends), and what the machine did meanwhile (machine-watch.ts).
// Goal: search p99 < 100 ms, none over 500 ms, loop delay ≤ 100 ms.
// Usage: tsx test/bench/responsive.ts [--courses 1000000] [--feed-rows 100000] [--loads bcd]
import { spawn, type ChildProcess } from 'node:child_process';
import { closeSync, fsyncSync, mkdtempSync, openSync, readFileSync, rmSync, statSync } from 'node:fs';
import { Agent, get } from 'node:http';
import { createServer } from 'node:net';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { demoProviderIds } from '@shortlist/demo';
import { CatalogueStore } from '@shortlist/indexer';
import { PartnerAccounts } from '@shortlist/indexer/partners';
import { generateCourses, generatedProviders } from '@shortlist/indexer/testing';
import { generate, PROVIDER } from './feed-rows.ts';
import { machineWatch, type Stretch } from './machine-watch.ts';
import { QUERIES } from './search-queries.ts';
import { SHORTLIST_NODE_FLAGS } from './shortlist-flags.ts';

const option = (name: string, fallback: number) => {
  const at = process.argv.indexOf(name);
  return at === -1 ? fallback : Number(process.argv[at + 1]);
};
const COURSES = option('--courses', 1_000_000);
const FEED_ROWS = option('--feed-rows', 100_000);
/** the loads to run after (a), the sync: `--loads cd` runs the reindex and the crawl only */
const LOADS = process.argv.includes('--loads') ? process.argv[process.argv.indexOf('--loads') + 1]! : 'bcd';

const BIN = fileURLToPath(new URL('../../api/bin/shortlist.js', import.meta.url));
const dataDir = mkdtempSync(join(tmpdir(), 'bench-responsive-'));
const ms = (from: number) => performance.now() - from;
const sleep = (time: number) => new Promise((resolve) => setTimeout(resolve, time));

interface Server {
  url: string;
  child: ChildProcess;
  /** lines the server printed (access-log lines left out) */
  lines: string[];
}

function canListen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer()
      .once('error', () => resolve(false))
      .listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

/** The first of `count` ports in a row that are free now (the demo sites listen on DEMO_PORT, DEMO_PORT + 1, …). */
async function freePorts(count: number): Promise<number> {
  for (;;) {
    const first = 20_000 + Math.floor(Math.random() * 20_000);
    let free = true;
    for (let port = first; free && port < first + count; port++) free = await canListen(port);
    if (free) return first;
  }
}

function shortlistEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, SHORTLIST_DATA: dataDir, HOST: '127.0.0.1' };
  delete env.MEILI_URL;
  delete env.MEILI_MASTER_KEY;
  return env;
}

const ACCESS_LOG_LINE = /^[A-Z]+ \/\S* \d{3} [\d.]+ms id=/;

async function startServer(args: string[] = []): Promise<Server> {
  const env = { ...shortlistEnv(), PORT: '0', DEMO_PORT: String(await freePorts(demoProviderIds().length)) };
  const child = spawn(process.execPath, [...SHORTLIST_NODE_FLAGS, BIN, 'start', ...args], {
    env,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const lines: string[] = [];
  let rest = '';
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      const text = rest + chunk.toString();
      const parts = text.split('\n');
      rest = parts.pop()!;
      // access-log lines ("GET /v1/search 200 3.1ms id=…") left out; the rest say what the server does
      for (const line of parts) if (!ACCESS_LOG_LINE.test(line)) lines.push(line);
      const port = lines.map((line) => /running: http:\/\/[^:]+:(\d+)/.exec(line)?.[1]).find(Boolean);
      if (port) resolve(`http://127.0.0.1:${port}`);
    });
    child.once('exit', (code) => reject(new Error(`shortlist start exited (${code}):\n${lines.join('\n')}`)));
  });
  return { url, child, lines };
}

async function stopServer(server: Server): Promise<void> {
  const exited = new Promise((resolve) => server.child.once('exit', resolve));
  server.child.kill('SIGTERM');
  await exited;
}

/** The event loop's delays inside the server since the previous scrape of its /metrics, in ms. */
async function loopDelay(server: Server) {
  const text = await (await fetch(`${server.url}/metrics`)).text();
  const value = (stat: string) =>
    Number(
      new RegExp(`^shortlist_event_loop_delay_seconds\\{stat="${stat}"\\} (\\S+)$`, 'm').exec(text)?.[1],
    ) * 1000;
  return { p99: value('p99'), max: value('max') };
}

/** Catalogue changes the index has not had yet, read from the catalogue file (a scrape would restart the loop's figures). */
function syncLag(): number {
  const store = new CatalogueStore(join(dataDir, 'catalogue.db'));
  try {
    return store.latestSeq() - store.getCursor('meilisearch:courses');
  } finally {
    store.close();
  }
}

/** One client searching without pause until `done` resolves; every search's time in ms. */
async function searchDuring(server: Server, done: Promise<unknown>) {
  let finished = false;
  void done.finally(() => (finished = true));
  const times: number[] = [];
  /** each search over 100 ms, from start to end in epoch ms, the machine watch's clock */
  const slow: Stretch[] = [];
  let failures = 0;
  // node:http with a kept-alive connection: the client shares the two cores with the server, and fetch's streams
  // cost it about twice the CPU per search (docs/benchmarks.md, 2026-12-02); a learner's client is not on the server
  const agent = new Agent({ keepAlive: true, maxSockets: 1, timeout: 4000 });
  for (let n = 0; !finished; n++) {
    const started = performance.now();
    const status = await new Promise<number>((resolve, reject) =>
      get(`${server.url}/v1/search?${QUERIES[n % QUERIES.length]}`, { agent }, (response) => {
        response.resume();
        response.on('end', () => resolve(response.statusCode!));
      }).on('error', reject),
    );
    const took = ms(started);
    times.push(took);
    if (took > 100) slow.push({ from: Date.now() - took, to: Date.now() });
    if (status !== 200) failures++;
  }
  agent.destroy();
  return { times, slow, failures };
}

const percentile = (sorted: number[], p: number) =>
  sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]! : NaN;

/** Runs a load while a client searches, and prints what search and the event loop went through. */
async function measure(server: Server, name: string, load: () => Promise<string>) {
  const machine = await machineWatch(); // started before the load: its own start is no part of it
  await loopDelay(server); // the event loop's delays count from here
  await sleep(50); // the monitor counts a delay from its previous sample: one is taken before the load starts
  const started = performance.now();
  const work = load();
  const [{ times, slow, failures }, note] = await Promise.all([searchDuring(server, work), work]);
  const seconds = ms(started) / 1000;
  const loop = await loopDelay(server);
  const stalls = await machine.stop();
  const sorted = times.toSorted((a, b) => a - b);
  const goal = percentile(sorted, 99) < 100 && sorted.at(-1)! <= 500 && loop.max <= 100 && failures === 0;
  console.log(
    `${name.padEnd(34)} ${seconds.toFixed(1).padStart(6)} s  ${String(times.length).padStart(6)} searches  ` +
      `search p50 ${percentile(sorted, 50).toFixed(1)} p99 ${percentile(sorted, 99).toFixed(1)} max ${sorted.at(-1)!.toFixed(1)} ms  ` +
      `event loop p99 ${loop.p99.toFixed(1)} max ${loop.max.toFixed(1)} ms  ${failures ? `${failures} failed  ` : ''}` +
      `${goal ? 'meets the goal' : 'MISSES the goal'}  (${note})`,
  );
  const longest = (stretches: Stretch[]) =>
    Math.max(0, ...stretches.map((stretch) => stretch.to - stretch.from)).toFixed(0);
  const within = (stretches: Stretch[]) =>
    slow.filter((search) => stretches.some((stretch) => stretch.to > search.from && stretch.from < search.to))
      .length;
  console.log(
    `    the machine: an idle process held up over 100 ms ${stalls.held.length} times (longest ${longest(stalls.held)} ms), ` +
      `a core taken by the host over 50 ms ${stalls.away.length} times (longest ${longest(stalls.away)} ms), ` +
      `${stalls.stolen.toFixed(1)}% of CPU time stolen; of ${slow.length} searches over 100 ms, ` +
      `${within(stalls.held)} fell while the idle process was held up`,
  );
}

async function until(what: string, check: () => Promise<boolean>, limitMs = 3_600_000) {
  const deadline = Date.now() + limitMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`${what} did not happen within ${limitMs / 1000} s`);
    await sleep(200);
  }
}

function runCommand(args: string[]): Promise<string> {
  const child = spawn(process.execPath, [...SHORTLIST_NODE_FLAGS, BIN, ...args], {
    env: shortlistEnv(),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  return new Promise((resolve, reject) =>
    child.once('exit', (code) =>
      code === 0
        ? resolve(output.trim())
        : reject(new Error(`shortlist ${args[0]} exited ${code}:\n${output}`)),
    ),
  );
}

async function main() {
  console.log(
    `bench:responsive — ${COURSES.toLocaleString('en')} courses, a ${FEED_ROWS.toLocaleString('en')}-row feed; load average ${loadavg()[0]!.toFixed(1)}`,
  );
  // the catalogue, written before the server starts: the server's load is the sync that follows
  const store = new CatalogueStore(join(dataDir, 'catalogue.db'));
  for (const provider of [...generatedProviders(), PROVIDER]) store.upsertProvider(provider);
  const key = (await new PartnerAccounts(store).create('Bench College', PROVIDER.id)).key;
  let from = performance.now();
  for (let start = 0; start < COURSES; start += 5000)
    store.upsertCourses(generateCourses(Math.min(5000, COURSES - start), { first: start }));
  store.close();
  console.log(
    `catalogue: ${COURSES.toLocaleString('en')} courses written in ${(ms(from) / 1000).toFixed(1)} s`,
  );
  const feed = join(dataDir, 'feed.csv');
  await generate(feed, FEED_ROWS);
  // what the setup wrote reaches the disk before the server starts: the kernel writing back gigabytes of a catalogue
  // written a moment ago is no part of the server's load (with a copy's 2.4 GB still to write, the sync's first
  // reads of the catalogue held the event loop 134 ms; docs/benchmarks.md, 2026-12-04)
  for (const file of [join(dataDir, 'catalogue.db'), feed]) {
    const descriptor = openSync(file, 'r+');
    fsyncSync(descriptor);
    closeSync(descriptor);
  }

  from = performance.now();
  let server = await startServer();
  console.log(`server started in ${(ms(from) / 1000).toFixed(1)} s`);
  try {
    await measure(server, `(a) sync of ${COURSES.toLocaleString('en')} courses`, async () => {
      await until('the sync', () => Promise.resolve(syncLag() === 0));
      return 'until the sync lag is 0';
    });

    if (LOADS.includes('b')) {
      let reportLink = '';
      await measure(server, `(b) ${FEED_ROWS.toLocaleString('en')}-row feed upload`, async () => {
        const response = await fetch(`${server.url}/v1/partner/feeds?mode=upsert`, {
          method: 'POST',
          headers: { Authorization: `Bearer ${key}`, 'Content-Type': 'text/csv' },
          body: readFileSync(feed),
        });
        const accepted = (await response.json()) as { links: { self: string }; status: string };
        if (response.status !== 202) throw new Error(`upload answered ${response.status}`);
        // the partner watches its feed history, which gives each job's status and counts without its problems
        type Listed = { jobId: string; status: string; counts: { new: number } };
        let job: Listed | undefined;
        const jobId = accepted.links.self.split('/').at(-1);
        await until('the feed job', async () => {
          const history = (await (
            await fetch(`${server.url}/v1/partner/feeds`, { headers: { Authorization: `Bearer ${key}` } })
          ).json()) as { feeds: Listed[] };
          job = history.feeds.find((feed) => feed.jobId === jobId);
          return job !== undefined && job.status !== 'queued' && job.status !== 'running';
        });
        await until('the sync of the feed', () => Promise.resolve(syncLag() === 0));
        reportLink = accepted.links.self;
        return `${(statSync(feed).size / 1e6).toFixed(0)} MB; job ${job!.status}, ${job!.counts.new} new; synced`;
      });
      // the whole report, once, as the partner would fetch it: its problems are read and written in one go
      await loopDelay(server);
      await sleep(50);
      const from = performance.now();
      const full = (await (
        await fetch(`${server.url}${reportLink}`, { headers: { Authorization: `Bearer ${key}` } })
      ).json()) as { problems: unknown[]; problemsOmitted: number };
      console.log(
        `    the feed's report with ${full.problems.length.toLocaleString('en')} problems (${full.problemsOmitted.toLocaleString('en')} more omitted): ${ms(from).toFixed(0)} ms; event loop max ${(await loopDelay(server)).max.toFixed(0)} ms`,
      );
    }

    if (LOADS.includes('c'))
      await measure(server, '(c) full reindex', async () =>
        (await runCommand(['reindex'])).split('\n').at(-1)!.slice(0, 60),
      );

    if (LOADS.includes('d')) {
      await stopServer(server);
      server = await startServer(['--demo']);
      const plan = () => /crawling (\d+) sources/.exec(server.lines.join('\n'))?.[1];
      await until('the crawl plan', () => Promise.resolve(plan() !== undefined));
      const sources = Number(plan());
      await measure(server, '(d) crawl of the demo sites', async () => {
        const ended = () => server.lines.filter((line) => /^crawled |^crawl of .* failed/.test(line)).length;
        await until('the demo crawls', () => Promise.resolve(ended() >= sources));
        return `${sources} sources crawled`;
      });
    }
  } finally {
    await stopServer(server);
    rmSync(dataDir, { recursive: true, force: true });
  }
}

await main();
