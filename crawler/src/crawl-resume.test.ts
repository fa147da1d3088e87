import { spawn, type ChildProcess } from 'node:child_process';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import type { CrawlReport } from './run/crawl-report.ts';
import { fixtureSource } from './testing/crawl-fixture.ts';
import { coursePage, listingPage, startFixtureSite, type Route } from './testing/fixture-site.ts';

const CHILD = fileURLToPath(new URL('./testing/crawl-child.ts', import.meta.url));
const COURSES = Array.from({ length: 40 }, (_, index) => `course-${String(index).padStart(2, '0')}`);
const LISTINGS = 4;

function startCrawl(sourceFile: string, storageDir: string, recordsFile: string): ChildProcess {
  return spawn(process.execPath, ['--import', 'tsx', CHILD, sourceFile, storageDir, recordsFile], {
    cwd: fileURLToPath(new URL('..', import.meta.url)),
    stdio: ['ignore', 'ignore', 'inherit'],
  });
}

const exited = (child: ChildProcess) =>
  new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));

const sites: { close(): Promise<void> }[] = [];
afterAll(async () => {
  await Promise.all(sites.map((site) => site.close()));
});

describe('a crawl killed with SIGKILL', () => {
  it('resumes on the next run, losing no page and duplicating no course', async () => {
    let served = 0;
    let onServed = () => {};
    const slowCourse = (name: string) => (_request: IncomingMessage, response: ServerResponse) => {
      setTimeout(() => {
        response.end(coursePage(`Course ${name}`));
        served++;
        onServed();
      }, 20);
    };
    const routes: Record<string, Route> = {};
    for (let listing = 0; listing < LISTINGS; listing++) {
      const slice = COURSES.slice(listing * 10, listing * 10 + 10).map((name) => `/courses/${name}.html`);
      const next = listing + 1 < LISTINGS ? `<a href="/courses/?page=${listing + 2}">next</a>` : '';
      routes[listing === 0 ? '/courses/' : `/courses/?page=${listing + 1}`] = listingPage(slice, next);
    }
    for (const name of COURSES) routes[`/courses/${name}.html`] = slowCourse(name);
    // one page fails while the first run lasts: the resumed run must try it again rather than count it as done
    let firstRun = true;
    const flaky = slowCourse('course-03');
    routes['/courses/course-03.html'] = (request, response) =>
      firstRun ? response.writeHead(503).end() : flaky(request, response);
    const fixture = await startFixtureSite(routes);
    sites.push(fixture);

    const dir = mkdtempSync(join(tmpdir(), 'shortlist-resume-'));
    const sourceFile = join(dir, 'source.json');
    const storageDir = join(dir, 'crawls');
    const recordsFile = join(dir, 'records.jsonl');
    // no retries within a run, so the failing page is over (and journalled, if it were) long before the kill
    const source = fixtureSource(fixture, {
      follow: { listing: ['^/courses/(\\?page=\\d+)?$'] },
      politeness: { retries: 0 },
    });
    writeFileSync(sourceFile, JSON.stringify(source));

    const first = startCrawl(sourceFile, storageDir, recordsFile);
    await new Promise<void>((resolve) => (onServed = () => served >= 15 && resolve()));
    first.kill('SIGKILL');
    expect(await exited(first)).toBeNull();
    firstRun = false;
    const servedBeforeKill = served;
    expect(existsSync(join(storageDir, source.id))).toBe(true);

    const second = startCrawl(sourceFile, storageDir, recordsFile);
    expect(await exited(second)).toBe(0);

    const lines = readFileSync(recordsFile, 'utf8')
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    const report = lines.at(-1).report as CrawlReport;
    const records = lines.slice(0, -1) as { id: string; title: string }[];
    const byId = new Map(records.map((record) => [record.id, record.title]));
    // nothing lost: every course stored; no duplicates: one id per course, however often a page was re-stored
    expect([...byId.values()].sort()).toEqual(COURSES.map((name) => `Course ${name}`));
    expect(byId.size).toBe(COURSES.length);

    // resumed rather than restarted (which would fetch 15+ pages twice): only the few pages in flight
    // at the kill (fetched, not yet journaled), and the page that failed, were fetched again
    const courseFetches = fixture.paths().filter((path) => path.endsWith('.html'));
    expect(new Set(courseFetches).size).toBe(COURSES.length);
    expect(courseFetches.length).toBeLessThanOrEqual(COURSES.length + 5 + 2);
    expect(servedBeforeKill).toBeGreaterThanOrEqual(15);
    expect(fixture.paths().filter((path) => path === '/courses/')).toHaveLength(1);

    expect(report.resumed).toBe(1);
    expect(report.errors).toEqual([]);
    expect(report.complete).toBe(true);
    expect(existsSync(join(storageDir, source.id))).toBe(false);
  }, 60_000);
});
