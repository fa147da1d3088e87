import type { MiddlewareHandler } from 'hono';

/** An incoming id a proxy set: up to 128 letters, digits, _ - =, so it cannot break a log line or a header. */
const SANE_ID = /^[\w\-=]{1,128}$/;

/**
 * An X-Request-Id on every answer, errors included: the caller's own when it is sane, else a new UUID. Available to
 * later middleware as `c.get('requestId')`. The header goes on the answer once it is made, whatever made it (a
 * handler's Response, a stream, an error), without turning a lightweight answer into a full one (see cors.ts).
 */
export function requestIds(): MiddlewareHandler {
  return async function requestIds(c, next) {
    const incoming = c.req.header('X-Request-Id');
    const id = incoming && SANE_ID.test(incoming) ? incoming : crypto.randomUUID();
    c.set('requestId', id);
    await next();
    c.res.headers.set('X-Request-Id', id);
  };
}
