import { z } from 'zod';
import { SearchParams } from '@shortlist/schemas';

const ErrorResponse = {
  description: 'The one error shape: what was wrong and which parameter',
  content: {
    'application/json': {
      schema: {
        type: 'object',
        properties: {
          error: {
            type: 'object',
            properties: {
              status: { type: 'integer' },
              message: { type: 'string' },
              parameter: { type: 'string' },
            },
            required: ['status', 'message'],
          },
        },
      },
    },
  },
};

/** Query parameters straight from the zod schema that validates them, so the two cannot drift. */
function queryParameters(schema: z.ZodType) {
  const json = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as {
    properties: Record<string, object>;
  };
  return Object.entries(json.properties).map(([name, property]) => ({
    name,
    in: 'query',
    required: false,
    schema: property,
  }));
}

const json = (description: string) => ({
  description,
  content: { 'application/json': { schema: { type: 'object' } } },
});

export function openApiDocument() {
  return {
    openapi: '3.1.0',
    info: {
      title: 'Shortlist API',
      version: '0.1.0',
      description: 'Search and compare short courses and micro-credentials, normalised from many providers.',
    },
    paths: {
      '/v1/search': {
        get: {
          summary: 'Search courses with filters and facets',
          parameters: queryParameters(SearchParams),
          responses: { 200: json('{ total, page, perPage, hits, facets, rates }'), 400: ErrorResponse },
        },
      },
      '/v1/courses/{id}': {
        get: {
          summary:
            'One course: the normalised fact sheet, the provider’s own words, price history and sources',
          parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }],
          responses: { 200: json('The course'), 404: ErrorResponse },
        },
      },
      '/v1/providers': {
        get: {
          summary: 'Providers with course count, median cost, fields, modes and completeness',
          responses: { 200: json('{ total, providers }'), 400: ErrorResponse },
        },
      },
      '/v1/providers/{id}': {
        get: {
          summary: 'One provider with its statistics',
          parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }],
          responses: { 200: json('The provider'), 404: ErrorResponse },
        },
      },
      '/health': {
        get: {
          summary: 'Catalogue size and search availability',
          responses: { 200: json('{ status, courses, search }') },
        },
      },
    },
  };
}
