import { serve } from '@hono/node-server';
import { fileURLToPath } from 'node:url';
import { existsSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { openToOthers } from '@shortlist/indexer';
import { warmUpFeedChecks } from '@shortlist/crawler/feeds';
import { loadSources } from '@shortlist/crawler/plan';
import type { Source } from '@shortlist/schemas';
import { createApp } from '../app.ts';
import { batchedLines } from '../operations/access-log.ts';
import { serverUrl, type ApiEnv } from '../env.ts';
import { openServices } from '../services.ts';
import { FeedPoller } from '../feeds/poller.ts';
import { FeedRunner, uploadsFolder } from '../feeds/runner.ts';
import { readPartnerSettings } from '../routes/partner/env.ts';
import { scheduleCrawls } from './crawl-schedule.ts';
import { setUpDemoFeeds } from './demo-feeds.ts';
import { startDemo, userAgent } from './demo.ts';

const WEB_ROOT = fileURLToPath(new URL('../../../web/dist', import.meta.url));

/** Partner key hashes, feed URLs and uploads live in the data folder: say so when other users may read it. */
function warnIfReadableByOthers(catalogueFile: string, uploadsDir: string) {
  const uploads = existsSync(uploadsDir) ? readdirSync(uploadsDir).map((name) => join(uploadsDir, name)) : [];
  const paths = [dirname(catalogueFile), catalogueFile, `${catalogueFile}-wal`, `${catalogueFile}-shm`];
  for (const { path, mode } of openToOthers([...paths, uploadsDir, ...uploads]))
    console.warn(
      `Warning: other users of this machine can read ${path} (mode ${mode}), which holds partner key hashes, feed URLs or uploads; make it private with: chmod go-rwx ${path}`,
    );
}

function whenParentExits(then: () => void) {
  const parent = process.ppid;
  const timer = setInterval(() => {
    try {
      process.kill(parent, 0);
    } catch {
      clearInterval(timer);
      then();
    }
  }, 500);
  timer.unref();
}

/** `shortlist start`: Meilisearch, catalogue, API and web; crawls each source on its schedule. */
export async function startCommand(env: ApiEnv, { demo }: { demo: boolean }): Promise<void> {
  const services = await openServices({ demo });
  // the write-ahead log is copied back into the catalogue off the thread that answers HTTP
  services.store.checkpointOffThread();
  const demoSites = demo ? await startDemo(env.DEMO_PORT) : undefined;
  const sources: Source[] =
    demoSites?.sources ?? (env.SHORTLIST_SOURCES ? loadSources(env.SHORTLIST_SOURCES) : []);
  if (!existsSync(WEB_ROOT))
    console.warn(`The web frontend is not built (${WEB_ROOT}); run npm run build -w @shortlist/web.`);

  // partner feeds: uploads run as jobs, registered feed URLs are polled; an interrupted job runs again
  const settings = readPartnerSettings();
  const runner = new FeedRunner(services.store);
  const uploadsDir = uploadsFolder(services.store);
  warnIfReadableByOthers(services.store.file, uploadsDir);
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
    log: batchedLines((text) => process.stdout.write(text)),
  });
  // before listening: a feed's first rows in a process compile the normalisers, too long a stop once serving
  await warmUpFeedChecks();
  const server = serve({ fetch: app.fetch, port: env.PORT, hostname: env.HOST });
  await new Promise<void>((resolve, reject) => {
    server.once('listening', resolve);
    server.once('error', reject);
  });
  // Signals are handled from here on, so a stop during the demo set-up still cleans up.
  let stopCrawls = async () => {};
  let stopPolling = () => {};
  let demoSetUp: Promise<void> = Promise.resolve();
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`${signal}: stopping…`);
    stopPolling();
    server.close();
    // crawls in progress end first: what they send is written to the catalogue until then
    await stopCrawls();
    // the demo's feeds and partner key are written to the catalogue before it closes
    await demoSetUp.catch(() => {});
    await demoSites?.close();
    await services.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop('SIGINT'));
  process.once('SIGTERM', () => void stop('SIGTERM'));
  // supervisors signal the npm process; `npx` runs us under a shell that dies of the signal without passing it on
  if (env.npm_command) whenParentExits(() => void stop('npm exited'));

  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : env.PORT;
  const url = serverUrl(env, port);
  console.log(`Shortlist is running: ${url}`);
  console.log(
    `${services.store.countCourses()} courses in the catalogue; crawling ${sources.length} sources as they fall due.`,
  );

  if (demo) {
    demoSetUp = setUpDemoFeeds(services.store, url);
    // a failure while stopping is moot: the stop cleans up and exits
    await demoSetUp.catch((error: unknown) => {
      if (!stopping) throw error;
    });
  }
  if (stopping) return;
  stopPolling = poller.start();
  stopCrawls = scheduleCrawls(sources, services, userAgent(env));
}
