import { checkFeed, openFeed, type FeedOptions } from './read-feed.ts';
import type { FeedInput } from './decode.ts';
import type { CheckedRow } from './check-row.ts';

export const TEST_PROVIDER = {
  id: 'northbridge-university',
  country: 'GB',
  url: 'https://www.northbridge.example/',
};

/** Opens and checks a whole feed for the test provider (or another), for tests. */
export async function readTestFeed(input: FeedInput, options: FeedOptions = {}, provider = TEST_PROVIDER) {
  const feed = await openFeed(input, options);
  const rows: CheckedRow[] = [];
  for await (const row of checkFeed(feed, {
    provider,
    fetchedAt: '2026-11-02T09:00:00.000Z',
    sourceUrl: provider.url,
  }))
    rows.push(row);
  const accepted = rows.filter((row) => row.course !== null);
  return { feed, rows, accepted, courses: accepted.map((row) => row.course!) };
}

/** Resolves to the FeedError (or other error) a promise rejects with. */
export async function failureOf(
  promise: Promise<unknown>,
): Promise<Error & { where?: object; fix?: string }> {
  try {
    await promise;
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected the feed to be refused');
}

/** A stream of byte chunks of the given size, as a file or request body arrives. */
export async function* inChunks(bytes: Uint8Array, size: number): AsyncIterable<Uint8Array> {
  for (let start = 0; start < bytes.length; start += size) {
    await new Promise((resolve) => setImmediate(resolve));
    yield bytes.subarray(start, start + size);
  }
}
