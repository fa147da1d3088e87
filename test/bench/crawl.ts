// Crawler throughput against a plain fetch + htmlparser2 loop: `npm run bench:crawl` (or
// `npx tsx test/bench/crawl.ts [courses]`, default 10,000). A generated site of ~100 KB course pages and paginated
// listings is served from its own process; the crawler (politeness delays off, journalled queue, page readers on
// worker threads, the whole extraction cascade, a sink that only counts) and then two plain loops each run in a
// fresh process over the same pages, so CPU time and RSS are theirs alone, started with the `shortlist` command's
// Node flags. The reference loop fetches each page and parses it to a DOM with htmlparser2's parseDocument, as any
// crawler must; the floor loop only tokenizes.
// Goals: crawler ≥ 0.5× the reference loop's pages/s; crawler RSS flat (±20%) from page 500 to the end.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DomUtils, Parser, parseDocument } from 'htmlparser2';
import { crawlSource, HostGate, RobotsCache, sharedReaders } from '@shortlist/crawler';
import { Source } from '@shortlist/schemas';
import { SHORTLIST_NODE_FLAGS } from './shortlist-flags.ts';

const PER_LISTING = 50;
const PAGE_BYTES = 100 * 1024;
const RSS_FROM_PAGE = 500;

interface RunResult {
  pages: number;
  bytes: number;
  seconds: number;
  cpuMs: number;
  /** RSS in MB at page 500, lowest and highest after it, and at the end; live heap with --expose-gc */
  rss?: {
    atStart: number;
    min: number;
    max: number;
    atEnd: number;
    liveHeap?: { atStart: number; atEnd: number };
  };
  courses?: number;
  complete?: boolean;
  readers?: number;
}

// ---------------------------------------------------------------- the site
const TOPICS = [
  'Data Analytics',
  'Project Management',
  'Cyber Security',
  'Digital Marketing',
  'Welding',
  'Nursing',
];
const FILLER = Array.from(
  { length: 480 },
  (_, i) =>
    `<div class="card"><a href="/about/item-${i}.html" class="nav">Related ${i}</a><p>Students on our programmes learn from industry practitioners, study at their own pace and join a community of ${i} alumni.</p></div>`,
).join('\n');

function coursePage(n: number): string {
  const title = `${TOPICS[n % TOPICS.length]} ${Math.floor(n / TOPICS.length) + 1}`;
  const jsonLd = {
    '@context': 'https://schema.org',
    '@type': 'Course',
    name: title,
    description: `${title}: a practical short course for working adults.`,
    timeRequired: `P${4 + (n % 9)}W`,
    offers: { '@type': 'Offer', price: String(200 + (n % 50) * 10), priceCurrency: 'GBP' },
    educationalCredentialAwarded: 'Certificate',
  };
  const head = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title><link rel="canonical" href="/courses/c-${n}.html"><script type="application/ld+json">${JSON.stringify(jsonLd)}</script></head><body><nav><a href="/courses/">All courses</a></nav><h1>${title}</h1><p>Duration: ${4 + (n % 9)} weeks</p><p>Cost: £${200 + (n % 50) * 10}</p>`;
  const padding = FILLER.slice(0, Math.max(0, PAGE_BYTES - head.length - 30));
  return `${head}${padding}</body></html>`;
}

function listingPage(page: number, courses: number): string {
  const first = (page - 1) * PER_LISTING;
  const links = Array.from({ length: Math.min(PER_LISTING, courses - first) }, (_, i) => first + i)
    .map((n) => `<li><a href="/courses/c-${n}.html">Course ${n}</a></li>`)
    .join('');
  const next =
    first + PER_LISTING < courses ? `<a rel="next" href="/courses/?page=${page + 1}">Next</a>` : '';
  return `<!doctype html><html><head><meta charset="utf-8"><title>Courses ${page}</title></head><body><ul>${links}</ul>${next}</body></html>`;
}

function siteUrls(origin: string, courses: number): string[] {
  const listings = Math.ceil(courses / PER_LISTING);
  return [
    `${origin}/courses/`,
    ...Array.from({ length: listings - 1 }, (_, i) => `${origin}/courses/?page=${i + 2}`),
    ...Array.from({ length: courses }, (_, n) => `${origin}/courses/c-${n}.html`),
  ];
}

async function serveSite(courses: number): Promise<void> {
  const server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://bench');
    const course = /^\/courses\/c-(\d+)\.html$/.exec(url.pathname);
    let body: string | undefined;
    if (course && Number(course[1]) < courses) body = coursePage(Number(course[1]));
    else if (url.pathname === '/courses/')
      body = listingPage(Number(url.searchParams.get('page') ?? 1), courses);
    if (!body) return void response.writeHead(404).end();
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  process.stdout.write(
    `${JSON.stringify({ origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}` })}\n`,
  );
}

// ---------------------------------------------------------------- the measured runs
/** RSS at every page from page 500, and the main thread's live heap (after a full GC) at page 500 and at the end. */
function rssTracker() {
  const mb = (bytes: number) => bytes / 1024 / 1024;
  const collect = (globalThis as { gc?: () => void }).gc;
  const liveHeap = () => {
    collect?.();
    return mb(process.memoryUsage().heapUsed);
  };
  let samples: number[] = [];
  let liveAtStart = 0;
  return {
    sample(page: number) {
      if (page === RSS_FROM_PAGE) liveAtStart = liveHeap();
      if (page >= RSS_FROM_PAGE) samples.push(mb(process.memoryUsage.rss()));
    },
    result() {
      const atEnd = mb(process.memoryUsage.rss());
      samples.push(atEnd);
      const result = {
        atStart: samples[0]!,
        min: Math.min(...samples),
        max: Math.max(...samples),
        atEnd,
        liveHeap: collect ? { atStart: liveAtStart, atEnd: liveHeap() } : undefined,
      };
      samples = [];
      return result;
    },
  };
}

async function runCrawler(origin: string, courses: number): Promise<RunResult> {
  const storageDir = mkdtempSync(join(tmpdir(), 'shortlist-bench-crawl-'));
  const source = Source.parse({
    id: 'bench-college',
    name: 'Bench College',
    providerType: 'college',
    country: 'GB',
    url: `${origin}/`,
    startUrls: [`${origin}/courses/`],
    follow: { listing: ['^/courses/(\\?page=\\d+)?$'], detail: ['^/courses/c-\\d+\\.html$'] },
    politeness: { delayMs: 0, maxPages: courses * 2, maxDepth: courses, timeoutMs: 30_000 },
  });
  const rss = rssTracker();
  let found = 0;
  const cpu = process.cpuUsage();
  const started = performance.now();
  const report = await crawlSource(source, {
    userAgent: 'ShortlistBot/bench (+https://example.invalid/crawler)',
    storageDir,
    manners: { hosts: new HostGate(), robots: new RobotsCache() },
    sink: {
      provider() {},
      courses(batch) {
        found += batch.length;
        rss.sample(found);
      },
    },
  });
  const seconds = (performance.now() - started) / 1000;
  const used = process.cpuUsage(cpu);
  rmSync(storageDir, { recursive: true, force: true });
  return {
    pages: report.pagesFetched,
    bytes: 0,
    seconds,
    cpuMs: (used.user + used.system) / 1000,
    rss: rss.result(),
    courses: found,
    complete: report.complete,
    readers: sharedReaders.size,
  };
}

/** The plain loop: fetch each page in turn and parse it with htmlparser2 — to a DOM, or (`tokens`) just tokenize. */
async function runPlainLoop(origin: string, courses: number, tokensOnly: boolean): Promise<RunResult> {
  const rss = rssTracker();
  let bytes = 0;
  let anchors = 0;
  const urls = siteUrls(origin, courses);
  const cpu = process.cpuUsage();
  const started = performance.now();
  for (const [index, url] of urls.entries()) {
    const response = await fetch(url);
    const html = await response.text();
    bytes += Buffer.byteLength(html);
    if (tokensOnly) {
      const parser = new Parser({
        onopentag(name, attributes) {
          if (name === 'a' && attributes.href) anchors++;
        },
      });
      parser.end(html);
    } else {
      anchors += DomUtils.getElementsByTagName('a', parseDocument(html).children).length;
    }
    rss.sample(index);
  }
  const seconds = (performance.now() - started) / 1000;
  const used = process.cpuUsage(cpu);
  if (anchors === 0) throw new Error('the plain loop found no links: is the bench site serving pages?');
  return { pages: urls.length, bytes, seconds, cpuMs: (used.user + used.system) / 1000, rss: rss.result() };
}

// ---------------------------------------------------------------- orchestration
function child(args: string[]): Promise<{ result: Record<string, unknown>; stop(): void }> {
  // started as `shortlist` starts Node, for the crawler and the plain loops alike; --expose-gc only to read the
  // live heap twice (page 500, end): a leak shows there whatever the GC's timing
  const flags = [...SHORTLIST_NODE_FLAGS, ...process.execArgv, '--expose-gc'];
  const process_ = spawn(process.execPath, [...flags, process.argv[1]!, ...args], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    let buffer = '';
    process_.stdout.on('data', (chunk: Buffer) => {
      buffer += chunk.toString();
      const line = buffer.split('\n')[0];
      if (buffer.includes('\n') && line)
        resolve({ result: JSON.parse(line) as Record<string, unknown>, stop: () => process_.kill() });
    });
    process_.once('exit', (code) => reject(new Error(`bench child ${args[0]} exited with ${code}`)));
  });
}

const pagesPerSecond = (run: RunResult) => run.pages / run.seconds;
const f = (value: number, digits = 1) => value.toLocaleString('en-GB', { maximumFractionDigits: digits });

async function main() {
  const [mode, origin, count] = process.argv.slice(2);
  if (mode === 'site') return serveSite(Number(origin));
  if (mode === 'crawler' || mode === 'dom' || mode === 'tokens') {
    const run =
      mode === 'crawler'
        ? await runCrawler(origin!, Number(count))
        : await runPlainLoop(origin!, Number(count), mode === 'tokens');
    process.stdout.write(`${JSON.stringify(run)}\n`);
    process.exit(0);
  }

  const courses = Number(mode ?? 10_000);
  const site = await child(['site', String(courses)]);
  const siteOrigin = site.result.origin as string;
  try {
    console.log(
      `Site: ${f(courses, 0)} course pages of ~100 KB + ${Math.ceil(courses / PER_LISTING)} listings, served from another process.`,
    );
    const crawler = (await child(['crawler', siteOrigin, String(courses)])).result as unknown as RunResult;
    const plain = (await child(['dom', siteOrigin, String(courses)])).result as unknown as RunResult;
    const tokens = (await child(['tokens', siteOrigin, String(courses)])).result as unknown as RunResult;
    const kbPerPage = plain.bytes / plain.pages / 1024;
    const cpuPer100kB = (run: RunResult) => (run.cpuMs / run.pages) * (100 / kbPerPage);
    const ratio = pagesPerSecond(crawler) / pagesPerSecond(plain);
    const tokensRatio = pagesPerSecond(crawler) / pagesPerSecond(tokens);
    const drift = (run: RunResult) => {
      const { atStart, min, max } = run.rss!;
      return Math.max(max / atStart - 1, 1 - min / atStart) * 100;
    };
    const rows = [
      [
        '',
        'pages',
        'seconds',
        'pages/s',
        'CPU ms / 100 KB page',
        `RSS MB at page ${RSS_FROM_PAGE} → end (min–max)`,
      ],
      ...(
        [
          [`crawler (${crawler.readers} page readers)`, crawler],
          ['fetch + htmlparser2 parseDocument', plain],
          ['fetch + htmlparser2 tokenizer only', tokens],
        ] as const
      ).map(([name, run]) => [
        name,
        f(run.pages, 0),
        f(run.seconds),
        f(pagesPerSecond(run)),
        f(cpuPer100kB(run), 2),
        `${f(run.rss!.atStart, 0)} → ${f(run.rss!.atEnd, 0)} (${f(run.rss!.min, 0)}–${f(run.rss!.max, 0)})`,
      ]),
    ];
    const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => row[column]!.length)));
    for (const row of rows) console.log(row.map((cell, column) => cell.padEnd(widths[column]!)).join('  '));
    console.log(
      `\ncrawler found ${f(crawler.courses!, 0)} courses; crawl ${crawler.complete ? 'complete' : 'NOT complete'}`,
    );
    console.log(
      `rate ratio crawler / plain loop (parseDocument): ${f(ratio, 2)} (goal ≥ 0.5) ${ratio >= 0.5 ? 'ok' : 'MISSED'}`,
    );
    console.log(`rate ratio crawler / tokenizer-only loop: ${f(tokensRatio, 2)}`);
    const rssDrift = drift(crawler);
    console.log(
      `crawler RSS drift after page ${RSS_FROM_PAGE}: ${f(rssDrift)}% (goal ≤ 20%) ${rssDrift <= 20 ? 'ok' : 'MISSED'}`,
    );
    const live = crawler.rss!.liveHeap;
    if (live)
      console.log(
        `crawler main-thread live heap after a full GC: ${f(live.atStart)} MB at page ${RSS_FROM_PAGE} → ${f(live.atEnd)} MB at the end`,
      );
  } finally {
    site.stop();
  }
}

await main();
