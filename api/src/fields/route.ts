import { createRoute, z } from '@hono/zod-openapi';
import type { SearchIndex } from '@shortlist/indexer';
import { FieldTree, ISCED_F } from '@shortlist/schemas';
import { apiRoutes, errorResponses } from '../declared-routes.ts';
import { quote } from '../search/filter.ts';
import { fieldTree } from './tree.ts';

const route = createRoute({
  method: 'get',
  path: '/',
  summary:
    'The ISCED-F 2013 fields of education, broad → narrow → detailed, with course counts, for browsing',
  request: { query: z.object({}).strict() },
  responses: {
    200: { description: 'The tree', content: { 'application/json': { schema: FieldTree } } },
    ...errorResponses(400, 503),
  },
});

/** The index attribute that holds the codes of each level: broad, narrow, detailed. */
const LEVELS = ['broadFields', 'narrowFields', 'detailedFields'] as const;
const BROAD_CODES = ISCED_F.filter((field) => field.code.length === 2).map((field) => field.code);

/**
 * Course counts for every code, exact. One search counts the three levels; a level with more codes than a facet
 * lists is counted again: broad codes one by one, narrower ones a query per code of the level above.
 */
async function countFields(index: SearchIndex) {
  const { facetValues, exactTotalUpTo } = index.limits;
  const count = { indexUid: index.uid, q: '', page: 1, hitsPerPage: 0 };
  const [all, unclassified] = (
    await index.client.multiSearch({
      queries: [
        { ...count, facets: [...LEVELS] },
        { ...count, filter: 'fields IS EMPTY OR fields NOT EXISTS' },
      ],
    })
  ).results;
  const counts = new Map<string, number>();
  let complete = true;
  for (const [level, attribute] of LEVELS.entries()) {
    const distribution = all!.facetDistribution?.[attribute] ?? {};
    if (Object.keys(distribution).length <= facetValues) {
      for (const [code, courses] of Object.entries(distribution)) counts.set(code, courses);
      continue;
    }
    const parents =
      level === 0 ? BROAD_CODES : [...counts.keys()].filter((code) => code.length === level + 1);
    const { results } = await index.client.multiSearch({
      queries: parents.map((parent) => ({
        ...count,
        filter: `${LEVELS[Math.max(level - 1, 0)]} = ${quote(parent)}`,
        facets: level === 0 ? [] : [attribute],
      })),
    });
    results.forEach((result, n) => {
      if (level === 0) {
        if (result.totalHits) counts.set(parents[n]!, result.totalHits);
        return;
      }
      const codes = Object.entries(result.facetDistribution?.[attribute] ?? {});
      // the codes of other fields that the same courses have can crowd this field's own out of a long list
      if (codes.length > facetValues) complete = false;
      for (const [code, courses] of codes) if (code.startsWith(parents[n]!)) counts.set(code, courses);
    });
  }
  const total = all!.totalHits ?? 0;
  return {
    total,
    totalIsLowerBound: total >= exactTotalUpTo,
    unclassified: unclassified!.totalHits ?? 0,
    complete,
    counts,
  };
}

export function fieldRoutes(index: SearchIndex) {
  return apiRoutes().openapi(route, async (c) => {
    const { counts, ...totals } = await countFields(index);
    return c.json({ ...totals, fields: fieldTree(counts) }, 200);
  });
}
