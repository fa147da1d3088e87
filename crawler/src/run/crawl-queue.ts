/* eslint-disable @typescript-eslint/require-await -- the interface is asynchronous; this queue answers at once */
import type {
  BatchAddRequestsResult,
  ListAndLockHeadResult,
  QueueHead,
  QueueOperationInfo,
  RequestQueueClient,
  RequestOptions,
  RequestQueueHeadItem,
  RequestQueueInfo,
  RequestSchema,
  StorageClient,
  UpdateRequestSchema,
} from '@crawlee/types';

/** A Request as plain data, Crawlee's own fields (crawl depth …) included: it writes them in its toJSON. */
const plain = <T extends RequestSchema>(request: T): T => JSON.parse(JSON.stringify(request)) as T;

interface Entry {
  /** the request while it waits or is in progress; dropped once handled (only its key is kept) */
  request: (RequestSchema & { id: string }) | null;
  lockedUntil: number;
}

/**
 * The crawl's request queue, for Crawlee. Crawlee's in-memory queue scans every request it ever saw, handled ones
 * included, each time it hands out the next few: on a 10,000-page site that costs milliseconds per page and
 * fills memory with garbage. Here the waiting requests are a list with a moving head, so handing one out costs
 * the same at page 10 and page 100,000, and a handled request keeps only its key (so it is never queued twice).
 */
class CrawlQueue implements RequestQueueClient {
  private readonly entries = new Map<string, Entry>();
  private readonly ids = new Map<string, string>();
  /** waiting and in-progress request ids in queue order, from `head`; forefront ones go to `front` */
  private readonly order: string[] = [];
  private head = 0;
  private readonly front: string[] = [];
  private handled = 0;
  private lastId = 0;
  private readonly createdAt = new Date();
  private modifiedAt = new Date();

  constructor(private readonly id: string) {}

  async get(): Promise<RequestQueueInfo> {
    const total = this.entries.size;
    return {
      id: this.id,
      name: this.id,
      createdAt: this.createdAt,
      modifiedAt: this.modifiedAt,
      accessedAt: new Date(),
      totalRequestCount: total,
      handledRequestCount: this.handled,
      pendingRequestCount: total - this.handled,
    };
  }

  async update(): Promise<Partial<RequestQueueInfo>> {
    return this.get();
  }

  async delete(): Promise<void> {
    this.entries.clear();
    this.ids.clear();
    this.order.length = 0;
    this.front.length = 0;
    this.head = 0;
    this.handled = 0;
  }

  async addRequest(
    request: RequestSchema,
    options: { forefront?: boolean } = {},
  ): Promise<QueueOperationInfo> {
    const known = this.ids.get(request.uniqueKey);
    if (known !== undefined) {
      const entry = this.entries.get(known)!;
      return { requestId: known, wasAlreadyPresent: true, wasAlreadyHandled: entry.request === null };
    }
    // never reused: a deleted request's id must not come to name another
    const id = String(++this.lastId);
    this.ids.set(request.uniqueKey, id);
    this.entries.set(id, { request: { ...plain(request), id }, lockedUntil: 0 });
    (options.forefront ? this.front : this.order).push(id);
    this.modifiedAt = new Date();
    return { requestId: id, wasAlreadyPresent: false, wasAlreadyHandled: false };
  }

  async batchAddRequests(
    requests: RequestSchema[],
    options: { forefront?: boolean } = {},
  ): Promise<BatchAddRequestsResult> {
    const processedRequests = [];
    for (const request of requests)
      processedRequests.push({ uniqueKey: request.uniqueKey, ...(await this.addRequest(request, options)) });
    return { processedRequests, unprocessedRequests: [] };
  }

  async getRequest(id: string): Promise<RequestOptions | undefined> {
    return (this.entries.get(id)?.request ?? undefined) as RequestOptions | undefined;
  }

  async updateRequest(
    request: UpdateRequestSchema,
    options: { forefront?: boolean } = {},
  ): Promise<QueueOperationInfo> {
    const entry = this.entries.get(request.id);
    if (!entry) return this.addRequest(request, options);
    const wasAlreadyHandled = entry.request === null;
    if (request.handledAt) {
      if (!wasAlreadyHandled) this.handled++;
      entry.request = null;
    } else if (!wasAlreadyHandled) {
      entry.request = plain(request);
      if (options.forefront) this.front.push(request.id);
    }
    this.modifiedAt = new Date();
    return { requestId: request.id, wasAlreadyPresent: true, wasAlreadyHandled };
  }

  async deleteRequest(id: string): Promise<void> {
    const entry = this.entries.get(id);
    if (entry?.request) {
      this.ids.delete(entry.request.uniqueKey);
      this.entries.delete(id);
    }
  }

  async listHead(options: { limit?: number } = {}): Promise<QueueHead> {
    return { limit: options.limit ?? 100, queueModifiedAt: this.modifiedAt, items: this.waiting(options.limit ?? 100, 0) }; // prettier-ignore
  }

  async listAndLockHead(options: { limit?: number; lockSecs: number }): Promise<ListAndLockHeadResult> {
    const now = Date.now();
    const limit = options.limit ?? 25;
    const items = this.waiting(limit, now);
    for (const item of items) this.entries.get(item.id)!.lockedUntil = now + options.lockSecs * 1000;
    return {
      limit,
      lockSecs: options.lockSecs,
      queueModifiedAt: this.modifiedAt,
      // nothing to hand out, yet requests still wait: they are in progress, so the queue is not finished
      queueHasLockedRequests: items.length === 0 && this.waiting(1, 0).length > 0,
      items,
    };
  }

  async prolongRequestLock(id: string, options: { lockSecs: number }): Promise<{ lockExpiresAt: Date }> {
    const entry = this.entries.get(id);
    const lockExpiresAt = new Date(Date.now() + options.lockSecs * 1000);
    if (entry) entry.lockedUntil = lockExpiresAt.getTime();
    return { lockExpiresAt };
  }

  async deleteRequestLock(id: string, options: { forefront?: boolean } = {}): Promise<void> {
    const entry = this.entries.get(id);
    if (!entry?.request) return;
    entry.lockedUntil = 0;
    if (options.forefront) this.front.push(id);
  }

  /**
   * Up to `limit` requests still to be handled, forefront first; with `now`, only those not locked at that time.
   * Handled requests at the head of the list are passed for good.
   */
  private waiting(limit: number, now: number): RequestQueueHeadItem[] {
    const items: RequestQueueHeadItem[] = [];
    const seen = new Set<string>();
    const take = (id: string) => {
      const request = this.entries.get(id)?.request;
      if (!request || seen.has(id) || (now > 0 && this.entries.get(id)!.lockedUntil > now)) return;
      seen.add(id);
      items.push({ id, uniqueKey: request.uniqueKey, url: request.url, method: request.method ?? 'GET', retryCount: request.retryCount ?? 0 }); // prettier-ignore
    };
    for (let index = this.front.length - 1; index >= 0 && items.length < limit; index--) {
      if (this.entries.get(this.front[index]!)?.request) take(this.front[index]!);
      else this.front.splice(index, 1);
    }
    while (this.head < this.order.length && !this.entries.get(this.order[this.head]!)?.request) this.head++;
    if (this.head > 1024 && this.head * 2 > this.order.length) {
      this.order.splice(0, this.head);
      this.head = 0;
    }
    for (let index = this.head; index < this.order.length && items.length < limit; index++)
      take(this.order[index]!);
    return items;
  }
}

/** A storage client holding just the crawl's request queue (Crawlee's other storages are not used by the crawl). */
export function crawlQueueStorage(): StorageClient {
  const queue = new CrawlQueue('default');
  const unused = () => {
    throw new Error('the crawl queue storage holds only the request queue');
  };
  return {
    requestQueue: () => queue,
    requestQueues: () => ({
      list: async () => ({
        items: [await queue.get()],
        total: 1,
        count: 1,
        offset: 0,
        limit: 1,
        desc: false,
      }),
      getOrCreate: async () => queue.get(),
    }),
    datasets: unused,
    dataset: unused,
    keyValueStores: unused,
    keyValueStore: unused,
  };
}
