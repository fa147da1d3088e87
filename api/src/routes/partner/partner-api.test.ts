import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CatalogueStore,
  createMeiliClient,
  SearchIndex,
  startBundledMeilisearch,
  type MeiliConnection,
} from '@shortlist/indexer';
import { PartnerAccounts } from '@shortlist/indexer/partners';
import { catalogueSnapshot } from '@shortlist/indexer/testing';
import type { Provider } from '@shortlist/schemas';
import { createApp } from '../../app.ts';
import { serve } from '@hono/node-server';
import type { AddressInfo } from 'node:net';
import { readPartnerSettings } from './env.ts';
import { FeedRunner } from '../../feeds/runner.ts';
import { KeyAttempts } from './key-attempts.ts';

const HARBOUR: Provider = {
  id: 'harbour-institute',
  name: 'Harbour Institute',
  type: 'college',
  country: 'GB',
  url: 'https://www.harbour.example/',
};
const RIVAL: Provider = {
  id: 'rival-academy',
  name: 'Rival Academy',
  type: 'company',
  country: 'GB',
  url: 'https://www.rival.example/',
};
const LIMIT = 64 * 1024;

let meili: MeiliConnection;
let store: CatalogueStore;
let index: SearchIndex;
let runner: FeedRunner;
let app: ReturnType<typeof createApp>;
let key: string;
let rivalKey: string;

beforeAll(async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'partner-api-'));
  meili = await startBundledMeilisearch(dataDir);
  store = new CatalogueStore(join(dataDir, 'catalogue.db'));
  store.upsertProvider(HARBOUR);
  store.upsertProvider(RIVAL);
  const accounts = new PartnerAccounts(store);
  key = (await accounts.create('Harbour Institute', HARBOUR.id)).key;
  rivalKey = (await accounts.create('Rival Academy', RIVAL.id)).key;
  index = new SearchIndex(createMeiliClient(meili.url, meili.key), 'courses_partner_api_test');
  await index.prepare();
  runner = new FeedRunner(store);
  const settings = { ...readPartnerSettings({}), maxFeedBytes: LIMIT, syncFeedBytes: 4 * 1024 };
  app = createApp({ store, index, partner: { settings, runner } });
}, 60_000);
afterAll(async () => {
  store?.close();
  await meili?.stop();
});

const auth = (value = key) => ({ Authorization: `Bearer ${value}` });
const csv = (rows: string[]) => ['course_id,title,url,duration,cost,mode', ...rows].join('\n');
const row = (n: number, provider = 'harbour') =>
  `${provider.toUpperCase()}-${n},${provider} course ${n},https://www.${provider}.example/courses/${n},6 weeks,£${100 + n},Online`;

async function send(
  body: BodyInit,
  {
    query = '',
    headers = {},
    as = key,
  }: { query?: string; headers?: Record<string, string>; as?: string } = {},
) {
  const response = await app.request(`/v1/partner/feeds${query}`, {
    method: 'POST',
    body,
    headers: { 'Content-Type': 'text/csv', ...auth(as), ...headers },
  });
  return { status: response.status, body: await response.json(), headers: response.headers };
}

async function finished(jobId: string) {
  await runner.idle();
  const response = await app.request(`/v1/partner/feeds/${jobId}`, { headers: auth() });
  return await response.json();
}

describe('partner authentication', () => {
  it.each([
    ['no key', {}, /needs your partner key/],
    ['a header that is not Bearer', { Authorization: 'Basic abc' }, /Authorization: Bearer/],
    ['not a partner key', { Authorization: 'Bearer hunter2' }, /not a Shortlist partner key/],
    [
      'a wrong key',
      { Authorization: 'Bearer slk_000000000000_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA' },
      /not valid/,
    ],
  ])('refuses %s with 401 and changes nothing', async (_what, headers, message) => {
    const response = await app.request('/v1/partner/feeds', { method: 'POST', body: csv([row(1)]), headers });
    expect(response.status).toBe(401);
    expect(response.headers.get('WWW-Authenticate')).toMatch(/^Bearer/);
    expect(await response.json()).toEqual({
      error: { status: 401, message: expect.stringMatching(message), parameter: 'Authorization' },
    });
    expect(store.countCourses()).toBe(0);
  });

  it('refuses a revoked key with 401', async () => {
    const accounts = new PartnerAccounts(store);
    const { partner, key: revoked } = await accounts.create('Harbour intern', HARBOUR.id);
    expect((await app.request('/v1/partner/me', { headers: auth(revoked) })).status).toBe(200);
    accounts.revoke(partner.id);
    const response = await app.request('/v1/partner/me', { headers: auth(revoked) });
    expect(response.status).toBe(401);
    expect((await response.json()).error.message).toMatch(/revoked/);
  });

  describe('an address that keeps sending wrong keys', () => {
    const wrong = 'slk_000000000000_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA';
    let now = Date.now();
    const servers: ReturnType<typeof serve>[] = [];
    afterAll(() => Promise.all(servers.map((server) => new Promise((resolve) => server.close(resolve)))));

    /**
     * A real server allowing 3 wrong keys per 15 minutes, behind the given proxies; `me` asks who it is, as the
     * client `from` behind a proxy at 10.0.0.5 (the test itself connects from 127.0.0.1).
     */
    async function start(trustedProxies: string) {
      const keyAttempts = new KeyAttempts({ maxRefused: 3, windowMs: 15 * 60_000 }, () => now);
      const settings = readPartnerSettings({ SHORTLIST_TRUSTED_PROXIES: trustedProxies });
      const server = serve({
        fetch: createApp({ store, index, partner: { settings, runner, keyAttempts } }).fetch,
        port: 0,
        hostname: '127.0.0.1',
      });
      servers.push(server);
      await new Promise((resolve) => server.once('listening', resolve));
      const { port } = server.address() as AddressInfo;
      return (value: string, from: string) =>
        fetch(`http://127.0.0.1:${port}/v1/partner/me`, {
          headers: { ...auth(value), 'X-Forwarded-For': `10.9.9.9, ${from}, 10.0.0.5` },
        });
    }

    it('is turned away, its right key too, until the lockout ends; other clients are not', async () => {
      const me = await start('127.0.0.1, 10.0.0.0/24');
      for (let n = 0; n < 3; n++) expect((await me(wrong, '203.0.113.7')).status).toBe(401);
      const refused = await me(key, '203.0.113.7');
      expect(refused.status).toBe(429);
      expect(refused.headers.get('Retry-After')).toBe('900');
      expect((await refused.json()).error).toEqual({
        status: 429,
        message: expect.stringMatching(
          /^Too many refused partner keys from your address \(3 within 15 minutes\): try again in 15 minutes/,
        ),
        parameter: 'Authorization',
      });
      // the client is the last address before the trusted proxies, not the first one in the header
      expect((await me(key, '198.51.100.1')).status).toBe(200);
      now += 15 * 60_000;
      expect((await me(key, '203.0.113.7')).status).toBe(200);
    });

    it('has wrong keys sent all at once counted too', async () => {
      const me = await start('');
      const statuses = await Promise.all(
        Array.from({ length: 8 }, async () => (await me(wrong, '203.0.113.7')).status),
      );
      expect(statuses.filter((status) => status === 401)).toHaveLength(3);
      expect(statuses.filter((status) => status === 429)).toHaveLength(5);
    });

    it('cannot dodge the count with a made-up X-Forwarded-For when it does not come from a trusted proxy', async () => {
      const me = await start('10.0.0.0/24');
      for (let n = 0; n < 3; n++) expect((await me(wrong, `203.0.113.${n}`)).status).toBe(401);
      expect((await me(key, '203.0.113.99')).status).toBe(429);
    });
  });

  it('serves the template without a key', async () => {
    const response = await app.request('/v1/partner/template.csv');
    expect(response.status).toBe(200);
    expect(response.headers.get('Content-Type')).toMatch(/^text\/csv/);
    const text = await response.text();
    expect(text.split('\r\n')[0]).toMatch(/^course_id,title,url,summary,/);
    expect(text.trim().split('\r\n')).toHaveLength(5);
  });
});

describe('POST /v1/partner/feeds', () => {
  it('applies a CSV body at once, reports every row, and the courses become searchable', async () => {
    const { status, body } = await send(
      csv([row(1), row(2), 'HARBOUR-3,,https://www.harbour.example/courses/3,6 weeks,£1,Online']),
      { query: '?mode=upsert' },
    );
    expect(status).toBe(200);
    expect(body).toMatchObject({
      status: 'done',
      applied: true,
      format: 'csv',
      counts: { rows: 3, accepted: 2, rejected: 1, new: 2 },
    });
    expect(body.problems.find((p: any) => p.severity === 'error')).toMatchObject({
      row: 4,
      field: 'title',
      message: 'title is missing: every course needs a name.',
    });
    await index.syncFrom(store);
    const search = await (await app.request('/v1/search?q=harbour%20course%202')).json();
    expect(search.hits[0]).toMatchObject({ title: 'harbour course 2', provider: { id: HARBOUR.id } });
  });

  it('accepts a multipart upload with options as form fields, and a dry run writes nothing', async () => {
    const form = new FormData();
    form.append('file', new File([csv([row(1), row(2), row(4)])], 'courses.csv', { type: 'text/csv' }));
    form.append('mode', 'replace');
    form.append('dryRun', 'true');
    const response = await app.request('/v1/partner/feeds', { method: 'POST', body: form, headers: auth() });
    const body = await response.json();
    expect(response.status).toBe(200);
    expect(body).toMatchObject({
      dryRun: true,
      mode: 'replace',
      source: 'courses.csv',
      counts: { new: 1, unchanged: 2 },
    });
    expect(store.countCourses()).toBe(2);
  });

  it.each([
    [
      'broken quotes',
      'title,url\n"Unclosed,https://www.harbour.example/x\n',
      'text/csv',
      /^Line 2: a quote opens a cell that is never closed/,
    ],
    [
      'a wrong delimiter',
      'title|url|cost\nA|https://www.harbour.example/a|1\n',
      'text/csv',
      /^Line 1 is a single column/,
    ],
    [
      'truncated JSON',
      '[{"title": "A", "url": "https://www.harbour.example/a"}, {"title": "B", ',
      'application/json',
      /^The JSON ends before it is complete \(at line 1\)/,
    ],
    [
      'not a feed',
      '<!doctype html><html><body>Our courses</body></html>',
      'text/html',
      /^This is not a feed: the content is an HTML page/,
    ],
  ])('refuses %s with 400 naming the place', async (_what, body, type, message) => {
    const before = store.countCourses();
    const answer = await send(body, { headers: { 'Content-Type': type } });
    expect(answer.status).toBe(400);
    expect(answer.body.error.message).toMatch(message);
    expect(store.countCourses()).toBe(before);
  });

  it('refuses a bad option with 400 naming the parameter', async () => {
    const answer = await send(csv([row(1)]), { query: '?mode=merge' });
    expect(answer.status).toBe(400);
    expect(answer.body.error).toMatchObject({
      parameter: 'mode',
      message: expect.stringContaining('"replace"'),
    });
  });

  it('refuses an upload over the limit with 413 and the limit in the message, also when compressed or streamed', async () => {
    const big = csv(Array.from({ length: 2000 }, (_, n) => row(n)));
    const declared = await send(big);
    expect(declared.status).toBe(413);
    expect(declared.body.error.message).toContain(
      `the limit is 0.1 MB (${LIMIT} bytes, after decompression)`,
    );
    const bomb = gzipSync(Buffer.alloc(50 * 1024 * 1024, 'a'));
    const compressed = await send(bomb, { headers: { 'Content-Encoding': 'gzip' } });
    expect(compressed.status).toBe(413);
    const chunked = new ReadableStream({
      start(controller) {
        controller.enqueue(new TextEncoder().encode(big));
        controller.close();
      },
    });
    const streamed = await app.request('/v1/partner/feeds', {
      method: 'POST',
      body: chunked,
      headers: { 'Content-Type': 'text/csv', ...auth() },
      duplex: 'half',
    } as RequestInit);
    expect(streamed.status).toBe(413);
  });

  it('runs a large feed as a job: 202, then status and report, then the annotated CSV', async () => {
    const rows = Array.from({ length: 120 }, (_, n) => row(100 + n));
    rows[7] = 'HARBOUR-107,Bad link course,www.harbour.example/no-scheme,6 weeks,£5,Online';
    const queued = await send(csv(rows));
    expect(queued.status).toBe(202);
    expect(queued.body).toMatchObject({
      status: 'queued',
      links: { self: `/v1/partner/feeds/${queued.body.jobId}` },
    });
    expect(queued.headers.get('Location')).toBe(queued.body.links.self);
    const report = await finished(queued.body.jobId);
    expect(report).toMatchObject({
      status: 'done',
      applied: true,
      counts: { rows: 120, accepted: 119, rejected: 1 },
    });
    const annotated = await app.request(report.links.annotatedCsv, { headers: auth() });
    expect(annotated.status).toBe(200);
    const bytes = Buffer.from(await annotated.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.subarray(3).toString('utf8').split('\r\n');
    expect(lines[0]).toBe('course_id,title,url,duration,cost,mode,errors');
    expect(lines[8]).toBe(
      'HARBOUR-107,Bad link course,www.harbour.example/no-scheme,6 weeks,£5,Online,"url ""www.harbour.example/no-scheme"" is not an absolute web address."',
    );
    expect(lines[9]).toMatch(/,Online,$/);
  });

  it('reads JSON-LD uploads by their content, and annotates them one line per record', async () => {
    const document = {
      '@context': 'https://credreg.net/ctdl/schema/context/json',
      '@graph': [
        {
          '@type': 'ceterms:Course',
          'ceterms:ctid': 'ce-0001',
          'ceterms:name': { 'en-US': 'Harbour Pilotage' },
          'ceterms:subjectWebpage': 'https://www.harbour.example/pilotage',
        },
        {
          '@type': 'ceterms:Course',
          'ceterms:ctid': 'ce-0002',
          'ceterms:subjectWebpage': 'https://www.harbour.example/untitled',
        },
      ],
    };
    const { status, body } = await send(JSON.stringify(document), {
      headers: { 'Content-Type': 'application/ld+json' },
    });
    expect(status).toBe(200);
    expect(body).toMatchObject({ format: 'ctdl', counts: { accepted: 1, rejected: 1 } });
    expect(body.problems.find((p: any) => p.severity === 'error')).toMatchObject({
      row: 2,
      field: 'ceterms:name',
    });
    const annotated = await app.request(body.links.annotatedCsv, { headers: auth() });
    const lines = Buffer.from(await annotated.arrayBuffer())
      .subarray(3)
      .toString('utf8')
      .split('\r\n');
    expect(lines.slice(0, 3)).toEqual([
      'record,course_id,title,url,errors',
      '1,ce-0001,Harbour Pilotage,https://www.harbour.example/pilotage,',
      '2,ce-0002,,https://www.harbour.example/untitled,title is missing: every course needs a name.',
    ]);
  });

  it('lists the feed history, newest first', async () => {
    const response = await app.request('/v1/partner/feeds', { headers: auth() });
    const { feeds } = await response.json();
    expect(feeds.length).toBeGreaterThanOrEqual(3);
    expect(feeds.slice(0, 2)).toMatchObject([
      { format: 'ctdl', status: 'done' },
      { counts: { rows: 120 }, status: 'done' },
    ]);
    expect(feeds.every((feed: any) => feed.providerId === HARBOUR.id)).toBe(true);
  });
});

describe("a partner writes only its own provider's courses", () => {
  it("refuses to withdraw another provider's course (403) and leaves it listed", async () => {
    const { body } = await send(csv([row(1, 'rival')]), { as: rivalKey });
    const [rivalCourse] = store.providerListings('rival-academy');
    expect(body.applied).toBe(true);
    const response = await app.request(`/v1/partner/courses/${rivalCourse!.id}`, {
      method: 'DELETE',
      headers: auth(),
    });
    expect(response.status).toBe(403);
    expect((await response.json()).error.message).toContain('belongs to provider "rival-academy"');
    expect(store.getCourse(rivalCourse!.id)!.status).toBe('active');
    const [own] = store.providerListings('harbour-institute');
    const mine = await app.request(`/v1/partner/courses/${own!.id}`, { method: 'DELETE', headers: auth() });
    expect(await mine.json()).toEqual({ id: own!.id, status: 'withdrawn' });
  });

  it("refuses a feed that claims another provider's course page or names another provider (403), changing nothing", async () => {
    const before = catalogueSnapshot(store.file);
    const page = await send(csv(['MINE,Taken over,https://www.rival.example/courses/1,1 week,£1,Online']));
    expect(page.status).toBe(403);
    expect(page.body.error.message).toMatch(/course of provider "rival-academy".*Nothing was changed/);
    const named = await send(
      JSON.stringify([{ title: 'X', url: 'https://www.harbour.example/x', providerId: 'rival-academy' }]),
      { headers: { 'Content-Type': 'application/json' } },
    );
    expect(named.status).toBe(403);
    expect(catalogueSnapshot(store.file)).toEqual(before);
  });

  it("does not show another provider's feed job", async () => {
    const { body } = await send(csv([row(2, 'rival')]), { as: rivalKey });
    const response = await app.request(`/v1/partner/feeds/${body.jobId}`, { headers: auth() });
    expect(response.status).toBe(404);
  });
});
