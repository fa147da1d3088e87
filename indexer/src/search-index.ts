import { Meilisearch, type Task } from 'meilisearch';
import type { CatalogueStore } from './catalogue.ts';
import { toSearchDocument } from './search-document.ts';
import { COURSE_INDEX_SETTINGS, COURSES_INDEX } from './settings.ts';

const BATCH_SIZE = 1000;

export function createMeiliClient(url: string, key: string | undefined): Meilisearch {
  // The client's default 5 s wait is too short for large batches under load.
  return new Meilisearch({ host: url, apiKey: key, defaultWaitOptions: { timeout: 120_000, interval: 50 } });
}

export function assertSucceeded(task: Task, what: string): void {
  if (task.status !== 'succeeded') {
    throw new Error(`Meilisearch task ${task.uid} (${what}) ${task.status}: ${task.error?.message ?? 'no error given'}`);
  }
}

/** The Meilisearch projection of the catalogue. */
export class SearchIndex {
  constructor(
    readonly client: Meilisearch,
    readonly uid: string = COURSES_INDEX,
  ) {}

  private get cursorName() {
    return `meilisearch:${this.uid}`;
  }

  /** Creates the index if needed and applies the settings; idempotent. */
  async prepare(): Promise<void> {
    const indexes = await this.client.getIndexes({ limit: 1000 });
    if (!indexes.results.some((index) => index.uid === this.uid)) {
      assertSucceeded(await this.client.createIndex(this.uid, { primaryKey: 'id' }).waitTask(), `create ${this.uid}`);
    }
    assertSucceeded(
      await this.client.index(this.uid).updateSettings(COURSE_INDEX_SETTINGS).waitTask(),
      `settings of ${this.uid}`,
    );
  }

  /**
   * Sends every catalogue change after the stored cursor, a batch at a time, and moves the cursor only
   * after Meilisearch reports the batch succeeded: a crash or an outage replays, never skips.
   */
  async syncFrom(store: CatalogueStore): Promise<number> {
    let sent = 0;
    for (;;) {
      const changes = store.changesSince(store.getCursor(this.cursorName), BATCH_SIZE);
      if (changes.length === 0) return sent;
      const providers = new Map(store.listProviders().map((provider) => [provider.id, provider]));
      const upserts = changes
        .filter((change) => change.status === 'active')
        .map((change) => toSearchDocument(change.course, providers.get(change.course.providerId)));
      const deletions = changes.filter((change) => change.status !== 'active').map((change) => change.id);
      const index = this.client.index(this.uid);
      if (upserts.length > 0) assertSucceeded(await index.addDocuments(upserts).waitTask(), 'add documents');
      if (deletions.length > 0) assertSucceeded(await index.deleteDocuments(deletions).waitTask(), 'delete documents');
      store.setCursor(this.cursorName, changes.at(-1)!.seq);
      sent += changes.length;
    }
  }
}
