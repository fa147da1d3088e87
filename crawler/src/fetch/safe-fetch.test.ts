import { createServer, type Server } from 'node:http';
import { isIP } from 'node:net';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { refuseAddress, STRICT_POLICY, type FetchPolicy } from './address-policy.ts';
import { safeFetch, type SafeFetchOptions } from './safe-fetch.ts';

const folder = mkdtempSync(join(tmpdir(), 'safe-fetch-'));
let server: Server;
let base: string;
const BOMB = gzipSync(Buffer.alloc(100 * 1024 * 1024));

beforeAll(async () => {
  server = createServer((request, response) => {
    const path = request.url ?? '/';
    if (path === '/feed.csv') {
      if (request.headers['if-none-match'] === '"v1"') return response.writeHead(304).end();
      return response.writeHead(200, { 'Content-Type': 'text/csv', ETag: '"v1"' }).end('title,url\nA,https://a.example/\n'); // prettier-ignore
    }
    if (path.startsWith('/redirect?to=')) return response.writeHead(302, { Location: decodeURIComponent(path.slice(13)) }).end(); // prettier-ignore
    if (path === '/loop') return response.writeHead(302, { Location: '/loop' }).end();
    if (path === '/bomb') return response.writeHead(200, { 'Content-Encoding': 'gzip', 'Content-Type': 'text/csv' }).end(BOMB); // prettier-ignore
    if (path === '/slow') return; // never answers
    response.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
});
afterAll(() => {
  server.closeAllConnections();
  server.close();
});

/** The test server stands in for a public host: only its exact address is trusted, nothing else private is. */
const TEST_POLICY: FetchPolicy = { allowHttp: true, allowPrivate: false, trustedAddresses: ['127.0.0.1'] };
let file = 0;
const fetchFeed = (url: string, extra: Partial<SafeFetchOptions> = {}) =>
  safeFetch(url, { policy: TEST_POLICY, userAgent: 'ShortlistBot/test', timeoutMs: 5000, maxBytes: 1024 * 1024, destination: join(folder, `body-${file++}`), ...extra }); // prettier-ignore
const refusal = (promise: Promise<unknown>) =>
  promise.then(
    () => 'fetched',
    (error: Error) => `${error.name}: ${error.message}`,
  );

describe('feed URLs are fetched without reaching inside the network', () => {
  it.each([
    ['https://127.0.0.1/feed.csv', /127\.0\.0\.1 is a loopback, private/],
    ['https://10.0.0.8/feed.csv', /10\.0\.0\.8 is a loopback, private/],
    ['https://169.254.169.254/latest/meta-data/', /169\.254\.169\.254 is a loopback, private, link-local/],
    ['https://[::1]/feed.csv', /::1 is a loopback/],
    ['https://[::ffff:10.0.0.1]/feed.csv', /is a loopback, private/],
    ['https://[::ffff:a00:1]/feed.csv', /is a loopback, private/],
    ['https://[::10.0.0.1]/feed.csv', /is a loopback, private/],
    ['https://[::]/feed.csv', /is a loopback, private/],
    ['https://[2002:a00:1::1]/feed.csv', /2002:a00:1::1 is a loopback, private/],
    ['https://[2001:0:4136:e378:8000:63bf:3fff:fdd2]/feed.csv', /is a loopback, private/],
    ['https://[fec0::1]/feed.csv', /fec0::1 is a loopback, private/],
    ['https://[64:ff9b::a9fe:a9fe]/latest/meta-data/', /is a loopback, private/],
    ['https://[fd00:ec2::254]/latest/meta-data/', /is a loopback, private/],
    ['https://localhost/feed.csv', /localhost is a local host name/],
    ['http://feeds.example.org/feed.csv', /only https:\/\/ feed URLs are fetched/],
    ['https://user:secret@feeds.example.org/feed.csv', /user name or password/],
  ])('refuses %s under the strict policy', async (url, message) => {
    expect(await refusal(safeFetch(url, { policy: STRICT_POLICY, userAgent: 'x', timeoutMs: 2000, maxBytes: 1000, destination: join(folder, 'never') }))).toMatch(message); // prettier-ignore
  });

  it('checks the addresses a host name resolves to before dialling, and does not name them', async () => {
    for (const address of ['10.20.30.40', '::ffff:127.0.0.1', '2002:c0a8:101::1']) {
      const resolve = () => Promise.resolve([{ address: '203.0.113.1', family: 4 }, { address, family: isIP(address) }]); // prettier-ignore
      const result = await refusal(safeFetch('https://feeds.harbour.example/feed.csv', { policy: STRICT_POLICY, userAgent: 'x', timeoutMs: 2000, maxBytes: 1000, destination: join(folder, 'never'), resolve })); // prettier-ignore
      expect(result).toBe('FeedFetchError: feeds.harbour.example resolves to a non-public address; feeds are only fetched from public addresses.'); // prettier-ignore
    }
  });

  it('never connects to a refused address: not one connection reaches it', async () => {
    let connections = 0;
    const internal = createServer((_request, response) => response.end('secret'));
    internal.on('connection', () => connections++);
    await new Promise<void>((resolve) => internal.listen(0, '127.0.0.1', resolve));
    const { port } = internal.address() as { port: number };
    const resolve = () => Promise.resolve([{ address: '127.0.0.1', family: 4 }]);
    const strictHttp = { ...STRICT_POLICY, allowHttp: true };
    for (const url of [
      `http://127.0.0.1:${port}/`,
      `http://[::ffff:7f00:1]:${port}/`,
      `http://intranet.example:${port}/`,
    ])
      expect(await refusal(fetchFeed(url, { policy: strictHttp, resolve }))).toMatch(/non-public address/);
    expect(connections).toBe(0);
    internal.close();
  });

  it('judges public addresses by what they carry, and lets global unicast through', () => {
    for (const address of [
      '8.8.8.8',
      '::ffff:8.8.8.8',
      '64:ff9b::808:808',
      '2002:808:808::1',
      '2606:4700::1111',
    ])
      expect(refuseAddress(address, STRICT_POLICY), address).toBeNull();
  });

  it.each([
    ['http://169.254.169.254/latest/meta-data/iam/', /Redirected to http:\/\/169\.254\.169\.254\/latest\/meta-data\/iam\/: 169\.254\.169\.254 is/], // prettier-ignore
    ['http://127.0.0.2/admin', /Redirected to http:\/\/127\.0\.0\.2\/admin: 127\.0\.0\.2 is/],
    ['http://10.0.0.1/', /Redirected to http:\/\/10\.0\.0\.1\/: 10\.0\.0\.1 is/],
    ['file:///etc/passwd', /only https:\/\/ feed URLs/],
  ])('refuses a redirect to %s', async (target, message) => {
    expect(await refusal(fetchFeed(`${base}/redirect?to=${encodeURIComponent(target)}`))).toMatch(message);
  });

  it('stops a gzip bomb at the size limit, counted after decompression, and keeps nothing', async () => {
    const destination = join(folder, 'bomb');
    expect(await refusal(fetchFeed(`${base}/bomb`, { destination }))).toMatch(/is larger than 1\.0 MB after decompression/); // prettier-ignore
    expect(existsSync(destination)).toBe(false);
  });

  it('limits redirects and time', async () => {
    expect(await refusal(fetchFeed(`${base}/loop`))).toMatch(/More than 5 redirects/);
    expect(await refusal(fetchFeed(`${base}/slow`, { timeoutMs: 300 }))).toMatch(
      /did not answer within 0\.3 s/,
    );
  });

  it('fetches a public feed, and a conditional GET with its ETag says not modified', async () => {
    const destination = join(folder, 'feed');
    const first = await fetchFeed(`${base}/feed.csv`, { destination });
    expect(first).toMatchObject({ status: 'fetched', bytes: 31, etag: '"v1"', contentType: 'text/csv' });
    expect(readFileSync(destination, 'utf8')).toBe('title,url\nA,https://a.example/\n');
    expect(await fetchFeed(`${base}/feed.csv`, { etag: '"v1"' })).toEqual({ status: 'not-modified', url: `${base}/feed.csv` }); // prettier-ignore
  });
});
