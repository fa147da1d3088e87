import { setFlagsFromString } from 'node:v8';
import type { ResourceLimits } from 'node:worker_threads';

let flagCleared = false;

/**
 * Heap limits for a worker thread that V8 really applies. `shortlist` starts Node with `--max-semi-space-size` to
 * keep the main thread's young generation small, and V8 lets that process-wide flag override every thread's own
 * young-generation limit. A flag only sizes heaps created after it is set, so clearing it here, once the main
 * thread's heap exists, leaves the main thread as configured and lets each worker pool size its own threads.
 */
export function workerLimits(limits: ResourceLimits): ResourceLimits {
  if (!flagCleared) {
    setFlagsFromString('--max-semi-space-size=0');
    flagCleared = true;
  }
  return limits;
}
