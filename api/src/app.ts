import { Hono } from 'hono';
import { serveStatic } from '@hono/node-server/serve-static';
import { secureHeaders } from 'hono/secure-headers';
import type { CatalogueStore, SearchIndex } from '@shortlist/indexer';
import { apiError, handleError } from './errors.ts';
import { openApiDocument } from './openapi.ts';
import { partnerRoutes, type PartnerDeps } from './partner/routes.ts';
import { courseRoutes } from './routes/courses.ts';
import { crawlRoutes } from './routes/crawls.ts';
import { providerRoutes } from './routes/providers.ts';
import { searchRoutes } from './search/route.ts';

export interface AppDeps {
  store: CatalogueStore;
  index: SearchIndex;
  /** the built web frontend; omitted in API-only tests */
  webRoot?: string;
  /** partner feed settings, runner and upload folder; read from the environment when omitted */
  partner?: Omit<PartnerDeps, 'store'>;
}

export function createApp({ store, index, webRoot, partner }: AppDeps) {
  const app = new Hono();
  app.use(
    secureHeaders({
      contentSecurityPolicy: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        frameAncestors: ["'none'"],
      },
    }),
  );
  app.onError(handleError);

  app.get('/health', async (c) => {
    const search = await index.client.health().then(
      () => 'available' as const,
      () => 'unavailable' as const,
    );
    return c.json(
      { status: 'ok', courses: store.countCourses(), search },
      search === 'available' ? 200 : 503,
    );
  });
  app.get('/openapi.json', (c) => c.json(openApiDocument()));
  app.route('/v1/search', searchRoutes(index));
  app.route('/v1/courses', courseRoutes(store));
  app.route('/v1/crawls', crawlRoutes(store));
  app.route('/v1/providers', providerRoutes(store, index));
  app.route('/v1/partner', partnerRoutes({ store, ...partner }));
  app.all('/v1/*', () => {
    throw apiError(404, 'no such endpoint; see /openapi.json');
  });

  if (webRoot) {
    app.use('/*', serveStatic({ root: webRoot }));
  }
  return app;
}
