// `npm run bench:web`: the search page's JavaScript, gzipped, and how long until its first results are on screen in
// Chromium, served by the real API on 127.0.0.1 over the bundled Meilisearch holding 100,000 generated courses.
// First results: the page's own `shortlist:first-results` performance mark, in ms from the start of navigation.
// Usage: tsx test/bench/web.ts [courses]     100,000 courses by default
import { serve, type ServerType } from '@hono/node-server';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { createApp } from '@shortlist/api';
import { CatalogueStore, createMeiliClient, SearchIndex, startBundledMeilisearch } from '@shortlist/indexer';
import { generateCourses, generatedProviders } from '@shortlist/indexer/testing';
import { launchBrowser } from '../src/browser.ts';
import { WEB_ROOT } from '../src/system.ts';

const COURSES = Number(process.argv.slice(2).find((arg) => /^\d+$/.test(arg)) ?? 100_000);
const PAGES = ['/', '/?q=data', '/?mode=online,blended&maxWeeks=8&sort=cost:asc'];
const RUNS = 5;
const GOAL_KB = 60;
const GOAL_MS = 1000;

function build() {
  const run = spawnSync('npm', ['run', 'build', '--workspace', '@shortlist/web'], { stdio: 'inherit' });
  if (run.status !== 0) throw new Error('the web build failed');
}

/** The JavaScript the search page loads (its entry and the chunks it imports), gzipped as a server would send it. */
function searchPageJs(): { files: string[]; raw: number; gzip: number } {
  const html = readFileSync(join(WEB_ROOT, 'index.html'), 'utf8');
  const files = [...html.matchAll(/(?:src|href)="(\/assets\/[^"]+\.js)"/g)].map((match) => match[1]!);
  let raw = 0;
  let gzip = 0;
  for (const file of files) {
    const bytes = readFileSync(join(WEB_ROOT, file));
    raw += bytes.length;
    gzip += gzipSync(bytes, { level: 9 }).length;
  }
  return { files, raw, gzip };
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

async function main() {
  build();
  const js = searchPageJs();
  console.log(
    `search page JavaScript: ${js.files.length} files, ${(js.raw / 1024).toFixed(1)} KB, ${(js.gzip / 1024).toFixed(1)} KB gzip (goal ≤ ${GOAL_KB} KB)`,
  );

  const dataDir = mkdtempSync(join(tmpdir(), 'bench-web-'));
  const meili = await startBundledMeilisearch(dataDir);
  const store = new CatalogueStore(join(dataDir, 'catalogue.db'));
  let server: ServerType | undefined;
  const browser = await launchBrowser();
  try {
    for (const provider of generatedProviders()) store.upsertProvider(provider);
    for (let start = 0; start < COURSES; start += 5000)
      store.upsertCourses(generateCourses(Math.min(5000, COURSES - start), { first: start }));
    const index = new SearchIndex(createMeiliClient(meili.url, meili.key));
    await index.prepare(store);
    await index.syncFrom(store);
    server = serve({
      fetch: createApp({ store, index, webRoot: WEB_ROOT }).fetch,
      port: 0,
      hostname: '127.0.0.1',
    });
    await new Promise((resolve) => server!.once('listening', resolve));
    const address = server.address();
    const url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
    const total = ((await (await fetch(`${url}/v1/search?perPage=1`)).json()) as { total: number }).total;
    console.log(`catalogue: ${total.toLocaleString('en')} courses searchable at ${url}`);

    console.log(
      `load average ${loadavg()
        .map((load) => load.toFixed(1))
        .join(' ')} on ${cpus().length} cores`,
    );
    console.log(`\nfirst results on screen (ms from navigation start; median of ${RUNS} cold page loads; goal < ${GOAL_MS} ms)`); // prettier-ignore
    for (const path of PAGES) {
      const times: number[] = [];
      const searches: number[] = [];
      const sent: number[] = [];
      // one untimed load warms Meilisearch's and the OS's caches, as a running site's are
      for (let run = 0; run <= RUNS; run++) {
        const context = await browser.newContext();
        const page = await context.newPage();
        await page.goto(`${url}${path}`);
        await page.locator('#results-region[aria-busy="false"]').waitFor();
        const [at, search, asked] = await page.evaluate(() => {
          const request = performance
            .getEntriesByType('resource')
            .find((entry) => entry.name.includes('/v1/search?'));
          return [
            performance.getEntriesByName('shortlist:first-results')[0]?.startTime ?? Number.NaN,
            request ? request.duration : Number.NaN,
            request ? request.startTime : Number.NaN,
          ];
        });
        const cards = await page.locator('#results .result').count();
        if (!cards) throw new Error(`${path} showed no results`);
        if (run > 0) {
          times.push(at);
          searches.push(search);
          sent.push(asked);
        }
        await context.close();
      }
      console.log(`  ${path.padEnd(48)} ${median(times).toFixed(0).padStart(5)} ms   (runs: ${times.map((time) => time.toFixed(0)).join(', ')}; search sent at ${median(sent).toFixed(0)} ms, answered in ${median(searches).toFixed(0)} ms)`); // prettier-ignore
    }
  } finally {
    await browser.close();
    if (server) await new Promise((resolve) => server!.close(resolve));
    store.close();
    await meili.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

await main();
