import type { OpenAPIHono } from '@hono/zod-openapi';
import { z } from 'zod';
import { FeedOptionFields, FeedReport, FeedUrlRequest } from '@shortlist/schemas';

const ErrorResponse = {
  description: 'The one error shape: what was wrong and which parameter',
  content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
};

const jsonSchema = (schema: z.ZodType, io: 'input' | 'output' = 'input') =>
  z.toJSONSchema(schema, { io, unrepresentable: 'any' }) as { properties: Record<string, object> };

/** Query parameters straight from the zod schema that validates them, so the two cannot drift. */
function queryParameters(schema: z.ZodType) {
  return Object.entries(jsonSchema(schema).properties).map(([name, property]) => ({
    name,
    in: 'query',
    required: false,
    schema: property,
    ...('description' in property ? { description: property.description } : {}),
  }));
}

const json = (description: string, schema: object = { type: 'object' }) => ({
  description,
  content: { 'application/json': { schema } },
});
const feedReport = (description: string) => json(description, jsonSchema(FeedReport, 'output'));

/**
 * /openapi.json: generated from the zod schemas in `@shortlist/schemas` that the routes are declared with
 * (parameters and responses), plus the partner routes written out below.
 */
export function openApiDocument(app: OpenAPIHono) {
  const generated = app.getOpenAPI31Document({
    openapi: '3.1.0',
    info: {
      title: 'Shortlist API',
      version: '0.1.0',
      description: 'Search and compare short courses and micro-credentials, normalised from many providers.',
    },
  });
  return {
    ...generated,
    components: {
      ...generated.components,
      securitySchemes: {
        partnerKey: { type: 'http', scheme: 'bearer', description: 'A partner API key (slk_…)' },
      },
    },
    paths: {
      ...generated.paths,
      '/v1/partner/template.csv': {
        get: {
          summary: 'The CSV feed template, one example row per common case',
          responses: { 200: { description: 'CSV' } },
        },
      },
      ...partnerPaths(),
    },
  };
}

const bearer = [{ partnerKey: [] }];
const id = (name: string) => ({ name, in: 'path', required: true, schema: { type: 'string' } });
const partnerResponses = (ok: string) => ({
  200: json(ok),
  401: ErrorResponse,
  403: ErrorResponse,
  // too many refused keys from the caller's address; Retry-After says when to try again
  429: ErrorResponse,
});

/** The partner endpoints; every one needs `Authorization: Bearer <partner key>`. */
function partnerPaths() {
  return {
    '/v1/partner/me': {
      get: {
        summary: 'The partner and provider this key belongs to',
        security: bearer,
        responses: partnerResponses('{ partner, provider }'),
      },
    },
    '/v1/partner/feeds': {
      post: {
        summary:
          'Submit a feed (CSV, JSON, schema.org, CTDL, ELM); small feeds answer with the report, large ones with 202 and a job',
        security: bearer,
        // as query parameters, or as form fields next to the file
        parameters: queryParameters(FeedOptionFields),
        responses: {
          ...partnerResponses('The feed report'),
          200: feedReport('The feed report'),
          202: json('{ jobId, status }'),
          400: ErrorResponse,
          413: ErrorResponse,
        },
      },
      get: {
        summary: 'Feed history, newest first',
        security: bearer,
        responses: partnerResponses('{ feeds }'),
      },
    },
    '/v1/partner/feeds/{jobId}': {
      get: {
        summary: 'A feed job: status and report',
        security: bearer,
        parameters: [id('jobId')],
        responses: { ...partnerResponses('The report'), 200: feedReport('The report'), 404: ErrorResponse },
      },
    },
    '/v1/partner/feeds/{jobId}/annotated.csv': {
      get: {
        summary: 'The feed as sent, with an added errors column',
        security: bearer,
        parameters: [id('jobId')],
        responses: { 200: { description: 'CSV' } },
      },
    },
    '/v1/partner/courses': {
      get: {
        summary: 'The provider’s listings',
        security: bearer,
        responses: partnerResponses('{ courses }'),
      },
    },
    '/v1/partner/courses/{id}': {
      delete: {
        summary: 'Withdraw one of the provider’s listings',
        security: bearer,
        parameters: [id('id')],
        responses: { ...partnerResponses('The withdrawn course'), 404: ErrorResponse },
      },
    },
    '/v1/partner/feed-urls': {
      post: {
        summary: 'Register a feed URL, polled on a schedule with conditional GET',
        security: bearer,
        requestBody: {
          required: true,
          content: { 'application/json': { schema: jsonSchema(FeedUrlRequest) } },
        },
        responses: { ...partnerResponses('The feed URL'), 400: ErrorResponse },
      },
      get: {
        summary: 'Registered feed URLs with their last fetch',
        security: bearer,
        responses: partnerResponses('{ feedUrls }'),
      },
    },
    '/v1/partner/feed-urls/{id}': {
      delete: {
        summary: 'Stop polling a feed URL',
        security: bearer,
        parameters: [id('id')],
        responses: partnerResponses('Deleted'),
      },
    },
    '/v1/partner/feed-urls/{id}/poll': {
      post: {
        summary: 'Fetch a feed URL now and wait for the report',
        security: bearer,
        parameters: [id('id')],
        responses: partnerResponses('The report'),
      },
    },
  };
}
