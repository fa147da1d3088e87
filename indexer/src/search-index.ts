import type { Meilisearch, EnqueuedTask, Task } from 'meilisearch';
import type { Provider } from '@shortlist/schemas';
import {
  providerStatistics,
  type CatalogueStore,
  type CourseChange,
  type ProviderDocument,
} from './catalogue/index.ts';
import { addDocumentBytes, meiliApiError } from './meili-client.ts';
import {
  COUNT_LIMITS,
  courseIndexSettings,
  COURSES_INDEX,
  PROVIDER_INDEX_SETTINGS,
  PROVIDERS_INDEX,
  type CountLimits,
} from './settings.ts';

const BATCH_SIZE = 1000;
/**
 * Changes read from the catalogue in one turn of the event loop. 1,000 at once took 6–20 ms at 1,000,000 courses on a
 * quiet machine, and several times that while Meilisearch indexes on the same cores; 250 take about 2 ms.
 */
const READ_SLICE = 250;
const BATCHES_PER_CHUNK = 10;
/** chunks sent ahead of the oldest one still being indexed: Meilisearch indexes what is queued in large batches */
const CHUNKS_IN_FLIGHT = 10;

/** The client's default 5 s wait is too short for large batches under load; createIndex's task ignores it. */
const WAIT_OPTIONS = { timeout: 120_000, interval: 50 };

export function assertSucceeded(task: Task, what: string): void {
  if (task.status !== 'succeeded') {
    throw new Error(
      `Meilisearch task ${task.uid} (${what}) ${task.status}: ${task.error?.message ?? 'no error given'}`,
    );
  }
}

export async function createWithSettings(
  client: Meilisearch,
  uid: string,
  settings = courseIndexSettings(),
): Promise<void> {
  const indexes = await client.getIndexes({ limit: 1000 });
  if (!indexes.results.some((index) => index.uid === uid)) {
    // createIndex waits with a task client of its own that ignores the client's defaultWaitOptions
    assertSucceeded(
      await client.createIndex(uid, { primaryKey: 'id' }).waitTask(WAIT_OPTIONS),
      `create ${uid}`,
    );
  }
  assertSucceeded(await client.index(uid).updateSettings(settings).waitTask(), `settings of ${uid}`);
}

/** The Meilisearch projection of the catalogue. */
export class SearchIndex {
  constructor(
    readonly client: Meilisearch,
    readonly uid: string = COURSES_INDEX,
    /** how far searches count; tests lower them to reach the limits with few courses */
    readonly limits: CountLimits = COUNT_LIMITS,
  ) {}

  get settings() {
    return courseIndexSettings(this.limits);
  }

  /** The providers index that goes with this course index. */
  get providersUid() {
    return this.uid === COURSES_INDEX ? PROVIDERS_INDEX : `${this.uid}_providers`;
  }

  get cursorName() {
    return `meilisearch:${this.uid}`;
  }

  /**
   * Creates the index if needed and applies the settings; idempotent. A new (or emptied) index is
   * refilled from the start of the catalogue, e.g. when MEILI_URL points at a fresh server.
   */
  async prepare(store?: CatalogueStore): Promise<void> {
    await createWithSettings(this.client, this.uid, this.settings);
    await createWithSettings(this.client, this.providersUid, PROVIDER_INDEX_SETTINGS);
    const stats = await this.client.index(this.uid).getStats();
    if (store && stats.numberOfDocuments === 0 && store.countCourses() > 0)
      store.setCursor(this.cursorName, 0);
  }

  /**
   * Sends every catalogue change after the stored cursor in batches, enqueued in order (Meilisearch
   * applies them in that order). The next chunk is read and sent while Meilisearch indexes the one
   * before, and the cursor moves past a chunk only once it and every chunk before it succeeded: a crash
   * or an outage replays, never skips. Once `stop` is aborted, it returns before the next chunk, without waiting for
   * those in flight: the next sync sends them again.
   */
  async syncFrom(store: CatalogueStore, cursorName = this.cursorName, stop?: AbortSignal): Promise<number> {
    const providers = new Set<string>();
    const inFlight: { tasks: EnqueuedTask[]; lastSeq: number; size: number }[] = [];
    let sent = 0;
    let readFrom = store.getCursor(cursorName);
    const settleOldest = async () => {
      const chunk = inFlight.shift()!;
      for (const task of await this.client.tasks.waitForTasks(chunk.tasks)) assertSucceeded(task, task.type);
      await store.writable();
      store.setCursor(cursorName, chunk.lastSeq);
      sent += chunk.size;
    };
    for (;;) {
      if (stop?.aborted) return sent;
      // read a batch at a time, each sent before the next is read: no long step on the thread that answers HTTP
      const chunk = { tasks: [] as EnqueuedTask[], lastSeq: readFrom, size: 0 };
      for (let batches = 0; batches < BATCHES_PER_CHUNK; batches++) {
        const changes = await readBatch(store, readFrom);
        if (changes.length === 0) break;
        for (const change of changes) providers.add(change.providerId);
        chunk.tasks.push(...(await this.sendBatch(changes)));
        readFrom = chunk.lastSeq = changes.at(-1)!.seq;
        chunk.size += changes.length;
        if (changes.length < BATCH_SIZE) break;
      }
      if (chunk.size === 0) break;
      inFlight.push(chunk);
      if (inFlight.length > CHUNKS_IN_FLIGHT) await settleOldest();
    }
    // the providers' statistics come from the catalogue: sent while Meilisearch indexes the last courses
    const providerUpdate = this.updateProviders(store, providers);
    while (inFlight.length > 0) await settleOldest();
    const task = await providerUpdate;
    if (task) assertSucceeded(await this.client.tasks.waitForTask(task.taskUid), 'update providers');
    return sent;
  }

  /**
   * Enqueues one batch's writes, in order. The catalogue stores each listing's search document, so a batch is the
   * stored JSON joined into one body, sent back to back with the others so that Meilisearch can index them together.
   */
  private async sendBatch(changes: CourseChange[]): Promise<EnqueuedTask[]> {
    const tasks: EnqueuedTask[] = [];
    const active = changes.flatMap((change) => (change.document === null ? [] : [change.document]));
    const gone = changes.filter((change) => change.document === null).map((change) => change.id);
    if (active.length > 0) tasks.push(await addDocuments(this.client, this.uid, active));
    if (gone.length > 0) tasks.push(await this.client.index(this.uid).deleteDocuments(gone));
    return tasks;
  }

  /**
   * The providers' statistics as of the last sync, read from the providers index: nothing is computed per request.
   * A provider the index does not hold yet has no synced courses: its statistics are those of none.
   */
  async providerStatistics(providers: readonly Provider[]): Promise<ProviderDocument[]> {
    const index = this.client.index<ProviderDocument>(this.providersUid);
    return Promise.all(
      providers.map(async (provider) => {
        try {
          return { ...(await index.getDocument(provider.id)), ...provider };
        } catch (error) {
          if (meiliApiError(error)?.cause?.code === 'document_not_found') return providerStatistics(provider);
          throw error;
        }
      }),
    );
  }

  /**
   * Recomputes the statistics of the providers whose courses changed and sends them. One provider a turn of the event
   * loop: each median walks half the provider's listings, 0.7 s for 200 providers at 1,000,000 courses in all.
   */
  private async updateProviders(store: CatalogueStore, ids: Set<string>): Promise<EnqueuedTask | null> {
    const documents: ProviderDocument[] = [];
    for (const provider of store.listProviders().filter((provider) => ids.has(provider.id))) {
      documents.push(...store.providerDocuments([provider]));
      await new Promise(setImmediate);
    }
    if (documents.length === 0) return null;
    return this.client.index(this.providersUid).addDocuments(documents);
  }
}

/** The next batch of changes after `cursor`, read a slice per turn of the event loop. */
async function readBatch(store: CatalogueStore, cursor: number): Promise<CourseChange[]> {
  const changes: CourseChange[] = [];
  for (;;) {
    const slice = store.changesSince(changes.at(-1)?.seq ?? cursor, READ_SLICE);
    changes.push(...slice);
    if (slice.length < READ_SLICE || changes.length >= BATCH_SIZE) return changes;
    await new Promise(setImmediate);
  }
}

const OPEN = Buffer.from('[');
const COMMA = Buffer.from(',');
const CLOSE = Buffer.from(']');

/** Adds documents stored as JSON bytes, joined into one JSON array (Meilisearch reads that faster than NDJSON). */
export function addDocuments(
  client: Meilisearch,
  uid: string,
  documents: readonly Buffer[],
): Promise<EnqueuedTask> {
  const items = documents.flatMap((document, n) => (n === 0 ? [document] : [COMMA, document]));
  return addDocumentBytes(client, uid, Buffer.concat([OPEN, ...items, CLOSE]));
}
