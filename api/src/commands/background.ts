import { getPriority, setPriority } from 'node:os';

/**
 * How far below the server's priority batch work runs (crawls, reindexes, imports): when the cores are busy, the
 * thread that answers HTTP goes first. Like `nice -n 10`.
 */
export const BACKGROUND_NICENESS = 10;

/**
 * Lowers the priority of a process (0: this one) by `BACKGROUND_NICENESS`. On Linux a priority belongs to a thread:
 * this sets the process's main thread, and every thread it starts afterwards inherits it. Where the priority cannot
 * be lowered, the work runs as it would have.
 */
export function runInBackground(pid = 0): void {
  try {
    setPriority(pid, Math.min(19, getPriority(pid) + BACKGROUND_NICENESS));
  } catch {
    // not allowed here: the work still runs, at the usual priority
  }
}
