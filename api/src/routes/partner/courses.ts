import { Hono } from 'hono';
import type { CatalogueStore } from '@shortlist/indexer';
import { apiError } from '../../errors.ts';
import type { PartnerVariables } from './auth.ts';

/** The partner's own listings: read them, or take one down. Another provider's listing is refused (403). */
export function courseRoutes(store: CatalogueStore) {
  return new Hono<{ Variables: PartnerVariables }>()
    .get('/', (c) => {
      return c.json({ courses: store.providerListings(c.get('provider').id) });
    })
    .delete('/:id', async (c) => {
      const id = c.req.param('id');
      const provider = c.get('provider');
      const course = store.getCourse(id);
      if (!course) throw apiError(404, `No course "${id}"; GET /v1/partner/courses lists yours.`, 'id');
      if (course.providerId !== provider.id)
        throw apiError(
          403,
          `Course "${id}" belongs to provider "${course.providerId}"; your key may only change courses of "${provider.id}". Nothing was changed.`,
          'id',
        );
      await store.writable();
      store.takeDown(provider.id, course.id);
      return c.json({ id: course.id, status: store.getCourse(course.id)!.status });
    });
}
