import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';

/** The one error shape every endpoint answers with. */
export interface ApiErrorBody {
  error: { status: number; message: string; parameter?: string };
}

export function apiError(
  status: ContentfulStatusCode,
  message: string,
  parameter?: string,
  headers?: Record<string, string>,
): HTTPException {
  const body: ApiErrorBody = { error: { status, message, ...(parameter ? { parameter } : {}) } };
  return new HTTPException(status, { res: Response.json(body, { status, headers }) });
}

export function handleError(error: Error, c: Context): Response {
  if (error instanceof HTTPException) {
    return error.res ?? c.json({ error: { status: error.status, message: error.message } }, error.status);
  }
  console.error(error);
  return c.json(
    { error: { status: 500, message: 'Internal error; it has been logged.' } } satisfies ApiErrorBody,
    500,
  );
}
