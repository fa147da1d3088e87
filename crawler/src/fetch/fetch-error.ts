/** What went wrong with one request, as counted in the crawl report. */
export type FetchErrorKind =
  | 'robots-unreachable'
  | 'not-found'
  | 'http-4xx'
  | 'http-5xx'
  | 'rate-limited'
  | 'timeout'
  | 'too-large'
  | 'tls'
  | 'network'
  | 'unsupported-url'
  | 'redirect-loop'
  | 'not-html'
  | 'bad-sitemap';

/** Kinds that say a page is gone rather than that the crawl missed it: they do not make a crawl partial. */
export const GONE_KINDS: ReadonlySet<FetchErrorKind> = new Set(['not-found']);

/** Kinds that may pass (a slow, busy or restarting server, a network blip): the same request may succeed later. */
export const TRANSIENT_KINDS: ReadonlySet<FetchErrorKind> = new Set([
  'timeout',
  'network',
  'http-5xx',
  'rate-limited',
]);

export class FetchError extends Error {
  constructor(
    readonly kind: FetchErrorKind,
    readonly url: string,
    message: string,
  ) {
    super(message);
    this.name = 'FetchError';
  }

  /** worth another attempt later in the same crawl */
  get retryable(): boolean {
    return TRANSIENT_KINDS.has(this.kind);
  }
}

/** robots.txt forbids the URL: not an error, the page is simply not ours to fetch. */
export class DisallowedByRobots extends Error {
  constructor(readonly url: string) {
    super(`${url} is disallowed by robots.txt`);
    this.name = 'DisallowedByRobots';
  }
}

const TLS_CODES = /CERT|TLS|SSL|SIGNATURE|HOSTNAME|ALTNAME/i;

/** Turns what `fetch` throws into a FetchError that names the cause and the fix. */
export function describeFetchFailure(error: unknown, url: string, timeoutMs: number): FetchError {
  if (error instanceof FetchError) return error;
  const failure = error as { name?: string; message?: string; cause?: { code?: string; message?: string } };
  if (failure.name === 'TimeoutError' || failure.name === 'AbortError') {
    return new FetchError(
      'timeout',
      url,
      `no complete response within ${timeoutMs} ms; raise politeness.timeoutMs if the site is just slow`,
    );
  }
  const code = failure.cause?.code ?? '';
  const detail = failure.cause?.message ?? failure.message ?? String(error);
  if (TLS_CODES.test(code)) {
    return new FetchError(
      'tls',
      url,
      `TLS failed (${code}: ${detail}); the site's certificate is not trusted and Shortlist never crawls insecurely — ask the provider to fix it`,
    );
  }
  return new FetchError('network', url, `could not connect (${code || 'error'}: ${detail})`);
}
