import { serve } from '@hono/node-server';
import { fileURLToPath } from 'node:url';
import { existsSync } from 'node:fs';
import { loadSources } from '@shortlist/crawler';
import type { Source } from '@shortlist/schemas';
import { createApp } from '../app.ts';
import type { ApiEnv } from '../env.ts';
import { openServices } from '../services.ts';
import { scheduleCrawls } from './crawl-schedule.ts';
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

  const app = createApp({ ...services, webRoot: WEB_ROOT });
  const server = serve({ fetch: app.fetch, port: env.PORT, hostname: env.HOST });
  await new Promise<void>((resolve, reject) => {
    server.once('listening', resolve);
    server.once('error', reject);
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : env.PORT;
  const host = env.HOST === '127.0.0.1' || env.HOST === '0.0.0.0' ? 'localhost' : env.HOST;
  console.log(`Shortlist is running: http://${host}:${port}`);
  console.log(
    `${services.store.countCourses()} courses in the catalogue; crawling ${sources.length} sources as they fall due.`,
  );

  const stopCrawls = scheduleCrawls(sources, services, userAgent(env));
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`${signal}: stopping…`);
    stopCrawls();
    server.close();
    await demoSites?.close();
    await services.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop('SIGINT'));
  process.once('SIGTERM', () => void stop('SIGTERM'));
}
