import { Hono } from 'hono';
import type { CatalogueStore } from '@shortlist/indexer';
import { fieldName, RATES_DATE } from '@shortlist/schemas';
import { apiError } from '../errors.ts';

export function courseRoutes(store: CatalogueStore) {
  return new Hono().get('/:id', (c) => {
    const id = c.req.param('id');
    const course = store.getCourse(id);
    if (!course) throw apiError(404, `no course with id "${id}"; ids come from /v1/search results`, 'id');
    const history = store.getHistory(course.id);
    return c.json({
      ...course,
      provider: store.getProvider(course.providerId) ?? null,
      fieldNames: Object.fromEntries(course.fields.map((code) => [code, fieldName(code) ?? code])),
      priceHistory: history
        .filter((entry) => entry.field === 'cost')
        .map((entry) => ({ at: entry.at, ...(entry.new as object) })),
      history,
      sources: store.getRecords(course.id).map(({ recordId, joinedBy, course: record }) => ({
        recordId,
        joinedBy,
        source: record.source,
        url: record.sourceUrl,
        fetchedAt: record.fetchedAt,
        status: record.status,
      })),
      rates: { date: RATES_DATE },
    });
  });
}
