import type { Context, MiddlewareHandler } from 'hono';

/** Where access-log lines go; the server writes them to stdout, tests collect them or drop them. */
export type LogLine = (line: string) => void;

/**
 * One line per request, once it is answered: method, path, status, milliseconds and request id. The query
 * string is left out: it holds what people search for, and nothing in it is needed to follow a request.
 */
export function accessLog({ log }: { log: LogLine }): MiddlewareHandler {
  return async function accessLog(c: Context, next) {
    const started = performance.now();
    await next();
    const ms = (performance.now() - started).toFixed(1);
    // the path as sent, still percent-encoded: a request cannot write a line break into the log
    const path = new URL(c.req.url).pathname.slice(0, 300);
    log(`${c.req.method} ${path} ${c.res.status} ${ms}ms id=${String(c.get('requestId'))}`);
  };
}

/**
 * Log lines written together, those of one turn of the event loop in one write: under load, one system call for many
 * requests instead of one each (writes to a pipe or a file are synchronous in Node). The server writes to stdout so.
 */
export function batchedLines(write: (text: string) => void): LogLine {
  let pending: string[] = [];
  const flush = () => {
    write(`${pending.join('\n')}\n`);
    pending = [];
  };
  return (line) => {
    if (pending.push(line) === 1) setImmediate(flush);
  };
}
