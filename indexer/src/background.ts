import { readdirSync, readFileSync } from 'node:fs';
import { getPriority, setPriority } from 'node:os';

/**
 * How far below the server's priority batch work runs (crawls, reindexes, imports, Meilisearch's indexing): when
 * the cores are busy, the thread that answers HTTP goes first. Like `nice -n 10`.
 */
export const BACKGROUND_NICENESS = 10;

/**
 * Lowers the priority of a process (0: this one) by `BACKGROUND_NICENESS`. On Linux a priority belongs to a thread:
 * this sets the process's main thread (or the thread whose id is given), and every thread it starts afterwards
 * inherits it. Where the priority cannot be lowered, the work runs as it would have.
 */
export function runInBackground(pid = 0): void {
  try {
    setPriority(pid, Math.min(19, getPriority(pid) + BACKGROUND_NICENESS));
  } catch {
    // not allowed here: the work still runs, at the usual priority
  }
}

/** The name Meilisearch gives the threads that index (it keeps them for its whole run). */
const INDEXING_THREAD = 'indexing-thread';

/** A thread's name, or undefined once it has ended. */
function threadName(pid: number, thread: string): string | undefined {
  try {
    return readFileSync(`/proc/${pid}/task/${thread}/comm`, 'utf8').trim();
  } catch {
    return undefined;
  }
}

/**
 * Runs a Meilisearch server's indexing threads in the background and leaves the threads that answer searches as
 * they are: while a million documents are indexed, searches and the server's HTTP thread get a core first. Where
 * Linux's /proc is not there to name the threads, the server runs as it would have.
 */
export function indexingInBackground(serverPid: number): void {
  let threads: string[];
  try {
    threads = readdirSync(`/proc/${serverPid}/task`);
  } catch {
    return;
  }
  for (const thread of threads)
    if (threadName(serverPid, thread) === INDEXING_THREAD) runInBackground(Number(thread));
}
