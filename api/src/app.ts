import { Hono } from 'hono';
import { serveStatic } from '@hono/node-server/serve-static';
import { secureHeaders } from 'hono/secure-headers';
import type { CatalogueStore, SearchIndex } from '@shortlist/indexer';
import { apiError, handleError } from './errors.ts';
import { openApiDocument } from './openapi.ts';
import { partnerRoutes, type PartnerDeps } from './routes/partner/index.ts';
import { courseRoutes } from './routes/courses.ts';
import { crawlRoutes } from './routes/crawls.ts';
import { providerRoutes } from './routes/providers.ts';
import { searchRoutes } from './routes/search.ts';
import { SearchAvailability } from './search-availability.ts';

export interface AppDeps {
  store: CatalogueStore;
  index: SearchIndex;
  /** the built web frontend; omitted in API-only tests */
  webRoot?: string;
  /** partner feed settings, runner and upload folder; read from the environment when omitted */
  partner?: Omit<PartnerDeps, 'store'>;
  /** where a search outage is reported, once when it starts and once when it ends */
  log?: (line: string) => void;
}

export function createApp({ store, index, webRoot, partner, log }: AppDeps) {
  const app = new Hono();
  const search = new SearchAvailability(log);
  app.use(
    secureHeaders({
      contentSecurityPolicy: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        frameAncestors: ["'none'"],
        // an injected <base> or <form> cannot send relative URLs or form data elsewhere
        baseUri: ["'none'"],
        formAction: ["'self'"],
      },
    }),
  );
  app.onError(handleError);

  app.get('/health', async (c) => {
    const answered = await search
      .reach(() => index.client.health())
      .then(
        () => true,
        () => false,
      );
    return c.json(
      {
        status: answered ? 'ok' : 'degraded',
        courses: store.countCourses(),
        search: answered ? 'available' : 'unavailable',
      },
      answered ? 200 : 503,
    );
  });
  app.get('/openapi.json', (c) => c.json(openApiDocument()));
  app.route('/v1/search', searchRoutes(index, search));
  app.route('/v1/courses', courseRoutes(store));
  app.route('/v1/crawls', crawlRoutes(store));
  app.route('/v1/providers', providerRoutes(store, index, search));
  app.route('/v1/partner', partnerRoutes({ store, ...partner }));
  app.all('/v1/*', () => {
    throw apiError(404, 'no such endpoint; see /openapi.json');
  });

  if (webRoot) {
    app.use('/*', serveStatic({ root: webRoot }));
  }
  return app;
}
