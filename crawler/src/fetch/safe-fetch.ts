import { createHash } from 'node:crypto';
import { lookup as dnsLookup } from 'node:dns/promises';
import { createWriteStream, rmSync } from 'node:fs';
import { once } from 'node:events';
import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { connect, isIP } from 'node:net';
import { connect as tlsConnect, type ConnectionOptions } from 'node:tls';
import { Transform, type Duplex, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createBrotliDecompress, createGunzip, createInflate } from 'node:zlib';
import { refuseAddress, refuseUrl, type FetchPolicy } from './address-policy.ts';

export interface ResolvedAddress {
  address: string;
  family: number;
}

export interface SafeFetchOptions {
  policy: FetchPolicy;
  userAgent: string;
  /** for the whole fetch: every redirect and the body */
  timeoutMs: number;
  /** the most bytes accepted, counted after decompression */
  maxBytes: number;
  maxRedirects?: number;
  /** validators from the last fetch, for a conditional GET */
  etag?: string | null;
  lastModified?: string | null;
  /** where the body is written */
  destination: string;
  /** DNS, replaceable in tests */
  resolve?: (host: string) => Promise<ResolvedAddress[]>;
}

export type SafeFetchResult =
  | { status: 'not-modified'; url: string }
  | { status: 'fetched'; url: string; bytes: number; contentType: string; etag: string | null; lastModified: string | null; sha256: string }; // prettier-ignore

/** A feed URL that could not or may not be fetched, with what to do about it. */
export class FeedFetchError extends Error {
  constructor(
    message: string,
    readonly fix: string,
  ) {
    super(message);
    this.name = 'FeedFetchError';
  }
}

const ACCEPT = 'text/csv, application/ld+json, application/json;q=0.9, text/plain;q=0.5, */*;q=0.1';
const NOT_PUBLIC_FIX = 'Publish the feed on a public https:// address.';

const defaultResolve = async (host: string): Promise<ResolvedAddress[]> => dnsLookup(host, { all: true });

/**
 * Opens the connection for one request: the host's addresses are checked before dialling (an IP literal as it
 * is, a name as it resolves: DNS rebinding gains nothing) and the peer of the socket once connected, before a
 * byte is written; TLS starts only then. A refusal does not name the internal address.
 */
function guardedConnection(
  url: URL,
  policy: FetchPolicy,
  resolve: (host: string) => Promise<ResolvedAddress[]>,
  signal: AbortSignal,
) {
  const host = url.hostname.replace(/^\[|\]$/g, '');
  const port = Number(url.port) || (url.protocol === 'https:' ? 443 : 80);
  const refuse = (what: string) =>
    new FeedFetchError(`${host} ${what} a non-public address; feeds are only fetched from public addresses.`, NOT_PUBLIC_FIX); // prettier-ignore
  return (_options: unknown, done: (error: Error | null, socket: Duplex) => void): undefined => {
    void (async () => {
      const addresses = isIP(host) ? [{ address: host, family: isIP(host) }] : await resolve(host);
      if (addresses.length === 0 || addresses.some(({ address }) => refuseAddress(address, policy)))
        throw refuse('resolves to');
      const socket = connect({ host: addresses[0]!.address, port, signal });
      await once(socket, 'connect');
      if (refuseAddress(socket.remoteAddress ?? '', policy)) {
        socket.destroy();
        throw refuse('connected to');
      }
      if (url.protocol !== 'https:') return socket;
      const secure = tlsConnect({ socket, host, servername: isIP(host) ? undefined : host, signal } as ConnectionOptions); // prettier-ignore
      await once(secure, 'secureConnect');
      return secure;
    })().then(
      (socket) => done(null, socket),
      (error: Error) => done(error, undefined as never),
    );
    return undefined;
  };
}

function decoder(encoding: string | undefined): Transform | null {
  switch (encoding?.trim().toLowerCase()) {
    case 'gzip':
    case 'x-gzip':
      return createGunzip();
    case 'deflate':
      return createInflate();
    case 'br':
      return createBrotliDecompress();
    default:
      return null;
  }
}

/**
 * Fetches a partner's feed URL without letting the URL reach inside Shortlist's network: https only (unless
 * the policy allows http), every redirect re-checked, the resolved address checked when connecting, and limits
 * on redirects, total time and size after decompression (a gzip bomb stops at `maxBytes`).
 */
export async function safeFetch(start: string, options: SafeFetchOptions): Promise<SafeFetchResult> {
  const signal = AbortSignal.timeout(options.timeoutMs);
  let url = parseUrl(start);
  for (let hop = 0; ; hop++) {
    const refused = refuseUrl(url, options.policy);
    if (refused) throw new FeedFetchError(`${hop > 0 ? `Redirected to ${url.href}: ` : ''}${refused}.`, NOT_PUBLIC_FIX); // prettier-ignore
    const response = await get(url, options, signal);
    const location = response.headers.location;
    if (
      response.statusCode &&
      response.statusCode >= 300 &&
      response.statusCode < 400 &&
      response.statusCode !== 304 &&
      location
    ) {
      // prettier-ignore
      response.resume();
      if (hop >= (options.maxRedirects ?? 5))
        throw new FeedFetchError(`More than ${options.maxRedirects ?? 5} redirects from ${start}.`, 'Register the final address of the feed.'); // prettier-ignore
      url = parseUrl(location, url);
      continue;
    }
    if (response.statusCode === 304) {
      response.resume();
      return { status: 'not-modified', url: url.href };
    }
    if (response.statusCode !== 200) {
      response.resume();
      throw new FeedFetchError(`${url.href} answered ${response.statusCode} ${response.statusMessage ?? ''}`.trim() + '.', 'Check that the feed URL is right and publicly readable.'); // prettier-ignore
    }
    return await saveBody(url, response, options, signal);
  }
}

function parseUrl(text: string, base?: URL): URL {
  try {
    return new URL(text, base);
  } catch {
    throw new FeedFetchError(
      `"${text}" is not a URL.`,
      'Give the full address of the feed, starting with https://.',
    );
  }
}

function get(url: URL, options: SafeFetchOptions, signal: AbortSignal): Promise<IncomingMessage> {
  const headers: Record<string, string> = { 'User-Agent': options.userAgent, Accept: ACCEPT, 'Accept-Encoding': 'gzip, deflate, br' }; // prettier-ignore
  if (options.etag) headers['If-None-Match'] = options.etag;
  if (options.lastModified) headers['If-Modified-Since'] = options.lastModified;
  const createConnection = guardedConnection(url, options.policy, options.resolve ?? defaultResolve, signal);
  return new Promise((resolve, reject) => {
    const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
    // no agent: a request given its own connection uses it, and keeps none open
    const request = send(url, { method: 'GET', headers, signal, createConnection }, resolve);
    request.on('error', (error) => reject(describeFailure(error, url, options.timeoutMs)));
    request.end();
  });
}

function describeFailure(error: Error, url: URL, timeoutMs: number): Error {
  if (error instanceof FeedFetchError) return error;
  if (error.name === 'AbortError' || error.name === 'TimeoutError')
    return new FeedFetchError(`${url.href} did not answer within ${timeoutMs / 1000} s.`, 'Make the feed answer faster, or serve a static file.'); // prettier-ignore
  const code = (error as NodeJS.ErrnoException).code;
  return new FeedFetchError(`${url.href} could not be fetched (${code ?? error.message}).`, 'Check that the host name is right and the server is up.'); // prettier-ignore
}

class TooLarge extends Error {}

async function saveBody(
  url: URL,
  response: IncomingMessage,
  options: SafeFetchOptions,
  signal: AbortSignal,
): Promise<SafeFetchResult> {
  // prettier-ignore
  const hash = createHash('sha256');
  let bytes = 0;
  const count = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      bytes += chunk.length;
      if (bytes > options.maxBytes) return callback(new TooLarge());
      hash.update(chunk);
      callback(null, chunk);
    },
  });
  const inflate = decoder(response.headers['content-encoding']);
  const steps: (Readable | Transform)[] = [response, ...(inflate ? [inflate] : []), count];
  try {
    await pipeline([...steps, createWriteStream(options.destination, { mode: 0o600 })], { signal });
  } catch (error) {
    rmSync(options.destination, { force: true });
    if (error instanceof TooLarge)
      throw new FeedFetchError(`${url.href} is larger than ${(options.maxBytes / 1024 / 1024).toFixed(1)} MB${inflate ? ' after decompression' : ''}; the feed was not read.`, 'Split the catalogue into several feeds.'); // prettier-ignore
    if (inflate && error instanceof Error && 'code' in error && String(error.code).startsWith('Z_'))
      throw new FeedFetchError(`${url.href} says it is ${response.headers['content-encoding']}-compressed but is not.`, 'Fix the Content-Encoding the server sends.'); // prettier-ignore
    throw describeFailure(error as Error, url, options.timeoutMs);
  }
  return {
    status: 'fetched',
    url: url.href,
    bytes,
    contentType: response.headers['content-type'] ?? '',
    etag: response.headers.etag ?? null,
    lastModified: response.headers['last-modified'] ?? null,
    sha256: hash.digest('hex'),
  };
}
