import { createRoute, z } from '@hono/zod-openapi';
import type { CatalogueStore, SearchIndex } from '@shortlist/indexer';
import { csvLine } from '@shortlist/crawler/feeds';
import { CompareParams, Comparison, RATES_DATE, type Course, type Provider } from '@shortlist/schemas';
import { apiError } from '../errors.ts';
import { apiRoutes, errorResponses } from '../declared-routes.ts';
import { attachment } from '../export/attachment.ts';
import { compareCourses } from './course-facts.ts';
import { compareProviders } from './provider-facts.ts';

const route = createRoute({
  method: 'get',
  path: '/',
  summary:
    'Compare 2–4 courses or 2–4 providers: the facts aligned, differences flagged; as JSON or a CSV file',
  request: { query: CompareParams },
  responses: {
    200: {
      description:
        'The comparison. As CSV: a row per fact, a column per course or provider (by id), and a last row with the date of the exchange-rate table',
      content: { 'application/json': { schema: Comparison }, 'text/csv': { schema: z.string() } },
    },
    ...errorResponses(400, 404, 503),
  },
});

const listed = (ids: string[]) => ids.map((id) => `"${id}"`).join(', ');

function findCourses(
  store: CatalogueStore,
  ids: string[],
): { course: Course; provider: Provider | undefined }[] {
  const found = ids.map((id) => ({ id, course: store.getCourse(id) }));
  const unknown = found.filter((entry) => !entry.course).map((entry) => entry.id);
  if (unknown.length)
    throw apiError(404, `no course with id ${listed(unknown)}; ids come from /v1/search results`, 'courses');
  // a record id merged into another listing finds that listing: two ids may name one course
  const seen = new Map<string, string>();
  for (const { id, course } of found) {
    const twin = seen.get(course!.id);
    if (twin) throw apiError(400, `"${twin}" and "${id}" are the same course; compare different courses`, 'courses'); // prettier-ignore
    seen.set(course!.id, id);
  }
  return found.map(({ course }) => ({ course: course!, provider: store.getProvider(course!.providerId) }));
}

function findProviders(store: CatalogueStore, ids: string[]): Provider[] {
  const found = ids.map((id) => ({ id, provider: store.getProvider(id) }));
  const unknown = found.filter((entry) => !entry.provider).map((entry) => entry.id);
  if (unknown.length)
    throw apiError(404, `no provider with id ${listed(unknown)}; ids come from /v1/providers`, 'providers');
  return found.map((entry) => entry.provider!);
}

/** The comparison as a CSV table: a row per fact, a column per compared id, and whether the values differ. */
function comparisonCsv(comparison: Comparison): string {
  const items = comparison.kind === 'courses' ? comparison.courses : comparison.providers;
  const lines = [csvLine(['fact', ...items.map((item) => item.id), 'differs'])];
  if (comparison.kind === 'courses') {
    lines.push(csvLine(['Title', ...comparison.courses.map((course) => course.title), '']));
    lines.push(csvLine(['URL', ...comparison.courses.map((course) => course.url), '']));
  }
  for (const fact of comparison.facts)
    lines.push(csvLine([fact.label, ...fact.values.map((cell) => cell.value), fact.differs ? 'yes' : 'no']));
  lines.push(csvLine(['Exchange rates of', ...items.map(() => comparison.rates.date), 'no']));
  return lines.join('');
}

export function compareRoutes(store: CatalogueStore, index: SearchIndex, now: () => Date) {
  return apiRoutes().openapi(route, async (c) => {
    const params = c.req.valid('query');
    const comparison: Comparison = params.courses
      ? compareCourses(findCourses(store, params.courses))
      : compareProviders(await index.providerStatistics(findProviders(store, params.providers!)));
    if (params.format === 'json') return c.json(comparison, 200);
    return c.text(comparisonCsv(comparison), 200, {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': attachment(`shortlist-compare-${comparison.kind}`, now(), 'csv'),
      'X-Rates-Date': RATES_DATE,
    });
  });
}
