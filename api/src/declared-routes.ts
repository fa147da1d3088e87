import { OpenAPIHono, type Hook } from '@hono/zod-openapi';
import type { Env } from 'hono';
import { ApiError } from '@shortlist/schemas';
import { invalidInput } from './errors.ts';

const rejectInvalidInput: Hook<unknown, Env, string, unknown> = (result, c) => {
  if (!result.success)
    throw invalidInput(result.error, result.target === 'query' ? c.req.queries() : c.req.param());
};

/** A group of routes declared with their zod schemas: input is validated, and /openapi.json documents them. */
export const apiRoutes = () => new OpenAPIHono({ defaultHook: rejectInvalidInput });

/** The documented error answers of a route, by status. */
export function errorResponses<Status extends number>(...statuses: Status[]) {
  const content = { 'application/json': { schema: ApiError } };
  const response = (status: number) => ({
    description:
      status === 503
        ? 'Search is temporarily unavailable; the Retry-After header says when to ask again'
        : 'What was wrong and, for bad input, which parameter',
    content,
  });
  return Object.fromEntries(statuses.map((status) => [status, response(status)])) as Record<
    Status,
    ReturnType<typeof response>
  >;
}
