import { isEngineUnavailable } from '@shortlist/indexer';
import { apiError } from './errors.ts';

/** What a client is told to wait before asking again while search is down. */
export const RETRY_AFTER_SECONDS = 5;

/**
 * Whether the search engine answered last time. An outage becomes a 503 with Retry-After instead of a 500
 * with a stack trace per request, and is logged once when it starts and once when it ends.
 */
export class SearchAvailability {
  private down = false;

  constructor(private readonly log: (line: string) => void = console.error) {}

  /** Runs one call to the search engine and notes whether it answered. */
  async reach<T>(call: () => Promise<T>): Promise<T> {
    let result: T;
    try {
      result = await call();
    } catch (error) {
      if (!isEngineUnavailable(error)) throw error;
      if (!this.down)
        this.log(`search is down (${(error as Error).message}); answering 503 until it is back`);
      this.down = true;
      throw apiError(
        503,
        `search is temporarily unavailable; try again in ${RETRY_AFTER_SECONDS} s`,
        undefined,
        {
          'retry-after': String(RETRY_AFTER_SECONDS),
        },
      );
    }
    if (this.down) this.log('search is back');
    this.down = false;
    return result;
  }
}
