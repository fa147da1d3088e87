// `npm run bench:api`: one mixed query set through `/v1/search` of the real server, and the identical Meilisearch
// request (built by the API's own searchRequest) sent straight to the bundled Meilisearch, in one run:
// 1 connection (p50, p99) and 50 connections (req/s, errors), with wrk (`apt-get install -y wrk`). At 1 connection it
// also times a bare proxy (bare-proxy.ts): what one more hop costs here before any of the API's own work.
// Usage: tsx test/bench/api.ts [courses]     100,000 courses by default
//        tsx test/bench/api.ts --soak        200 learners for 60 s at 1,000 courses, through the API
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { Agent, get } from 'node:http';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { parseSearchParams, planSearch } from '@shortlist/api';
import {
  CatalogueStore,
  COUNT_LIMITS,
  createMeiliClient,
  SearchIndex,
  startBundledMeilisearch,
} from '@shortlist/indexer';
import { generateCourses, generatedProviders } from '@shortlist/indexer/testing';
import { QUERIES } from './search-queries.ts';
import { SHORTLIST_NODE_FLAGS } from './shortlist-flags.ts';

const soak = process.argv.includes('--soak');
const COURSES = soak ? 1000 : Number(process.argv.slice(2).find((arg) => /^\d+$/.test(arg)) ?? 100_000);

interface WrkResult {
  requests: number;
  seconds: number;
  p50: number;
  p99: number;
  errors: number;
}
interface Target {
  name: string;
  url: string;
  requests: { method: string; path: string; headers: Record<string, string>; body?: string }[];
}

const dataDir = mkdtempSync(join(tmpdir(), 'bench-api-'));
const ms = (from: number) => performance.now() - from;

function requireWrk() {
  if (spawnSync('wrk', ['-v']).error)
    throw new Error('bench:api needs wrk on the PATH: apt-get install -y wrk');
}

async function load(meili: { url: string; key: string }) {
  const store = new CatalogueStore(join(dataDir, 'catalogue.db'));
  for (const provider of generatedProviders()) store.upsertProvider(provider);
  let from = performance.now();
  for (let start = 0; start < COURSES; start += 5000)
    store.upsertCourses(generateCourses(Math.min(5000, COURSES - start), { first: start }));
  console.log(
    `catalogue: ${COURSES.toLocaleString('en')} courses written in ${(ms(from) / 1000).toFixed(1)} s`,
  );
  from = performance.now();
  const index = new SearchIndex(createMeiliClient(meili.url, meili.key));
  await index.prepare(store);
  await index.syncFrom(store);
  console.log(`index: synced in ${(ms(from) / 1000).toFixed(1)} s`);
  store.close();
}

/** `shortlist start` on the bench's data folder: it finds the running Meilisearch and serves on a free port. */
async function startApi(): Promise<{ url: string; child: ChildProcess }> {
  const env: NodeJS.ProcessEnv = { ...process.env, SHORTLIST_DATA: dataDir, PORT: '0', HOST: '127.0.0.1' };
  delete env.MEILI_URL;
  delete env.MEILI_MASTER_KEY;
  const bin = fileURLToPath(new URL('../../api/bin/shortlist.js', import.meta.url));
  const child = spawn(process.execPath, [...SHORTLIST_NODE_FLAGS, bin, 'start'], {
    env,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    let output = '';
    const listen = (chunk: Buffer) => {
      output += chunk.toString();
      const port = /running: http:\/\/[^:]+:(\d+)/.exec(output)?.[1];
      if (!port) return;
      // from here on the server writes an access-log line per request: drained, not kept
      child.stdout.off('data', listen);
      child.stdout.resume();
      resolve(`http://127.0.0.1:${port}`);
    };
    child.stdout.on('data', listen);
    child.once('exit', (code) => reject(new Error(`shortlist start exited (${code}):\n${output}`)));
  });
  return { url, child };
}

/** The bare proxy, for the same queries as the API's paths: its address as a target like the API's. */
async function startBareProxy(api: Target, direct: Target, meili: { url: string; key: string }) {
  const file = join(dataDir, 'bare-proxy.json');
  const bodies = Object.fromEntries(
    api.requests.map((request, n) => [request.path, direct.requests[n]!.body]),
  );
  writeFileSync(file, JSON.stringify({ meili: meili.url, key: meili.key, bodies }));
  const script = fileURLToPath(new URL('bare-proxy.ts', import.meta.url));
  const child = spawn(process.execPath, [...process.execArgv, script, file], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const port = await new Promise<number>((resolve, reject) => {
    child.stdout.once('data', (chunk: Buffer) =>
      resolve((JSON.parse(chunk.toString()) as { port: number }).port),
    );
    child.once('exit', (code) => reject(new Error(`the bare proxy exited (${code})`)));
  });
  return { child, target: { ...api, name: 'bare-proxy', url: `http://127.0.0.1:${port}` } };
}

/** A Lua long string that no body can close early. */
function luaString(text: string): string {
  let level = '';
  while (text.includes(`]${level}]`)) level += '=';
  return `[${level}[${text}]${level}]`;
}

function wrkScript(target: Target): string {
  const file = join(dataDir, `${target.name}.lua`);
  const entries = target.requests.map(({ method, path, headers, body }) => {
    const headerList = Object.entries(headers)
      .map(([name, value]) => `[ ${luaString(name)} ] = ${luaString(value)}`)
      .join(', ');
    return `wrk.format(${luaString(method)}, ${luaString(path)}, { ${headerList} }, ${body === undefined ? 'nil' : luaString(body)})`;
  });
  writeFileSync(
    file,
    `local requests = {}
local n = 0
function init(args)
  requests = { ${entries.join(',\n    ')} }
end
function request()
  n = n % #requests + 1
  return requests[n]
end
function done(summary, latency, _)
  local e = summary.errors
  io.write(string.format('RESULT {"requests":%d,"seconds":%f,"p50":%f,"p99":%f,"errors":%d}\\n',
    summary.requests, summary.duration / 1e6, latency:percentile(50) / 1000, latency:percentile(99) / 1000,
    e.connect + e.read + e.write + e.status + e.timeout))
end
`,
  );
  return file;
}

function wrk(target: Target, connections: number, seconds: number): WrkResult {
  const threads = connections === 1 ? 1 : 2;
  const run = spawnSync(
    'wrk',
    ['-t', String(threads), '-c', String(connections), '-d', `${seconds}s`, '--timeout', '5s', '-s', wrkScript(target), target.url], // prettier-ignore
    { encoding: 'utf8' },
  );
  const line = run.stdout.split('\n').find((text) => text.startsWith('RESULT '));
  if (!line) throw new Error(`wrk gave no result:\n${run.stdout}\n${run.stderr}`);
  return JSON.parse(line.slice('RESULT '.length)) as WrkResult;
}

const rate = (result: WrkResult) => result.requests / result.seconds;
/** A difference with its sign: +0.37, −58.73. */
const signed = (value: number) => `${value < 0 ? '−' : '+'}${Math.abs(value).toFixed(2)}`;

const TICKS_PER_SECOND = Number(spawnSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).stdout) || 100;
/** CPU time a process has used so far, in ms (user + system, from /proc). */
function cpuMs(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / TICKS_PER_SECOND;
}
/** The Meilisearch process, as running.json names it. */
function meiliPid(): number {
  return (
    JSON.parse(readFileSync(join(dataDir, 'meilisearch', 'running.json'), 'utf8')) as { serverPid: number }
  ).serverPid;
}
interface Processes {
  api: number;
  meili: number;
}
/** A wrk run with the CPU each process spent on it, per request. */
function measured(target: Target, connections: number, seconds: number, processes: Processes) {
  const before = { api: cpuMs(processes.api), meili: cpuMs(processes.meili) };
  const result = wrk(target, connections, seconds);
  return {
    ...result,
    apiCpu: (cpuMs(processes.api) - before.api) / result.requests,
    meiliCpu: (cpuMs(processes.meili) - before.meili) / result.requests,
  };
}

/** The numbers a learner sees at this size: every course counted (or the count's limit, marked), and a facet that says it has more values. */
async function checkTruthful(api: Target) {
  const all = (await (await fetch(`${api.url}/v1/search`)).json()) as {
    total: number;
    totalIsLowerBound: boolean;
    facets: { city: { values: unknown[]; more: boolean } };
  };
  console.log(
    `all courses: total ${all.total.toLocaleString('en')}${all.totalIsLowerBound ? ' (a lower bound)' : ' (exact)'}; ` +
      `city facet lists ${all.facets.city.values.length} values, more: ${all.facets.city.more}`,
  );
  // exact below the index's counting limit; at or past it, the limit marked as a lower bound ("1,000,000+")
  const { exactTotalUpTo } = COUNT_LIMITS;
  const exact = COURSES < exactTotalUpTo;
  if (all.total !== (exact ? COURSES : exactTotalUpTo) || all.totalIsLowerBound === exact)
    throw new Error(`the total of all ${COURSES} courses is not true`);
}

/** Every query answers the same through both ways, so that the figures compare like with like. */
async function checkSameAnswers(api: Target, direct: Target) {
  for (let n = 0; n < QUERIES.length; n++) {
    const viaApi = (await (await fetch(`${api.url}${api.requests[n]!.path}`)).json()) as {
      total: number;
      hits: { id: string }[];
    };
    const { path, headers, body } = direct.requests[n]!;
    const straight = (await (
      await fetch(`${direct.url}${path}`, { method: 'POST', headers, body })
    ).json()) as { results: { totalHits: number; hits: { id: string }[] }[] };
    const first = straight.results[0]!;
    const same =
      viaApi.total === first.totalHits &&
      viaApi.hits.map((hit) => hit.id).join() === first.hits.map((hit) => hit.id).join();
    if (!same) throw new Error(`"${QUERIES[n]}" answers differently through the API and straight`);
  }
}

function targets(apiUrl: string, meili: { url: string; key: string }): { api: Target; direct: Target } {
  const api: Target = {
    name: 'api',
    url: apiUrl,
    requests: QUERIES.map((query) => ({ method: 'GET', path: `/v1/search?${query}`, headers: {} })),
  };
  const direct: Target = {
    name: 'meilisearch',
    url: meili.url,
    requests: QUERIES.map((query) => ({
      method: 'POST',
      path: '/multi-search',
      headers: { Authorization: `Bearer ${meili.key}`, 'Content-Type': 'application/json' },
      body: JSON.stringify(
        planSearch(parseSearchParams(Object.fromEntries(new URLSearchParams(query))), 'courses', new Date())
          .request,
      ),
    })),
  };
  return { api, direct };
}

function compare(api: Target, direct: Target, proxy: Target, processes: Processes) {
  // untimed warm-up of each way, then each measured way twice, in the order direct, proxy, API, API, proxy, direct
  wrk(direct, 50, 5);
  wrk(proxy, 50, 5);
  wrk(api, 50, 5);
  const one = { direct: [wrk(direct, 1, 10)], proxy: [wrk(proxy, 1, 10)], api: [wrk(api, 1, 10)] };
  one.api.push(wrk(api, 1, 10));
  one.proxy.push(wrk(proxy, 1, 10));
  one.direct.push(wrk(direct, 1, 10));
  if (one.proxy.some((run) => run.errors > 0)) throw new Error('the bare proxy answered with errors');
  const fifty = { direct: [measured(direct, 50, 15, processes)], api: [measured(api, 50, 15, processes)] };
  fifty.api.push(measured(api, 50, 15, processes));
  fifty.direct.push(measured(direct, 50, 15, processes));

  const mean = (values: number[]) => values.reduce((sum, value) => sum + value, 0) / values.length;
  const p50 = {
    api: mean(one.api.map((run) => run.p50)),
    proxy: mean(one.proxy.map((run) => run.p50)),
    direct: mean(one.direct.map((run) => run.p50)),
  };
  const p99 = { api: mean(one.api.map((run) => run.p99)), direct: mean(one.direct.map((run) => run.p99)) };
  const rps = { api: mean(fifty.api.map(rate)), direct: mean(fifty.direct.map(rate)) };
  const errors = {
    api: fifty.api.reduce((sum, run) => sum + run.errors, 0),
    direct: fifty.direct.reduce((sum, run) => sum + run.errors, 0),
  };
  const runs = (list: WrkResult[], pick: (run: WrkResult) => number, unit: string) =>
    `(runs: ${list.map((run) => `${pick(run).toFixed(unit === 'ms' ? 2 : 0)} ${unit}`).join(', ')})`;
  console.log(
    `\n${COURSES.toLocaleString('en')} courses, ${QUERIES.length} queries in turn; mean of 2 runs each`,
  );
  console.log('                       through the API   straight to Meilisearch   API vs straight');
  console.log(
    `1 connection, p50      ${p50.api.toFixed(2).padStart(8)} ms   ${p50.direct.toFixed(2).padStart(12)} ms             ${signed(p50.api - p50.direct)} ms (goal ≤ +1 ms)`,
  );
  console.log(
    `1 connection, p99      ${p99.api.toFixed(2).padStart(8)} ms   ${p99.direct.toFixed(2).padStart(12)} ms             ${signed(p99.api - p99.direct)} ms`,
  );
  console.log(
    `50 connections, req/s  ${rps.api.toFixed(0).padStart(8)}      ${rps.direct.toFixed(0).padStart(12)}                ${(rps.api / rps.direct).toFixed(2)}× (goal ≥ 0.8×)`,
  );
  console.log(
    `50 connections, errors ${String(errors.api).padStart(8)}      ${String(errors.direct).padStart(12)}`,
  );
  console.log(
    `1 connection, p50 of a bare proxy (one more hop, bytes passed through): ${p50.proxy.toFixed(2)} ms, ${signed(p50.proxy - p50.direct)} ms over straight`,
  );
  console.log(
    `API p50 ${runs(one.api, (run) => run.p50, 'ms')}; bare proxy ${runs(one.proxy, (run) => run.p50, 'ms')}; straight ${runs(one.direct, (run) => run.p50, 'ms')}`,
  );
  console.log(`API req/s ${runs(fifty.api, rate, 'req/s')}; straight ${runs(fifty.direct, rate, 'req/s')}`);
  console.log(
    `CPU per search at 50 connections: through the API, API ${mean(fifty.api.map((run) => run.apiCpu)).toFixed(2)} ms + ` +
      `Meilisearch ${mean(fifty.api.map((run) => run.meiliCpu)).toFixed(2)} ms; straight, Meilisearch ${mean(fifty.direct.map((run) => run.meiliCpu)).toFixed(2)} ms`,
  );
}

/**
 * 200 learners for 60 s, each searching, reading the results for 0.5–1.5 s, and searching again (about 200 searches
 * a second offered); then the same 200 clients with no pause at all (wrk), which only shows how the queue grows past
 * the machine's capacity.
 */
async function soakRun(api: Target) {
  wrk(api, 50, 5);
  // idle connections close after 4 s, before the server's 5 s keep-alive timeout closes them under a new request
  const agent = new Agent({ keepAlive: true, maxSockets: 200, timeout: 4000 });
  const latencies: number[] = [];
  const failures = new Map<string, number>();
  const deadline = performance.now() + 60_000;
  const learner = async (first: number) => {
    await sleep(Math.random() * 1500); // learners arrive over the first seconds, not all in one instant
    for (let n = first; performance.now() < deadline; n++) {
      const from = performance.now();
      const outcome = await new Promise<string>((resolve) => {
        const request = get(
          `${api.url}${api.requests[n % api.requests.length]!.path}`,
          { agent, timeout: 5000 },
          (response) => {
            response.resume();
            response.on('end', () => resolve(String(response.statusCode)));
          },
        );
        request.on('timeout', () => request.destroy(new Error('timeout after 5 s')));
        request.on('error', (error) => resolve(error.message));
      });
      if (outcome === '200') latencies.push(performance.now() - from);
      else failures.set(outcome, (failures.get(outcome) ?? 0) + 1);
      await sleep(500 + Math.random() * 1000);
    }
  };
  await Promise.all(Array.from({ length: 200 }, (_, client) => learner(client)));
  agent.destroy();
  latencies.sort((a, b) => a - b);
  const at = (share: number) =>
    latencies[Math.min(latencies.length - 1, Math.floor(share * latencies.length))]!;
  const errors = [...failures.values()].reduce((sum, count) => sum + count, 0);
  console.log(
    `\n${COURSES.toLocaleString('en')} courses, 200 learners for 60 s through the API, each reading 0.5–1.5 s between searches`,
  );
  console.log(
    `searches ${latencies.length + errors} (${((latencies.length + errors) / 60).toFixed(0)}/s), errors ${errors}${errors ? ` ${JSON.stringify(Object.fromEntries(failures))}` : ''}`,
  );
  console.log(
    `p50 ${at(0.5).toFixed(1)} ms, p99 ${at(0.99).toFixed(1)} ms, max ${latencies.at(-1)!.toFixed(1)} ms (goal: p99 < 100 ms, 0 errors)`,
  );
  const flat = wrk(api, 200, 30);
  console.log(
    `the same 200 clients with no pause, 30 s (wrk): ${rate(flat).toFixed(0)} req/s, errors ${flat.errors}, p50 ${flat.p50.toFixed(1)} ms, p99 ${flat.p99.toFixed(1)} ms`,
  );
  if (errors > 0 || flat.errors > 0) process.exitCode = 1;
}

requireWrk();
console.log(
  `load average at start: ${loadavg()
    .map((value) => value.toFixed(2))
    .join(', ')} (2 cores here)`,
);
const meili = await startBundledMeilisearch(dataDir);
let server: ChildProcess | undefined;
let bareProxy: ChildProcess | undefined;
try {
  await load(meili);
  const started = await startApi();
  server = started.child;
  const { api, direct } = targets(started.url, meili);
  await checkSameAnswers(api, direct);
  await checkTruthful(api);
  if (soak) await soakRun(api);
  else {
    const proxy = await startBareProxy(api, direct, meili);
    bareProxy = proxy.child;
    compare(api, direct, proxy.target, { api: server.pid!, meili: meiliPid() });
  }
} finally {
  bareProxy?.kill();
  if (server && server.exitCode === null) {
    const exited = new Promise((resolve) => server!.once('exit', resolve));
    server.kill('SIGTERM');
    await exited;
  }
  await meili.stop();
  rmSync(dataDir, { recursive: true, force: true });
}
