import type { MiddlewareHandler } from 'hono';
import { isEngineUnavailable } from '@shortlist/indexer';

/**
 * Watches whether the search engine answers, and logs once when an outage starts and once when it ends. While it is
 * down, each request first asks the engine's health, so the first request after it is back notices.
 */
export function searchAvailability(
  health: () => Promise<unknown>,
  log: (line: string) => void = console.error,
): MiddlewareHandler {
  let down = false;
  return async function searchAvailability(c, next) {
    if (
      down &&
      (await health().then(
        () => true,
        () => false,
      ))
    ) {
      down = false;
      log('search is back');
    }
    await next();
    if (c.error && isEngineUnavailable(c.error) && !down) {
      down = true;
      log(`search is down (${c.error.message}); answering 503 until it is back`);
    }
  };
}
