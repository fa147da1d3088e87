import { serve } from '@hono/node-server';
import { fileURLToPath } from 'node:url';
import { existsSync } from 'node:fs';
import { loadSources } from '@shortlist/crawler';
import type { Source } from '@shortlist/schemas';
import { createApp } from '../app.ts';
import type { ApiEnv } from '../env.ts';
import { openServices } from '../services.ts';
import { readPartnerSettings } from '../partner/env.ts';
import { FeedPoller } from '../partner/feed-poller.ts';
import { FeedRunner } from '../partner/feed-runner.ts';
import { uploadsFolder } from '../partner/routes.ts';
import { scheduleCrawls } from './crawl-schedule.ts';
import { setUpDemoFeeds } from './demo-feeds.ts';
import { startDemo, userAgent } from './demo.ts';

const WEB_ROOT = fileURLToPath(new URL('../../../web/dist', import.meta.url));

/** `shortlist start`: Meilisearch, catalogue, API and web; crawls each source on its schedule. */
export async function startCommand(env: ApiEnv, { demo }: { demo: boolean }): Promise<void> {
  const services = await openServices();
  const demoSites = demo ? await startDemo(env.DEMO_PORT) : undefined;
  const sources: Source[] =
    demoSites?.sources ?? (env.SHORTLIST_SOURCES ? loadSources(env.SHORTLIST_SOURCES) : []);
  if (!existsSync(WEB_ROOT))
    console.warn(`The web frontend is not built (${WEB_ROOT}); run npm run build -w @shortlist/web.`);

  // partner feeds: uploads run as jobs, registered feed URLs are polled; an interrupted job runs again
  const settings = readPartnerSettings();
  const runner = new FeedRunner(services.store);
  const uploadsDir = uploadsFolder(services.store);
  const poller = new FeedPoller(services.store, runner, settings, {
    uploadsDir,
    userAgent: userAgent(env),
    log: console.log,
  });
  runner.resumeInterrupted();
  const app = createApp({
    ...services,
    webRoot: WEB_ROOT,
    partner: { settings, runner, poller, uploadsDir },
    log: console.log,
  });
  const server = serve({ fetch: app.fetch, port: env.PORT, hostname: env.HOST });
  await new Promise<void>((resolve, reject) => {
    server.once('listening', resolve);
    server.once('error', reject);
  });
  // Signals are handled from here on, so a stop during the demo set-up still cleans up.
  let stopCrawls = () => {};
  let stopPolling = () => {};
  let demoSetUp: Promise<void> = Promise.resolve();
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`${signal}: stopping…`);
    stopCrawls();
    stopPolling();
    server.close();
    // the demo's feeds and partner key are written to the catalogue before it closes
    await demoSetUp.catch(() => {});
    await demoSites?.close();
    await services.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop('SIGINT'));
  process.once('SIGTERM', () => void stop('SIGTERM'));

  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : env.PORT;
  const host = env.HOST === '127.0.0.1' || env.HOST === '0.0.0.0' ? 'localhost' : env.HOST;
  console.log(`Shortlist is running: http://${host}:${port}`);
  console.log(
    `${services.store.countCourses()} courses in the catalogue; crawling ${sources.length} sources as they fall due.`,
  );

  if (demo) {
    demoSetUp = setUpDemoFeeds(services.store, `http://${host}:${port}`);
    // a failure while stopping is moot: the stop cleans up and exits
    await demoSetUp.catch((error: unknown) => {
      if (!stopping) throw error;
    });
  }
  if (stopping) return;
  stopPolling = poller.start();
  stopCrawls = scheduleCrawls(sources, services, userAgent(env));
}
