import { Hono } from 'hono';
import type { CatalogueStore } from '@shortlist/indexer';
import { fieldName, RATES_DATE } from '@shortlist/schemas';
import { apiError } from '../errors.ts';

export function courseRoutes(store: CatalogueStore) {
  return new Hono().get('/:id', (c) => {
    const id = c.req.param('id');
    const course = store.getCourse(id);
    if (!course) throw apiError(404, `no course with id "${id}"; ids come from /v1/search results`, 'id');
    return c.json({
      ...course,
      provider: store.getProvider(course.providerId) ?? null,
      fieldNames: Object.fromEntries(course.fields.map((code) => [code, fieldName(code) ?? code])),
      rates: { date: RATES_DATE },
    });
  });
}
