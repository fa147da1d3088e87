import { createRoute, z } from '@hono/zod-openapi';
import type { CatalogueStore } from '@shortlist/indexer';
import { CourseDetail, fieldName, RATES_DATE, type PricePoint } from '@shortlist/schemas';
import { apiError } from '../errors.ts';
import { apiRoutes, errorResponses } from '../declared-routes.ts';

const route = createRoute({
  method: 'get',
  path: '/{id}',
  summary: 'One course: the normalised fact sheet, the provider’s own words, price history and sources',
  request: { params: z.object({ id: z.string().max(200) }) },
  responses: {
    200: { description: 'The course', content: { 'application/json': { schema: CourseDetail } } },
    ...errorResponses(404),
  },
});

export function courseRoutes(store: CatalogueStore) {
  return apiRoutes().openapi(route, (c) => {
    const { id } = c.req.valid('param');
    const course = store.getCourse(id);
    if (!course) throw apiError(404, `no course with id "${id}"; ids come from /v1/search results`, 'id');
    const history = store.getHistory(course.id);
    return c.json(
      {
        ...course,
        provider: store.getProvider(course.providerId) ?? null,
        fieldNames: Object.fromEntries(course.fields.map((code) => [code, fieldName(code) ?? code])),
        priceHistory: history
          .filter((entry) => entry.field === 'cost')
          .map((entry) => ({ at: entry.at, ...(entry.new as Omit<PricePoint, 'at'>) })),
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
      },
      200,
    );
  });
}
