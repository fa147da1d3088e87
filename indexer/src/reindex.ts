import type { EnqueuedTask } from 'meilisearch';
import type { CatalogueStore } from './catalogue/index.ts';
import { addDocuments, assertSucceeded, createWithSettings, type SearchIndex } from './search-index.ts';

export interface ReindexResult {
  documents: number;
  seconds: number;
}

/**
 * Rebuilds the index from the catalogue without downtime: a temporary index is filled and checked,
 * then swapped in atomically, so searches never see an empty or half-built index.
 */
export async function rebuildIndex(store: CatalogueStore, index: SearchIndex): Promise<ReindexResult> {
  const started = performance.now();
  const { client, uid } = index;
  const temporary = `${uid}_rebuild_${Date.now()}`;
  const fromSeq = store.latestSeq();
  await createWithSettings(client, temporary, index.settings);
  try {
    // every page is enqueued at once and awaited together: Meilisearch indexes them in order, in large batches
    let documents = 0;
    const tasks: EnqueuedTask[] = [];
    for (const page of store.activeDocuments(2000)) {
      tasks.push(await addDocuments(client, temporary, page));
      documents += page.length;
    }
    for (const task of await client.tasks.waitForTasks(tasks, { timeout: 600_000 }))
      assertSucceeded(task, 'add documents');
    const stats = await client.index(temporary).getStats();
    if (stats.numberOfDocuments !== documents) {
      throw new Error(
        `rebuilt index holds ${stats.numberOfDocuments} documents, the catalogue ${documents}; not swapped`,
      );
    }
    await createWithSettings(client, uid, index.settings);
    assertSucceeded(
      await client.swapIndexes([{ indexes: [uid, temporary], rename: false }]).waitTask(),
      'swap indexes',
    );
    // Changes written while the copy was loading are replayed onto the new index.
    const replay = `${index.cursorName}:rebuild`;
    store.setCursor(replay, fromSeq);
    await index.syncFrom(store, replay);
    return { documents, seconds: (performance.now() - started) / 1000 };
  } finally {
    await client.deleteIndex(temporary).waitTask();
  }
}
