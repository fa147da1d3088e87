import { serve, type ServerType } from '@hono/node-server';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { catalogueSink, createApp } from '@shortlist/api';
import { crawlSources, type CrawlReport } from '@shortlist/crawler';
import { startDemoSites, type DemoSites } from '@shortlist/demo';
import {
  CatalogueStore,
  createMeiliClient,
  SearchIndex,
  startBundledMeilisearch,
  startSyncLoop,
  type MeiliConnection,
  type SyncLoop,
} from '@shortlist/indexer';

export const WEB_ROOT = fileURLToPath(new URL('../../web/dist', import.meta.url));

/** The whole system on loopback: demo sites crawled into a real catalogue, Meilisearch and HTTP server. */
export interface System {
  url: string;
  reports: CrawlReport[];
  store: CatalogueStore;
  demo: DemoSites;
  stop(): Promise<void>;
}

export async function startSystem(): Promise<System> {
  const dataDir = mkdtempSync(join(tmpdir(), 'shortlist-e2e-'));
  const meili: MeiliConnection = await startBundledMeilisearch(dataDir);
  const store = new CatalogueStore(join(dataDir, 'catalogue.db'));
  const index = new SearchIndex(createMeiliClient(meili.url, meili.key));
  await index.prepare();
  const sync: SyncLoop = startSyncLoop(store, index, { intervalMs: 200 });
  const demo = await startDemoSites();
  const reports = await crawlSources(demo.sources, {
    sink: catalogueSink({ store, sync }),
    userAgent: 'ShortlistBot/test (+https://example.invalid/contact)',
    delayMs: 0,
  });
  await sync.flush();

  const app = createApp({ store, index, webRoot: WEB_ROOT });
  const server: ServerType = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' });
  await new Promise((resolve) => server.once('listening', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}`,
    reports,
    store,
    demo,
    async stop() {
      await new Promise((resolve) => server.close(resolve));
      await sync.stop();
      await demo.close();
      store.close();
      await meili.stop();
    },
  };
}
