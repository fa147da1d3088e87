import { createServer, type Server } from 'node:http';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CatalogueStore, createMeiliClient, SearchIndex } from '@shortlist/indexer';
import { PartnerAccounts } from '@shortlist/indexer/partners';
import type { Provider } from '@shortlist/schemas';
import { createApp } from '../../app.ts';
import { readPartnerSettings } from './env.ts';
import { FeedPoller } from '../../feeds/poller.ts';
import { FeedRunner } from '../../feeds/runner.ts';

const PROVIDER: Provider = {
  id: 'harbour-institute',
  name: 'Harbour Institute',
  type: 'college',
  country: 'GB',
  url: 'https://www.harbour.example/',
};
let server: Server;
let base: string;
let store: CatalogueStore;
let poller: FeedPoller;
let app: ReturnType<typeof createApp>;
let key: string;
let version = 1;

function feedServer(): Server {
  return createServer((request, response) => {
    const path = request.url ?? '/';
    if (path === '/courses.csv') {
      const etag = `"v${version}"`;
      if (request.headers['if-none-match'] === etag) return response.writeHead(304).end();
      const rows = Array.from(
        { length: version + 1 },
        (_, n) =>
          `H${n},Polled course ${n},https://www.harbour.example/p/${n},6 weeks,£${100 * version},Online`,
      );
      const body = ['course_id,title,url,duration,cost,mode', ...rows].join('\n');
      return response.writeHead(200, { 'Content-Type': 'text/csv', ETag: etag }).end(body);
    }
    if (path === '/moved')
      return response.writeHead(301, { Location: 'http://169.254.169.254/latest/meta-data/' }).end();
    if (path === '/bomb')
      return response
        .writeHead(200, { 'Content-Encoding': 'gzip' })
        .end(gzipSync(Buffer.alloc(80 * 1024 * 1024)));
    response.writeHead(404).end();
  });
}

beforeAll(async () => {
  server = feedServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;

  const dataDir = mkdtempSync(join(tmpdir(), 'feed-urls-'));
  store = new CatalogueStore(join(dataDir, 'catalogue.db'));
  store.upsertProvider(PROVIDER);
  key = (await new PartnerAccounts(store).create('Harbour Institute', PROVIDER.id)).key;
  const settings = { ...readPartnerSettings({}), maxFeedBytes: 1024 * 1024 };
  const runner = new FeedRunner(store);
  // the fixture server stands in for a public host: its exact address is trusted, no other private one is
  const policy = { allowHttp: true, allowPrivate: false, trustedAddresses: ['127.0.0.1'] };
  poller = new FeedPoller(store, runner, settings, { uploadsDir: join(dataDir, 'uploads'), policy });
  // these routes never search, so the index is never called
  const index = new SearchIndex(createMeiliClient('http://127.0.0.1:9', 'unused'), 'unused');
  app = createApp({ store, index, partner: { settings, runner, poller } });
});
afterAll(() => {
  server.closeAllConnections();
  server.close();
  store.close();
});

async function call(path: string, init: RequestInit = {}) {
  const headers = { Authorization: `Bearer ${key}`, 'Content-Type': 'application/json' };
  const response = await app.request(`/v1/partner/feed-urls${path}`, { ...init, headers });
  return { status: response.status, body: await response.json() };
}
const register = (url: string, extra: object = {}) =>
  call('', { method: 'POST', body: JSON.stringify({ url, ...extra }) });
const poll = (id: string) => call(`/${id}/poll`, { method: 'POST' });

describe('feed URLs', () => {
  it.each([
    ['https://10.1.2.3/courses.csv', /10\.1\.2\.3 is a loopback, private/],
    ['https://169.254.169.254/latest/meta-data/', /169\.254\.169\.254 is a loopback, private, link-local/],
    ['https://127.0.0.2/courses.csv', /127\.0\.0\.2 is a loopback/],
    ['ftp://feeds.harbour.example/courses.csv', /only https:\/\//],
  ])('refuses to register %s (400, parameter url)', async (url, message) => {
    const { status, body } = await register(url);
    expect(status).toBe(400);
    expect(body.error).toMatchObject({ parameter: 'url', message: expect.stringMatching(message) });
  });

  it('refuses a body over 16 KiB with 413', async () => {
    const { status, body } = await register(`${base}/courses.csv`, {
      padding: 'x'.repeat(1024 * 1024),
    });
    expect(status).toBe(413);
    expect(body.error).toMatchObject({
      parameter: 'body',
      message: expect.stringMatching(/^The request body is over 16 KiB/),
    });
  });

  it('refuses JSON nested too deep with 400, naming where, and a body that is not an object', async () => {
    const nested = `${'['.repeat(5000)}${']'.repeat(5000)}`;
    const deep = await call('', {
      method: 'POST',
      body: `{"url": "${base}/courses.csv", "mapping": ${nested}}`,
    });
    expect(deep.status).toBe(400);
    expect(deep.body.error.message).toMatch(/more than 100 levels deep \(line 1, column \d+\)\); send/);
    const list = await call('', { method: 'POST', body: '["https://feeds.example/courses.csv"]' });
    expect(list).toMatchObject({ status: 400, body: { error: { message: /^Send a JSON object/ } } });
  });

  it('polls a registered URL into a feed job, and polls again with a conditional GET', async () => {
    const created = await register(`${base}/courses.csv`, { mode: 'replace', intervalMinutes: 30 });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ intervalMinutes: 30, options: { mode: 'replace' } });
    const first = await poll(created.body.id);
    expect(first.body).toMatchObject({
      status: 'done',
      report: { origin: 'url', applied: true, mode: 'replace', counts: { new: 2 } },
    });
    expect(first.body.feedUrl.etag).toBe('"v1"');
    expect((await poll(created.body.id)).body.status).toBe('not-modified');
    version = 2;
    const changed = await poll(created.body.id);
    expect(changed.body.report.counts).toMatchObject({ new: 1, changed: 2 });
    expect((await call('')).body.feedUrls).toHaveLength(1);
  });

  it('records a redirect to the metadata address as a failed poll, fetching nothing from it', async () => {
    const { body } = await register(`${base}/moved`);
    const polled = await poll(body.id);
    expect(polled.body).toMatchObject({
      status: 'failed',
      error: expect.stringMatching(
        /^Redirected to http:\/\/169\.254\.169\.254\/latest\/meta-data\/: 169\.254\.169\.254 is/,
      ),
    });
    expect(polled.body.feedUrl.lastError).toBe(polled.body.error);
  });

  it('stops a gzip bomb at the feed size limit', async () => {
    const { body } = await register(`${base}/bomb`);
    const polled = await poll(body.id);
    expect(polled.body).toMatchObject({
      status: 'failed',
      error: expect.stringMatching(/larger than 1\.0 MB after decompression/),
    });
  });

  it('polls due URLs on its schedule', async () => {
    version = 3;
    // as if last polled long ago: every feed URL is due
    for (const feed of poller.urls.list(PROVIDER.id))
      poller.urls.recordPoll(feed.id, {}, new Date('2000-01-01T00:00:00.000Z'));
    const stop = poller.start(60_000);
    const allScheduled = () =>
      poller.urls.list(PROVIDER.id).every((feed) => feed.nextPollAt > new Date().toISOString());
    await expect.poll(allScheduled, { timeout: 10_000 }).toBe(true);
    stop();
    await poller.runner.idle();
    const polled = poller.urls.list(PROVIDER.id).find((feed) => feed.url.endsWith('/courses.csv'))!;
    expect(polled.etag).toBe('"v3"');
  });

  it('removes a feed URL', async () => {
    const { body } = await register(`${base}/courses.csv?again`);
    expect((await call(`/${body.id}`, { method: 'DELETE' })).body).toEqual({ id: body.id, removed: true });
    expect((await poll(body.id)).status).toBe(404);
  });
});
