import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { createServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { crawlFixture, fixtureSource } from './testing/crawl-fixture.ts';
import {
  coursePage,
  listingPage,
  startFixtureSite,
  type FixtureSite,
  type Route,
} from './testing/fixture-site.ts';
import { MemoryCatalogue } from './testing/memory-catalogue.ts';

const sites: FixtureSite[] = [];
afterEach(async () => {
  await Promise.all(sites.splice(0).map((site) => site.close()));
});

/** A listing linking to `/courses/ok.html` plus the given troublesome pages. */
async function siteWith(trouble: Record<string, Route>) {
  const paths = ['/courses/ok.html', ...Object.keys(trouble)];
  const fixture = await startFixtureSite({
    '/courses/': listingPage(paths),
    '/courses/ok.html': coursePage('Working Course'),
    ...trouble,
  });
  sites.push(fixture);
  return fixture;
}

const MB = 1024 * 1024;

/** Streams `total` bytes of HTML in 64 KiB chunks, counting what actually left the server. */
function hugePage(total: number, sent: { bytes: number }, declareLength: boolean): Route {
  return (_request, response) => {
    response.writeHead(200, {
      'content-type': 'text/html; charset=utf-8',
      ...(declareLength ? { 'content-length': String(total) } : {}),
    });
    const chunk = Buffer.alloc(64 * 1024, 'x');
    const write = () => {
      while (sent.bytes < total && !response.destroyed) {
        sent.bytes += chunk.length;
        if (!response.write(chunk)) return void response.once('drain', write);
      }
      response.end();
    };
    write();
  };
}

describe('pages that fail', () => {
  it('counts a 404 as gone and a 500 as a failure worth retrying, and only the 500 makes the crawl partial', async () => {
    const fixture = await siteWith({
      '/courses/gone.html': { status: 404 },
      '/courses/broken.html': { status: 500 },
    });
    const catalogue = new MemoryCatalogue();
    const report = await crawlFixture(fixtureSource(fixture), catalogue);
    expect(catalogue.titles()).toEqual(['Working Course']);
    expect(fixture.paths().filter((path) => path === '/courses/gone.html')).toHaveLength(1);
    expect(fixture.paths().filter((path) => path === '/courses/broken.html')).toHaveLength(2);
    expect(report.errorsByKind['not-found']).toEqual({
      count: 1,
      examples: [`${fixture.origin}/courses/gone.html`],
    });
    expect(report.errorsByKind['http-5xx']?.examples).toEqual([`${fixture.origin}/courses/broken.html`]);
    expect(report.complete).toBe(false);
    expect(report.incomplete.join()).toMatch(/1 http-5xx/);
  });

  it('treats a crawl whose only problem is a 404 as complete', async () => {
    const fixture = await siteWith({ '/courses/gone.html': { status: 404 } });
    const report = await crawlFixture(fixtureSource(fixture), new MemoryCatalogue());
    expect(report.complete).toBe(true);
  });

  it('stops a redirect loop without retrying it, naming the loop', async () => {
    const fixture = await siteWith({
      '/courses/loop-a.html': { status: 302, headers: { location: '/courses/loop-b.html' } },
      '/courses/loop-b.html': { status: 301, headers: { location: '/courses/loop-a.html' } },
    });
    const report = await crawlFixture(fixtureSource(fixture), new MemoryCatalogue());
    expect(report.errorsByKind['redirect-loop']?.count).toBe(2);
    expect(report.errors.find((error) => error.kind === 'redirect-loop')?.message).toMatch(
      /loop-a\.html → .*loop-b\.html → .*loop-a\.html/,
    );
    expect(fixture.paths().filter((path) => path === '/courses/loop-b.html')).toHaveLength(2);
  });

  it('waits as long as a 429 asks before trying again, and reports pages that stay refused for now as rate-limited', async () => {
    let refusals = 1;
    const fixture = await siteWith({
      '/courses/busy.html': (_request, response) => {
        if (refusals-- > 0) return void response.writeHead(429, { 'retry-after': '2' }).end();
        response.end(coursePage('Busy Course'));
      },
      '/courses/always-busy.html': { status: 429 },
      '/courses/not-now.html': { status: 403, headers: { 'retry-after': '1' } },
    });
    const catalogue = new MemoryCatalogue();
    const report = await crawlFixture(fixtureSource(fixture), catalogue);
    expect(catalogue.titles()).toEqual(['Busy Course', 'Working Course']);
    const busy = fixture.requests.filter((request) => request.path === '/courses/busy.html');
    expect(busy).toHaveLength(2);
    expect(busy[1]!.startedAt - busy[0]!.endedAt).toBeGreaterThanOrEqual(1900);
    expect(fixture.paths().filter((path) => path === '/courses/always-busy.html')).toHaveLength(2);
    expect(report.errorsByKind['rate-limited']?.examples.sort()).toEqual([
      `${fixture.origin}/courses/always-busy.html`,
      `${fixture.origin}/courses/not-now.html`,
    ]);
    expect(report.errors.find((error) => error.url.endsWith('not-now.html'))?.message).toMatch(
      /^HTTP 403: the site asks us to come back later/,
    );
    expect(report.errorsByKind['http-5xx']).toBeUndefined();
    expect(report.incomplete.join()).toMatch(/2 rate-limited/);
  });

  it('does not retry a redirect to a URL it cannot fetch, and says which it can', async () => {
    const fixture = await siteWith({
      '/courses/moved.html': { status: 302, headers: { location: 'ftp://files.example.org/course.pdf' } },
    });
    const report = await crawlFixture(fixtureSource(fixture), new MemoryCatalogue());
    expect(report.errorsByKind['unsupported-url']?.examples).toEqual([
      `${fixture.origin}/courses/moved.html`,
    ]);
    expect(report.errors[0]!.message).toMatch(/cannot fetch ftp: URLs, only http: and https:/);
    expect(fixture.paths().filter((path) => path === '/courses/moved.html')).toHaveLength(1);
  });

  it('refuses a 20 MB page unread when it says so, and stops reading an endless one at the cap', async () => {
    const declared = { bytes: 0 };
    const chunked = { bytes: 0 };
    const fixture = await siteWith({
      '/courses/huge.html': hugePage(20 * MB, declared, true),
      '/courses/endless.html': hugePage(200 * MB, chunked, false),
    });
    const catalogue = new MemoryCatalogue();
    const report = await crawlFixture(
      fixtureSource(fixture, { politeness: { maxBytes: 5_000_000 } }),
      catalogue,
    );
    expect(catalogue.titles()).toEqual(['Working Course']);
    expect(report.errorsByKind['too-large']?.count).toBe(2);
    expect(report.errors.find((error) => error.url.endsWith('huge.html'))?.message).toMatch(
      /declares 20971520 bytes, over the 5000000-byte cap; raise politeness\.maxBytes/,
    );
    expect(report.errors.find((error) => error.url.endsWith('endless.html'))?.message).toMatch(
      /over the 5000000-byte cap/,
    );
    // The server stopped sending soon after: what it wrote beyond the cap is only what the kernel's socket
    // buffers took in (a few MB; more for the page being read, whose receive window grew as it was read).
    expect(declared.bytes).toBeLessThan(8 * MB);
    expect(chunked.bytes).toBeLessThan(64 * MB);
  });

  it('gives up on a server slower than the timeout, after one retry, and says how to allow more time', async () => {
    // a page that never comes: only the timeout can end the crawl
    const fixture = await siteWith({ '/courses/slow.html': () => {} });
    const report = await crawlFixture(
      fixtureSource(fixture, { politeness: { timeoutMs: 300 } }),
      new MemoryCatalogue(),
    );
    expect(report.errorsByKind.timeout?.count).toBe(1);
    expect(report.errors[0]!.message).toMatch(/within 300 ms; raise politeness\.timeoutMs/);
    expect(fixture.paths().filter((path) => path === '/courses/slow.html')).toHaveLength(2);
    expect(report.complete).toBe(false);
  });

  it('refuses a site whose TLS certificate is not trusted', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'shortlist-tls-'));
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'rsa:2048',
        '-nodes',
        '-days',
        '1',
        '-subj',
        '/CN=127.0.0.1',
        '-keyout',
        join(dir, 'key.pem'),
        '-out',
        join(dir, 'cert.pem'),
      ],
      { stdio: 'ignore' },
    );
    const server = createServer(
      { key: readFileSync(join(dir, 'key.pem')), cert: readFileSync(join(dir, 'cert.pem')) },
      (_request, response) => response.end(listingPage(['/courses/a.html'])),
    );
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const origin = `https://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      const source = fixtureSource({ origin } as FixtureSite);
      const report = await crawlFixture(source, new MemoryCatalogue());
      expect(report.pagesFetched).toBe(0);
      expect(report.complete).toBe(false);
      // robots.txt is the first thing refused, so the whole origin is: nothing is fetched insecurely
      expect(report.errors[0]!.message).toMatch(/SELF_SIGNED|certificate/i);
    } finally {
      server.closeAllConnections();
      server.close();
    }
  });
});
