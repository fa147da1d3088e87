import { Hono } from 'hono';
import { z } from 'zod';
import {
  providerDocuments,
  type CatalogueStore,
  type ProviderDocument,
  type SearchIndex,
} from '@shortlist/indexer';
import { ProviderType } from '@shortlist/schemas';
import { apiError } from '../errors.ts';
import { quote } from '../search/filter.ts';

const ProviderParams = z
  .object({
    q: z.string().max(200).default(''),
    type: ProviderType.optional(),
    country: z
      .string()
      .regex(/^[A-Z]{2}$/, 'an ISO 3166-1 alpha-2 code such as "GB"')
      .optional(),
    sort: z.enum(['name', 'courseCount:desc', 'medianCost:asc', 'completeness:desc']).default('name'),
  })
  .strict();

function parse(query: Record<string, string>) {
  const parsed = ProviderParams.safeParse(query);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0]!;
  const parameter = issue.code === 'unrecognized_keys' ? issue.keys[0]! : String(issue.path[0]);
  throw apiError(400, `invalid parameter "${parameter}": ${issue.message}`, parameter);
}

/** Providers with the statistics advisers compare: course count, median cost, fields, modes, completeness. */
export function providerRoutes(store: CatalogueStore, index: SearchIndex) {
  return new Hono()
    .get('/', async (c) => {
      const params = parse(c.req.query());
      const filter = [
        params.type && `type = ${quote(params.type)}`,
        params.country && `country = ${quote(params.country)}`,
      ].filter((clause): clause is string => Boolean(clause));
      const result = await index.client.index<ProviderDocument>(index.providersUid).search(params.q, {
        filter,
        sort: [params.sort === 'name' ? 'name:asc' : params.sort],
        limit: 1000,
      });
      return c.json({ total: result.estimatedTotalHits, providers: result.hits });
    })
    .get('/:id', (c) => {
      const id = c.req.param('id');
      const provider = store.getProvider(id);
      if (!provider) throw apiError(404, `no provider with id "${id}"; ids come from /v1/providers`, 'id');
      return c.json(providerDocuments(store, [provider])[0]);
    });
}
