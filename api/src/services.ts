import { join } from 'node:path';
import {
  CatalogueStore,
  createMeiliClient,
  readIndexerEnv,
  SearchIndex,
  startBundledMeilisearch,
  startSyncLoop,
  type MeiliConnection,
  type SyncLoop,
} from '@shortlist/indexer';

export interface Services {
  store: CatalogueStore;
  index: SearchIndex;
  sync: SyncLoop;
  close(): Promise<void>;
}

/**
 * Opens the catalogue and connects to Meilisearch: `MEILI_URL` when set, else the bundled server that
 * another `shortlist` process runs on the same data folder, else a newly started one.
 */
export async function openServices({ demo = false } = {}): Promise<Services> {
  const env = readIndexerEnv();
  const meili: MeiliConnection = env.meiliUrl
    ? { url: env.meiliUrl, key: env.meiliKey ?? '', stop: async () => {} }
    : await startBundledMeilisearch(env.dataDir, { environment: demo ? 'development' : 'production' });
  const store = new CatalogueStore(join(env.dataDir, 'catalogue.db'));
  const index = new SearchIndex(createMeiliClient(meili.url, meili.key));
  await index.prepare(store);
  const sync = startSyncLoop(store, index);
  // what was written while the bundled server was down is sent as soon as it is back
  meili.supervisor?.on('up', () => sync.retryNow());
  return {
    store,
    index,
    sync,
    async close() {
      await sync.stop();
      store.close();
      await meili.stop();
    },
  };
}
