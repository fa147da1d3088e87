import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { z } from 'zod';
import { isEngineUnavailable } from '@shortlist/indexer';
import type { ApiError } from '@shortlist/schemas';

/** What a client is told to wait before asking again while search is down. */
export const RETRY_AFTER_SECONDS = 5;

export function apiError(
  status: ContentfulStatusCode,
  message: string,
  parameter?: string,
  headers?: Record<string, string>,
): HTTPException {
  const body: ApiError = { error: { status, message, ...(parameter ? { parameter } : {}) } };
  return new HTTPException(status, { res: Response.json(body, { status, headers }) });
}

/** The 400 for input its schema refuses: names the parameter and says what is expected. */
export function invalidInput(error: z.ZodError, input: unknown): HTTPException {
  const issue = error.issues[0]!;
  if (issue.code === 'unrecognized_keys') {
    const key = issue.keys[0]!;
    return apiError(400, `unknown parameter "${key}"; see /openapi.json for the parameters this endpoint takes`, key); // prettier-ignore
  }
  const parameter = String(issue.path[0] ?? 'input');
  const value = (input as Record<string, unknown> | undefined)?.[parameter];
  if (Array.isArray(value) && value.length > 1)
    return apiError(
      400,
      `"${parameter}" is given ${value.length} times; give it once (several values go in one, comma-separated)`,
      parameter,
    );
  return apiError(400, `invalid value for "${parameter}": ${issue.message}`, parameter);
}

export function handleError(error: Error, c: Context): Response {
  if (error instanceof HTTPException) {
    return error.res ?? c.json({ error: { status: error.status, message: error.message } }, error.status);
  }
  if (isEngineUnavailable(error))
    return c.json(
      {
        error: {
          status: 503,
          message: `search is temporarily unavailable; try again in ${RETRY_AFTER_SECONDS} s`,
        },
      } satisfies ApiError,
      503,
      { 'retry-after': String(RETRY_AFTER_SECONDS) },
    );
  console.error(error);
  return c.json(
    { error: { status: 500, message: 'Internal error; it has been logged.' } } satisfies ApiError,
    500,
  );
}
