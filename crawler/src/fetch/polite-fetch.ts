import { DisallowedByRobots, FetchError, describeFetchFailure } from './fetch-error.ts';
import { HostGate } from './host-gate.ts';
import { readBody } from './read-body.ts';
import { RobotsCache } from './robots-cache.ts';

const MAX_REDIRECTS = 5;
/** A site that asks for more than a minute between requests still gets a request a minute. */
export const MAX_CRAWL_DELAY_MS = 60_000;

/** Per-host turn-taking and robots.txt, shared by every crawl in a process. */
export interface Manners {
  hosts: HostGate;
  robots: RobotsCache;
}

export const sharedManners: Manners = { hosts: new HostGate(), robots: new RobotsCache() };

export interface PoliteRequest {
  /** names Shortlist and a contact URL */
  userAgent: string;
  delayMs: number;
  timeoutMs: number;
  maxBytes: number;
  accept?: string;
  /** validators from the last visit, for a conditional GET */
  etag?: string | null;
  lastModified?: string | null;
}

export interface PoliteResponse {
  /** after redirects */
  url: string;
  status: number;
  headers: Headers;
  body: Buffer;
}

/** "ShortlistBot/0.1 (+https://…)" → "ShortlistBot": the name robots.txt groups are matched on. */
export function productToken(userAgent: string): string {
  return /^[A-Za-z_-]+/.exec(userAgent)?.[0] ?? userAgent;
}

function retryAfterMs(headers: Headers): number | null {
  const value = headers.get('retry-after');
  if (!value) return null;
  const seconds = Number(value);
  const ms = Number.isFinite(seconds) ? seconds * 1000 : Date.parse(value) - Date.now();
  return Number.isFinite(ms) && ms > 0 ? Math.min(ms, MAX_CRAWL_DELAY_MS) : null;
}

function statusError(url: string, status: number, headers: Headers): FetchError {
  if (status === 404 || status === 410)
    return new FetchError('not-found', url, `HTTP ${status}: the page is gone`);
  if (status >= 500) return new FetchError('http-5xx', url, `HTTP ${status}: the server failed; will retry`);
  if (status === 429 || (status >= 400 && headers.has('retry-after')))
    return new FetchError(
      'rate-limited',
      url,
      `HTTP ${status}: the site asks us to come back later; will retry`,
    );
  if (status < 400) return new FetchError('http-4xx', url, `HTTP ${status} without a Location to follow`);
  const hint =
    status === 401 || status === 403
      ? 'the page needs a login or blocks crawlers'
      : 'the request was refused';
  return new FetchError('http-4xx', url, `HTTP ${status}: ${hint}`);
}

/**
 * GET a URL the way a welcome guest would: robots.txt obeyed at every redirect, one request at a time per host with
 * the delay between (raised by Crawl-delay), a timeout, a size cap, and certificates always checked.
 * Answers 200-299 and 304; throws FetchError for anything else, DisallowedByRobots when robots.txt says no.
 */
export async function politeFetch(
  target: string,
  request: PoliteRequest,
  manners: Manners = sharedManners,
): Promise<PoliteResponse> {
  const visited = new Set<string>();
  let url = new URL(target);
  for (let hop = 0; ; hop++) {
    if (url.protocol !== 'http:' && url.protocol !== 'https:')
      throw new FetchError(
        'unsupported-url',
        url.href,
        `cannot fetch ${url.protocol} URLs, only http: and https:`,
      );
    visited.add(url.href);
    const verdict = await manners.robots.verdictFor(url, {
      userAgent: request.userAgent,
      productToken: productToken(request.userAgent),
      delayMs: request.delayMs,
      timeoutMs: request.timeoutMs,
      hosts: manners.hosts,
    });
    if (verdict.unreachable) throw new FetchError('robots-unreachable', url.href, verdict.unreachable);
    if (!verdict.rules.isAllowed(url)) throw new DisallowedByRobots(url.href);
    const delayMs = Math.max(request.delayMs, Math.min(verdict.rules.crawlDelayMs ?? 0, MAX_CRAWL_DELAY_MS));

    const current = url;
    const response = await manners.hosts.run(current.host, delayMs, () =>
      fetchOnce(current, request, hop === 0, manners.hosts),
    );
    if (!response.location) return { url: current.href, ...response };
    const next = new URL(response.location, current);
    next.hash = '';
    if (visited.has(next.href))
      throw new FetchError('redirect-loop', target, `redirect loop: ${[...visited, next.href].join(' → ')}`);
    if (hop >= MAX_REDIRECTS)
      throw new FetchError(
        'redirect-loop',
        target,
        `more than ${MAX_REDIRECTS} redirects, last to ${next.href}`,
      );
    url = next;
  }
}

async function fetchOnce(
  url: URL,
  request: PoliteRequest,
  first: boolean,
  hosts: HostGate,
): Promise<{ status: number; headers: Headers; body: Buffer; location?: string }> {
  const headers: Record<string, string> = {
    'user-agent': request.userAgent,
    accept: request.accept ?? 'text/html,application/xhtml+xml;q=0.9,*/*;q=0.5',
  };
  // validators belong to the URL they were stored for, not to where it redirects
  if (first && request.etag) headers['if-none-match'] = request.etag;
  if (first && request.lastModified) headers['if-modified-since'] = request.lastModified;
  try {
    const response = await fetch(url, {
      headers,
      redirect: 'manual',
      signal: AbortSignal.timeout(request.timeoutMs),
    });
    const { status } = response;
    const location = response.headers.get('location');
    if (status >= 300 && status < 400 && status !== 304 && location) {
      await response.body?.cancel().catch(() => {});
      return { status, headers: response.headers, body: Buffer.alloc(0), location };
    }
    if (status === 304 || (status >= 200 && status < 300)) {
      const body = status === 304 ? Buffer.alloc(0) : await readBody(response, url.href, request.maxBytes);
      return { status, headers: response.headers, body };
    }
    await response.body?.cancel().catch(() => {});
    const pause = retryAfterMs(response.headers);
    if (pause) hosts.pause(url.host, pause);
    throw statusError(url.href, status, response.headers);
  } catch (error) {
    throw describeFetchFailure(error, url.href, request.timeoutMs);
  }
}
