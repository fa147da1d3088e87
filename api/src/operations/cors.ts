import type { MiddlewareHandler } from 'hono';
import { cors } from 'hono/cors';

/** Headers a page on another origin may read from an answer. */
const EXPOSED = ['X-Request-Id', 'Content-Disposition', 'X-Rates-Date', 'X-Export-Truncated'];

/**
 * Lets pages on any origin read the public, read-only routes (search, courses, providers, compare, export, feeds,
 * the document). The partner routes are left out: they take a key and write, and belong to the partner page.
 */
export function publicCors(): MiddlewareHandler {
  const allow = cors({ origin: '*', allowMethods: ['GET', 'HEAD'], exposeHeaders: EXPOSED, maxAge: 600 });
  return async function publicCors(c, next) {
    if (c.req.path === '/v1/partner' || c.req.path.startsWith('/v1/partner/')) return next();
    return allow(c, next);
  };
}
