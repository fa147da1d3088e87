import { FetchError, describeFetchFailure } from './fetch-error.ts';
import type { HostGate } from './host-gate.ts';
import { readBody } from './read-body.ts';
import { ALLOW_ALL, DISALLOW_ALL, parseRobots, type RobotsRules } from './robots.ts';

const DAY_MS = 24 * 3_600_000;
/** An unreachable robots.txt is asked for again sooner than a good one. */
const UNREACHABLE_TTL_MS = 10 * 60_000;
/** RFC 9309: parse at least the first 500 KiB. */
const MAX_ROBOTS_BYTES = 500 * 1024;
const MAX_REDIRECTS = 5;

export interface RobotsVerdict {
  rules: RobotsRules;
  /** set when robots.txt could not be read (5xx, network): everything on the origin is off limits */
  unreachable: string | null;
}

interface CacheEntry {
  verdict: Promise<RobotsVerdict>;
  expiresAt: number;
}

export interface RobotsFetch {
  userAgent: string;
  productToken: string;
  delayMs: number;
  timeoutMs: number;
  hosts: HostGate;
}

/** robots.txt per origin, kept at most 24 hours (RFC 9309 §2.4). */
export class RobotsCache {
  private readonly entries = new Map<string, CacheEntry>();

  constructor(
    private readonly ttlMs = DAY_MS,
    /** the clock; a test moves it instead of waiting */
    private readonly now: () => number = Date.now,
  ) {}

  verdictFor(url: URL, request: RobotsFetch): Promise<RobotsVerdict> {
    const key = `${url.origin} ${request.productToken.toLowerCase()}`;
    const cached = this.entries.get(key);
    if (cached && cached.expiresAt > this.now()) return cached.verdict;
    const entry: CacheEntry = {
      verdict: fetchRobots(url.origin, request),
      expiresAt: this.now() + this.ttlMs,
    };
    this.entries.set(key, entry);
    void entry.verdict.then((verdict) => {
      if (verdict.unreachable) entry.expiresAt = Math.min(entry.expiresAt, this.now() + UNREACHABLE_TTL_MS);
    });
    return entry.verdict;
  }
}

async function fetchRobots(origin: string, request: RobotsFetch): Promise<RobotsVerdict> {
  let url = new URL('/robots.txt', origin);
  const unreachable = (why: string): RobotsVerdict => ({
    rules: DISALLOW_ALL,
    unreachable: `${url.href} ${why}; RFC 9309 says to crawl nothing on ${origin} until it can be read`,
  });
  for (let hop = 0; hop <= MAX_REDIRECTS; hop++) {
    let response: Response;
    let body: Buffer;
    try {
      [response, body] = await request.hosts.run(url.host, request.delayMs, async () => {
        const answer = await fetch(url, {
          headers: { 'user-agent': request.userAgent, accept: 'text/plain,*/*;q=0.5' },
          redirect: 'manual',
          signal: AbortSignal.timeout(request.timeoutMs),
        });
        return [answer, await readBody(answer, url.href, MAX_ROBOTS_BYTES, { truncate: true })] as const;
      });
    } catch (error) {
      const failure =
        error instanceof FetchError ? error : describeFetchFailure(error, url.href, request.timeoutMs);
      return unreachable(`could not be fetched (${failure.message})`);
    }
    const { status } = response;
    if (status >= 300 && status < 400 && response.headers.get('location')) {
      url = new URL(response.headers.get('location')!, url);
      continue;
    }
    if (status >= 200 && status < 300)
      return { rules: parseRobots(body.toString('utf8'), request.productToken), unreachable: null };
    // 429 is "slow down", which RFC 9309 treats like a server error
    if (status >= 500 || status === 429) return unreachable(`answered HTTP ${status}`);
    return { rules: ALLOW_ALL, unreachable: null };
  }
  // more than five redirects: RFC 9309 lets the crawler treat robots.txt as unavailable, i.e. allow all
  return { rules: ALLOW_ALL, unreachable: null };
}
