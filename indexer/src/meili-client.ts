import { Meilisearch } from 'meilisearch';

/**
 * Headers on every request to Meilisearch. `identity`: fetch asks for gzip by default, and Meilisearch then sends
 * a compressed answer as headers and body in separate small writes, the body held back by Nagle until the
 * client's delayed ACK of the headers (40 ms on Linux) — see docs/benchmarks.md.
 */
export const MEILI_HEADERS = { 'Accept-Encoding': 'identity' } as const;

/** The one way the system talks to Meilisearch: search, sync, reindex and health all go through this client. */
export function createMeiliClient(url: string, key: string | undefined): Meilisearch {
  return new Meilisearch({
    host: url,
    apiKey: key,
    requestInit: { headers: MEILI_HEADERS },
    // The client's default 5 s wait is too short for large batches under load.
    defaultWaitOptions: { timeout: 120_000, interval: 50 },
  });
}
