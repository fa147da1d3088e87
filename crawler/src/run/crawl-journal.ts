import { closeSync, existsSync, openSync, readFileSync, writeSync } from 'node:fs';
import type { CrawlRequest } from '../discovery/link-judge.ts';

export interface QueuedRequest extends CrawlRequest {
  crawlDepth: number;
}

interface JournalLine {
  /** requests put in the queue */
  queued?: [url: string, uniqueKey: string, label: CrawlRequest['label'], crawlDepth: number][];
  /** a request finished: read, skipped or failed for good */
  done?: string;
}

/**
 * What a crawl has queued and finished, one JSON line per event, appended with a plain write() so it is in the
 * kernel's hands before the crawl moves on: a process killed at any instant leaves a journal that a new run
 * replays — requests queued and not finished are queued again; finished ones are not fetched again.
 */
export class CrawlJournal {
  private readonly fd: number;
  /** requests queued and not yet finished, when the journal was opened */
  readonly pending: QueuedRequest[] = [];
  /** unique keys finished, when the journal was opened */
  readonly done = new Set<string>();

  constructor(readonly file: string) {
    if (existsSync(file)) this.replay(readFileSync(file, 'utf8'));
    this.fd = openSync(file, 'a');
  }

  private replay(text: string): void {
    const queued = new Map<string, QueuedRequest>();
    for (const line of text.split('\n')) {
      let entry: JournalLine;
      try {
        entry = JSON.parse(line) as JournalLine;
      } catch {
        continue; // empty, or the last line cut short by the kill
      }
      for (const [url, uniqueKey, label, crawlDepth] of entry.queued ?? [])
        queued.set(uniqueKey, { url, uniqueKey, label, crawlDepth });
      if (entry.done) this.done.add(entry.done);
    }
    for (const [key, request] of queued) if (!this.done.has(key)) this.pending.push(request);
  }

  queued(requests: QueuedRequest[]): void {
    if (requests.length === 0) return;
    const line: JournalLine = {
      queued: requests.map((request) => [request.url, request.uniqueKey, request.label, request.crawlDepth]),
    };
    writeSync(this.fd, `${JSON.stringify(line)}\n`);
  }

  finished(uniqueKey: string): void {
    writeSync(this.fd, `${JSON.stringify({ done: uniqueKey } satisfies JournalLine)}\n`);
  }

  close(): void {
    closeSync(this.fd);
  }
}
