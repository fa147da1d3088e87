import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FeedJobSummary } from '@shortlist/schemas';
import { testCourse } from '@shortlist/indexer/testing';
import { createApp } from '../app.ts';
import { startTestApp, type TestApp } from '../testing.ts';
import { batchedLines } from './access-log.ts';

const provider = {
  id: 'northbridge-university',
  name: 'Northbridge University',
  type: 'university' as const,
  country: 'GB',
  url: 'https://northbridge.example/',
};
const courses = [
  testCourse({ title: 'Data Analytics with Python', mode: 'Online', cost: '£450' }),
  testCourse({ title: 'Welding Basics', mode: 'In person', cost: '£300' }),
];
const lines: string[] = [];
let test: TestApp;

beforeAll(async () => {
  test = await startTestApp({ providers: [provider], courses, log: (line) => lines.push(line) });
});
afterAll(() => test.close());

/** The samples of a Prometheus text exposition, as `name{labels}` → value. */
function samples(text: string): Map<string, number> {
  const found = new Map<string, number>();
  for (const line of text.split('\n')) {
    const match = /^([a-z_]+(?:\{[^}]*\})?) (\S+)$/.exec(line);
    if (match) found.set(match[1]!, Number(match[2]));
  }
  return found;
}
const metrics = async () => samples((await test.request('/metrics')).body as string);

describe('request ids', () => {
  it('gives every answer an X-Request-Id, errors included', async () => {
    const ids = new Set<string>();
    for (const path of [
      '/v1/search?q=python',
      '/v1/courses/nope',
      '/v1/search?perPage=5000',
      '/v1/nothing',
      '/v1/export?q=python&format=csv',
      '/v1/partner/me',
    ]) {
      const response = await test.app.request(path);
      const id = response.headers.get('X-Request-Id');
      expect(id, path).toMatch(/^[0-9a-f-]{36}$/);
      ids.add(id!);
    }
    expect(ids.size).toBe(6);
  });

  it('keeps a sane incoming id and replaces one that is not', async () => {
    const kept = await test.app.request('/health', { headers: { 'X-Request-Id': 'lb-7f3a_2=' } });
    expect(kept.headers.get('X-Request-Id')).toBe('lb-7f3a_2=');
    for (const insane of ['two words', 'a'.repeat(129), 'x";drop']) {
      const replaced = await test.app.request('/health', { headers: { 'X-Request-Id': insane } });
      expect(replaced.headers.get('X-Request-Id')).toMatch(/^[0-9a-f-]{36}$/);
    }
  });
});

describe('access log', () => {
  it('writes one line per request with method, path, status, time and id, and no query values', async () => {
    lines.length = 0;
    const response = await test.app.request('/v1/search?q=confidential-topic&mode=online', {
      headers: { 'X-Request-Id': 'trace-1' },
    });
    await test.app.request('/v1/courses/nope');
    expect(response.status).toBe(200);
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^GET \/v1\/search 200 \d+\.\dms id=trace-1$/);
    expect(lines[1]).toMatch(/^GET \/v1\/courses\/nope 404 \d+\.\dms id=[0-9a-f-]{36}$/);
    expect(lines.join('\n')).not.toContain('confidential');
  });

  it('cannot be split by a line break in the path', async () => {
    lines.length = 0;
    await test.app.request('/v1/courses/a%0D%0AGET%20%2Fforged%20200');
    expect(lines).toHaveLength(1);
    expect(lines[0]).not.toMatch(/[\r\n]/);
  });

  it('writes the lines of one turn of the event loop together, each whole and on its own line', async () => {
    const writes: string[] = [];
    const log = batchedLines((text) => writes.push(text));
    const app = createApp({ store: test.store, index: test.index, log });
    await app.request('/v1/courses/a');
    log('second line of the same turn');
    await new Promise((resolve) => setImmediate(resolve));
    await app.request('/v1/courses/b');
    await new Promise((resolve) => setImmediate(resolve));
    expect(writes).toEqual([
      expect.stringMatching(/^GET \/v1\/courses\/a 404 [^\n]+\nsecond line of the same turn\n$/),
      expect.stringMatching(/^GET \/v1\/courses\/b 404 [^\n]+\n$/),
    ]);
  });
});

describe('GET /metrics', () => {
  it('counts requests and times them by route pattern, not by raw path', async () => {
    const before = await metrics();
    const key = 'shortlist_http_requests_total{method="GET",route="/v1/courses/:id",status="404"}';
    await test.request('/v1/courses/one-missing');
    await test.request('/v1/courses/another-missing');
    await test.request(`/v1/courses/${courses[0]!.id}`);
    const after = await metrics();
    expect((after.get(key) ?? 0) - (before.get(key) ?? 0)).toBe(2);
    expect(after.get('shortlist_http_requests_total{method="GET",route="/v1/courses/:id",status="200"}')).toBe(1); // prettier-ignore
    expect([...after.keys()].some((name) => name.includes('one-missing'))).toBe(false);
    const histogram = 'shortlist_http_request_duration_seconds_count{method="GET",route="/v1/courses/:id"}';
    expect((after.get(histogram) ?? 0) - (before.get(histogram) ?? 0)).toBe(3);
    expect(after.get('shortlist_http_request_duration_seconds_bucket{le="+Inf",method="GET",route="/v1/courses/:id"}')).toBe(after.get(histogram)); // prettier-ignore
  });

  it('shows how long the thread that answers was held up since the last scrape', async () => {
    await metrics();
    // the monitor measures from its last sample: it takes one before the long task
    await new Promise((resolve) => setTimeout(resolve, 50));
    // a task that keeps the thread for 300 ms, as a long synchronous step would
    const until = performance.now() + 300;
    while (performance.now() < until);
    await new Promise((resolve) => setTimeout(resolve, 50));
    const held = await metrics();
    expect(held.get('shortlist_event_loop_delay_seconds{stat="max"}')).toBeGreaterThanOrEqual(0.25);
  });

  it('reports the sync lag and the index size, and the lag falls to 0 after a sync', async () => {
    const synced = await metrics();
    expect(synced.get('shortlist_index_sync_lag_changes')).toBe(0);
    expect(synced.get('shortlist_index_documents{index="courses_route_test"}')).toBe(2);
    test.store.upsertCourses([testCourse({ title: 'Cloud Computing Essentials', cost: 'Free' })]);
    expect((await metrics()).get('shortlist_index_sync_lag_changes')).toBe(1);
    await test.sync();
    const caughtUp = await metrics();
    expect(caughtUp.get('shortlist_index_sync_lag_changes')).toBe(0);
    expect(caughtUp.get('shortlist_index_documents{index="courses_route_test"}')).toBe(3);
  });

  it('counts crawl and feed outcomes from the catalogue', async () => {
    const report = (complete: boolean, finishedAt: string | null) => ({
      sourceId: 'northbridge',
      startedAt: '2026-11-01T10:00:00.000Z',
      finishedAt,
      complete,
    });
    test.store.recordCrawl(report(true, '2026-11-01T10:05:00.000Z'));
    test.store.recordCrawl(report(true, '2026-11-02T10:05:00.000Z'));
    test.store.recordCrawl(report(false, '2026-11-03T10:05:00.000Z'));
    test.store.recordCrawl(report(false, null));
    const jobs = test.store.feedJobs;
    const summary = {
      rows: 1,
      accepted: 1,
      rejected: 0,
      applied: true,
      error: null,
    } as unknown as FeedJobSummary;
    const feed = (dryRun: boolean, error: FeedJobSummary['error']) => {
      const job = jobs.create({ providerId: provider.id, partnerId: null, origin: 'cli', source: null, format: 'csv', mode: 'upsert', dryRun, options: {} }); // prettier-ignore
      jobs.finish(job.id, { ...summary, error });
    };
    feed(false, null);
    feed(true, null);
    feed(false, { message: 'not a CSV file', fix: 'send CSV' });
    jobs.create({ providerId: provider.id, partnerId: null, origin: 'cli', source: null, format: 'csv', mode: 'upsert', dryRun: false, options: {} }); // prettier-ignore
    const found = await metrics();
    expect(found.get('shortlist_crawls_total{outcome="complete"}')).toBe(2);
    expect(found.get('shortlist_crawls_total{outcome="incomplete"}')).toBe(1);
    expect(found.get('shortlist_crawls_total{outcome="unfinished"}')).toBe(1);
    expect(found.get('shortlist_feeds_total{outcome="done",dry_run="false"}')).toBe(1);
    expect(found.get('shortlist_feeds_total{outcome="done",dry_run="true"}')).toBe(1);
    expect(found.get('shortlist_feeds_total{outcome="failed",dry_run="false"}')).toBe(1);
  });

  it('answers in the Prometheus text format', async () => {
    const response = await test.request('/metrics');
    expect(response.headers.get('Content-Type')).toMatch(/^text\/plain; version=0\.0\.4/);
    expect(response.body).toContain('# TYPE shortlist_http_request_duration_seconds histogram');
    expect(response.body).toContain('# TYPE shortlist_crawls_total counter');
  });
});

describe('CORS', () => {
  const origin = { Origin: 'https://adviser-tools.example' };

  it('lets any origin read the public GET routes, with the request id', async () => {
    for (const path of [
      '/v1/search?q=data',
      '/v1/courses/nope',
      '/openapi.json',
      '/health',
      '/v1/export?format=csv',
    ]) {
      const response = await test.app.request(path, { headers: origin });
      expect(response.headers.get('Access-Control-Allow-Origin'), path).toBe('*');
      expect(response.headers.get('Access-Control-Expose-Headers')).toContain('X-Request-Id');
    }
    const preflight = await test.app.request('/v1/search', {
      method: 'OPTIONS',
      headers: { ...origin, 'Access-Control-Request-Method': 'GET' },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('Access-Control-Allow-Methods')).toBe('GET,HEAD');
  });

  it('gives the partner routes no CORS headers, so other origins cannot use a partner key', async () => {
    const me = await test.app.request('/v1/partner/me', { headers: origin });
    expect(me.headers.get('Access-Control-Allow-Origin')).toBeNull();
    const preflight = await test.app.request('/v1/partner/feeds', {
      method: 'OPTIONS',
      headers: { ...origin, 'Access-Control-Request-Method': 'POST', 'Access-Control-Request-Headers': 'authorization' }, // prettier-ignore
    });
    expect(preflight.headers.get('Access-Control-Allow-Origin')).toBeNull();
  });
});
