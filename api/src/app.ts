import { serveStatic } from '@hono/node-server/serve-static';
import { createRoute, z } from '@hono/zod-openapi';
import { secureHeaders } from 'hono/secure-headers';
import type { CatalogueStore, SearchIndex } from '@shortlist/indexer';
import { apiError, handleError } from './errors.ts';
import { apiRoutes } from './declared-routes.ts';
import { openApiDocument } from './openapi.ts';
import { partnerRoutes, type PartnerDeps } from './partner/routes.ts';
import { courseRoutes } from './routes/courses.ts';
import { crawlRoutes } from './routes/crawls.ts';
import { healthRoutes } from './routes/health.ts';
import { providerRoutes } from './routes/providers.ts';
import { searchRoutes } from './search/route.ts';

const documentRoute = createRoute({
  method: 'get',
  path: '/openapi.json',
  summary: 'This API described in OpenAPI 3.1',
  responses: {
    200: {
      description: 'The OpenAPI document',
      content: {
        'application/json': { schema: z.looseObject({ openapi: z.string(), paths: z.looseObject({}) }) },
      },
    },
  },
});

export interface AppDeps {
  store: CatalogueStore;
  index: SearchIndex;
  /** the built web frontend; omitted in API-only tests */
  webRoot?: string;
  /** partner feed settings, runner and upload folder; read from the environment when omitted */
  partner?: Omit<PartnerDeps, 'store'>;
  /** the clock searches count "starts within N days" from; the real one when omitted */
  now?: () => Date;
}

export function createApp({ store, index, webRoot, partner, now }: AppDeps) {
  const app = apiRoutes();
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

  app.route('/', healthRoutes(store, index));
  app.route('/v1/search', searchRoutes(index, now));
  app.route('/v1/courses', courseRoutes(store));
  app.route('/v1/crawls', crawlRoutes(store));
  app.route('/v1/providers', providerRoutes(store, index));
  app.route('/v1/partner', partnerRoutes({ store, ...partner }));
  // generated once, from the routes' schemas: they do not change while the server runs
  let document: ReturnType<typeof openApiDocument> | undefined;
  app.openapi(documentRoute, (c) => c.json((document ??= openApiDocument(app)), 200));
  app.all('/v1/*', () => {
    throw apiError(404, 'no such endpoint; see /openapi.json');
  });

  if (webRoot) {
    app.use('/*', serveStatic({ root: webRoot }));
  }
  return app;
}
