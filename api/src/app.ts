import { serveStatic } from '@hono/node-server/serve-static';
import { createRoute, z } from '@hono/zod-openapi';
import { secureHeaders } from 'hono/secure-headers';
import type { CatalogueStore, SearchIndex } from '@shortlist/indexer';
import { apiError, handleError } from './errors.ts';
import { apiRoutes } from './declared-routes.ts';
import { atomRoutes } from './atom/route.ts';
import { compareRoutes } from './compare/route.ts';
import { docsRoutes } from './docs/route.ts';
import { exportRoutes } from './export/route.ts';
import { fieldRoutes } from './fields/route.ts';
import { openApiDocument } from './openapi.ts';
import { accessLog, type LogLine } from './operations/access-log.ts';
import { publicCors } from './operations/cors.ts';
import { requestIds } from './operations/request-id.ts';
import { ApiMetrics } from './operations/metrics.ts';
import { metricsRoutes } from './operations/metrics-route.ts';
import { partnerRoutes, type PartnerDeps } from './routes/partner/index.ts';
import { courseRoutes } from './routes/courses.ts';
import { crawlRoutes } from './routes/crawls.ts';
import { healthRoutes } from './routes/health.ts';
import { providerRoutes } from './routes/providers.ts';
import { searchRoutes } from './search/route.ts';
import { searchAvailability } from './search-availability.ts';

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
  /** where the access log goes, a line per request; none when omitted (tests) */
  log?: LogLine;
  /** the clock that dates files and feeds and that searches count "starts within N days" from; the real one when omitted */
  now?: () => Date;
  /** where a search outage is reported, once when it starts and once when it ends */
  searchLog?: (line: string) => void;
}

export function createApp({
  store,
  index,
  webRoot,
  partner,
  log,
  now = () => new Date(),
  searchLog,
}: AppDeps) {
  const app = apiRoutes();
  const metrics = new ApiMetrics(store, index);
  app.use(requestIds());
  if (log) app.use(accessLog({ log }));
  app.use(metrics.recordRequests());
  app.use(publicCors());
  app.use(searchAvailability(() => index.client.health(), searchLog));
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

  app.route('/', healthRoutes(store, index));
  app.route('/', metricsRoutes(metrics));
  app.route('/v1/search', searchRoutes(index, now));
  app.route('/v1/search.atom', atomRoutes(index, now));
  app.route('/v1/courses', courseRoutes(store));
  app.route('/v1/crawls', crawlRoutes(store));
  app.route('/v1/providers', providerRoutes(store, index));
  app.route('/v1/compare', compareRoutes(store, index, now));
  app.route('/v1/fields', fieldRoutes(index));
  app.route('/v1/export', exportRoutes(index, now));
  app.route('/v1/partner', partnerRoutes({ store, ...partner }));
  // generated once, from the routes' schemas: they do not change while the server runs
  let document: ReturnType<typeof openApiDocument> | undefined;
  const theDocument = () => (document ??= openApiDocument(app));
  app.openapi(documentRoute, (c) => c.json(theDocument(), 200));
  app.route('/', docsRoutes(theDocument));
  app.all('/v1/*', () => {
    throw apiError(404, 'no such endpoint; see /openapi.json');
  });

  if (webRoot) {
    app.use('/*', serveStatic({ root: webRoot }));
  }
  return app;
}
