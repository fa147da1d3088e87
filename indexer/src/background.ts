import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { getPriority, setPriority } from 'node:os';

/**
 * How far below the server's priority batch work runs (crawls, reindexes, imports, Meilisearch's indexing) where
 * Linux's idle scheduling is not available: when the cores are busy, the thread that answers HTTP goes first.
 * Like `nice -n 10`.
 */
export const BACKGROUND_NICENESS = 10;

/** Linux's scheduling policy for work that runs only when nothing else wants the core (`SCHED_IDLE`). */
export const SCHED_IDLE = 5;

/**
 * Runs a process (0: this one) in the background: Linux's idle scheduling (`chrt --idle`), and `BACKGROUND_NICENESS`
 * below its priority where that is not available. On Linux both belong to a thread: this sets the process's main
 * thread (or the thread whose id is given), and every thread it starts afterwards inherits them. Where neither can
 * be set, the work runs as it would have.
 *
 * Why idle scheduling and not only a nice value: with two busy cores, a scheduler trace of a sync of 1,000,000 courses
 * showed the HTTP thread waiting 100–130 ms for one core while Meilisearch's indexing thread, at nice +10, held the
 * other. The kernel counts a core that runs only idle-scheduled work as free: a thread that wakes goes to it at
 * once, and such a core takes waiting threads from the others at the next tick.
 */
export function runInBackground(pid = 0): void {
  try {
    setPriority(pid, Math.min(19, getPriority(pid) + BACKGROUND_NICENESS));
  } catch {
    // not allowed here: the work still runs, at the usual priority
  }
  try {
    execFileSync('chrt', ['--idle', '--pid', '0', String(pid || process.pid)], { stdio: 'ignore' });
  } catch {
    // no chrt (util-linux), or not Linux: the nice value above stands
  }
}

/**
 * The threads of a Meilisearch server that index, both kept for its whole run: the pool that extracts, and the
 * scheduler, which starts a `batch-operation` thread for each batch of tasks to write it into the index. A thread
 * starts at the priority of the thread that starts it, so every batch runs in the background too.
 */
const INDEXING_THREADS = new Set(['indexing-thread', 'scheduler']);

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
    if (INDEXING_THREADS.has(threadName(serverPid, thread) ?? '')) runInBackground(Number(thread));
}
