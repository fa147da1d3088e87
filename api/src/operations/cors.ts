import type { MiddlewareHandler } from 'hono';
import { cors } from 'hono/cors';

/** Headers a page on another origin may read from an answer. */
const EXPOSED = ['X-Request-Id', 'Content-Disposition', 'X-Rates-Date', 'X-Export-Truncated'];
const EXPOSED_LIST = EXPOSED.join(',');

const isPartnerPath = (path: string) => path === '/v1/partner' || path.startsWith('/v1/partner/');

/**
 * Lets pages on any origin read the public, read-only routes (search, courses, providers, compare, export, feeds,
 * the document). The partner routes are left out: they take a key and write, and belong to the partner page.
 * Preflights are Hono's; on other requests the two headers go on the answer once it is made, because Hono's
 * middleware sets them on a response made before the handler's, which then turns the handler's lightweight answer
 * into a full web Response with a body stream, about a tenth of a search's CPU (docs/benchmarks.md).
 */
export function publicCors(): MiddlewareHandler {
  const preflight = cors({ origin: '*', allowMethods: ['GET', 'HEAD'], exposeHeaders: EXPOSED, maxAge: 600 });
  return async function publicCors(c, next) {
    if (isPartnerPath(c.req.path)) return next();
    if (c.req.method === 'OPTIONS') return preflight(c, next);
    await next();
    c.res.headers.set('Access-Control-Allow-Origin', '*');
    c.res.headers.set('Access-Control-Expose-Headers', EXPOSED_LIST);
  };
}
