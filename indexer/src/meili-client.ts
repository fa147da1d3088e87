import { Agent as HttpAgent, request as httpRequest, type IncomingMessage } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';
import {
  Meilisearch,
  MeilisearchApiError,
  type EnqueuedTask,
  MeilisearchRequestError,
  MeilisearchRequestTimeOutError,
  type MeilisearchErrorResponse,
} from 'meilisearch';

/**
 * Headers on every request to Meilisearch. `identity`: asked for gzip (as fetch asks by default), Meilisearch sends
 * a compressed answer as headers and body in separate small writes, the body held back by Nagle until the client's
 * delayed ACK of the headers: 40 ms on Linux (docs/benchmarks.md).
 */
export const MEILI_HEADERS = { 'Accept-Encoding': 'identity' } as const;

// kept-alive connections, closed when idle before Meilisearch closes them (5 s) so a request never meets a closing one
const agents = {
  'http:': new HttpAgent({ keepAlive: true, timeout: 4000, scheduling: 'lifo' }),
  'https:': new HttpsAgent({ keepAlive: true, timeout: 4000, scheduling: 'lifo' }),
};

function answer(response: IncomingMessage, chunks: Buffer[]): unknown {
  const text = Buffer.concat(chunks).toString('utf8');
  const body: unknown = text === '' ? undefined : JSON.parse(text);
  const status = response.statusCode ?? 0;
  if (status >= 200 && status < 300) return body;
  throw new MeilisearchApiError(
    new Response(null, { status, statusText: response.statusMessage }),
    body as MeilisearchErrorResponse | undefined,
  );
}

/** One request over node:http with kept-alive connections; resolves to the answer's JSON, throws a refusal. */
function send(
  url: URL,
  method: string,
  headers: Record<string, string>,
  body: string | Uint8Array | undefined,
  signal?: AbortSignal,
): Promise<unknown> {
  const request = url.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    const outgoing = request(
      url,
      { method, headers, agent: agents[url.protocol as keyof typeof agents], signal },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('error', reject);
        response.on('end', () => {
          try {
            resolve(answer(response, chunks));
          } catch (error) {
            // a refusal, or a body that is not JSON
            reject(error instanceof Error ? error : new Error(String(error)));
          }
        });
      },
    );
    outgoing.on('error', reject);
    outgoing.end(body);
  });
}

/**
 * The meilisearch client's HTTP, over node:http with kept-alive connections: `fetch` spends about as much CPU again
 * per search on its streams and request objects (docs/benchmarks.md). An answer Meilisearch refuses throws its
 * MeilisearchApiError, which the client passes on as the cause of a MeilisearchRequestError (see meiliApiError).
 */
export function meiliHttpClient(input: string | URL | Request, init: RequestInit = {}): Promise<unknown> {
  return send(
    new URL(input instanceof Request ? input.url : input),
    init.method ?? 'GET',
    Object.fromEntries(new Headers(init.headers)),
    init.body as string | Uint8Array | undefined,
    init.signal ?? undefined,
  );
}

/**
 * Adds documents given as the bytes of one JSON array, through the client's transport: the client itself takes a
 * body only as a string or as JSON it serialises, and the sync and the reindex hold each document as the JSON bytes
 * the catalogue stored. A string of a 1,000-document batch was copied five times on the way to the socket; the
 * bytes are sent as they are. Fails as the client would: a refusal is the cause of a MeilisearchRequestError.
 */
export async function addDocumentBytes(
  client: Meilisearch,
  uid: string,
  body: Uint8Array,
): Promise<EnqueuedTask> {
  const { host, apiKey } = client.config;
  // the host as the client reads it: "localhost:7700" is http://localhost:7700/
  const base = `${/^https?:\/\//.test(host) ? '' : 'http://'}${host}${host.endsWith('/') ? '' : '/'}`;
  const url = new URL(`indexes/${encodeURIComponent(uid)}/documents?primaryKey=id`, base);
  const headers: Record<string, string> = { ...MEILI_HEADERS, 'Content-Type': 'application/json' };
  if (apiKey) headers.Authorization = `Bearer ${apiKey}`;
  try {
    return (await send(url, 'POST', headers, body)) as EnqueuedTask;
  } catch (error) {
    throw new MeilisearchRequestError(url.toString(), error);
  }
}

/** The one way the system talks to Meilisearch: search, sync, reindex and health all go through this client. */
export function createMeiliClient(url: string, key: string | undefined): Meilisearch {
  return new Meilisearch({
    host: url,
    apiKey: key,
    requestInit: { headers: MEILI_HEADERS },
    httpClient: meiliHttpClient,
    // The client's default 5 s wait is too short for large batches under load.
    defaultWaitOptions: { timeout: 120_000, interval: 50 },
  });
}

/** Meilisearch's own refusal (its error code and message) inside an error the client threw; null for anything else. */
export function meiliApiError(error: unknown): MeilisearchApiError | null {
  for (let cause = error; cause instanceof Error; cause = cause.cause)
    if (cause instanceof MeilisearchApiError) return cause;
  return null;
}

/**
 * Whether a failed call means the engine is out of reach (down, restarting, overloaded) rather than a bad request:
 * no answer at all, a timeout, or a 503 of its own.
 */
export function isEngineUnavailable(error: unknown): boolean {
  if (error instanceof MeilisearchRequestTimeOutError) return true;
  const refusal = meiliApiError(error);
  if (refusal) return refusal.response.status === 503;
  return error instanceof MeilisearchRequestError;
}

/** An error's message with those of its causes: "Request to … has failed: connect ECONNREFUSED …". */
export function errorMessage(error: unknown): string {
  const messages: string[] = [];
  for (let cause = error; cause instanceof Error; cause = cause.cause) messages.push(cause.message);
  return messages.join(': ') || String(error);
}
