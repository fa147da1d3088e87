import { createRoute, z } from '@hono/zod-openapi';
import type { SearchIndex } from '@shortlist/indexer';
import { csvLine } from '@shortlist/crawler/feeds';
import {
  EXPORT_ROWS,
  ExportDocument,
  ExportParams,
  RATES_DATE,
  REFERENCE_CURRENCY,
  type ExportedCourse,
  type SearchHit,
} from '@shortlist/schemas';
import { apiRoutes, errorResponses } from '../declared-routes.ts';
import { toHit } from '../search/hit.ts';
import { planSearch, type HitDocument } from '../search/request.ts';
import { refusedSearch } from '../search/route.ts';
import { attachment } from './attachment.ts';
import { cellText, EXPORT_COLUMNS } from './columns.ts';

const route = createRoute({
  method: 'get',
  path: '/',
  summary: `The courses of a search as a file to download, in its order, the first ${EXPORT_ROWS.toLocaleString('en')} at most`,
  description:
    'Takes every search parameter (page and perPage aside: the export starts at the first result). The file is streamed. ' +
    'X-Export-Truncated says whether the search matched more; X-Rates-Date gives the date of the exchange-rate table, ' +
    'which the CSV also holds in its rates_date column and the JSON in `rates`. CSV cells that a spreadsheet would run ' +
    'as a formula start with an apostrophe.',
  request: { query: ExportParams },
  responses: {
    200: {
      description: 'The file',
      content: { 'text/csv': { schema: z.string() }, 'application/json': { schema: ExportDocument } },
    },
    ...errorResponses(400, 503),
  },
});

interface ExportLimits {
  /** the most courses a file holds */
  rows: number;
  /** courses asked of Meilisearch at a time */
  pageSize: number;
}

/** A search hit as an export holds it: without highlights, which have nothing to mark here. */
function exported(hit: HitDocument): ExportedCourse {
  const course: Omit<SearchHit, 'highlights'> & Partial<SearchHit> = toHit(hit);
  delete course.highlights;
  return course;
}

/** The search's courses a page at a time, the first `rows` at most: no more than a page is held at once. */
async function* searchPages(
  index: SearchIndex,
  params: ExportParams,
  today: Date,
  { rows, pageSize }: ExportLimits,
) {
  const main = planSearch(params, index.uid, today).request.queries[0]!;
  // the hits alone: no facet counts, no match positions
  const query = { ...main, facets: undefined, showMatchesPosition: false };
  for (let page = 1; (page - 1) * pageSize < rows; page++) {
    const { results } = await index.client
      .multiSearch<{ queries: [typeof query] }, HitDocument>({
        queries: [{ ...query, page, hitsPerPage: pageSize }],
      })
      .catch((error: unknown) => {
        throw refusedSearch(error) ?? error;
      });
    const result = results[0]!;
    const room = rows - (page - 1) * pageSize;
    const courses = result.hits.slice(0, room).map(exported);
    yield { courses, total: result.totalHits ?? 0 };
    if (result.hits.length < pageSize) return;
  }
}

const encoder = new TextEncoder();

/** A stream that writes each page as it arrives, asking for the next only once the reader wants more. */
function streamOf(
  first: string,
  pages: AsyncGenerator<{ courses: ExportedCourse[] }>,
  write: (courses: ExportedCourse[]) => string,
  last: string,
) {
  let started = false;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (!started) {
        started = true;
        return controller.enqueue(encoder.encode(first));
      }
      const next = await pages.next();
      if (next.done) {
        controller.enqueue(encoder.encode(last));
        return controller.close();
      }
      controller.enqueue(encoder.encode(write(next.value.courses)));
    },
    async cancel() {
      await pages.return(undefined);
    },
  });
}

const csvRows = (courses: ExportedCourse[]) =>
  courses
    .map((course) => csvLine(EXPORT_COLUMNS.map(([, read]) => cellText(read(course, RATES_DATE)))))
    .join('');

/** GET /v1/export: the current search as a CSV or JSON file, streamed. */
export function exportRoutes(
  index: SearchIndex,
  now: () => Date,
  limits: ExportLimits = { rows: EXPORT_ROWS, pageSize: 1000 },
) {
  return apiRoutes().openapi(route, async (c) => {
    const params = c.req.valid('query');
    const today = now();
    const pages = searchPages(index, params, today, limits);
    // the first page is read before answering: its total decides the headers, and a refused search is still a 400
    const first = await pages.next();
    const { courses, total } = first.done ? { courses: [], total: 0 } : first.value;
    const truncated = total > limits.rows;
    const name = truncated ? `shortlist-search-first-${limits.rows}` : 'shortlist-search';
    const headers = {
      'Content-Disposition': attachment(name, today, params.format),
      'X-Rates-Date': RATES_DATE,
      'X-Export-Truncated': String(truncated),
    };
    if (params.format === 'csv') {
      const header = csvLine(EXPORT_COLUMNS.map(([name]) => name)) + csvRows(courses);
      return c.body(streamOf(header, pages, csvRows, ''), 200, {
        ...headers,
        'Content-Type': 'text/csv; charset=utf-8',
      });
    }
    const envelope = {
      rates: { referenceCurrency: REFERENCE_CURRENCY, date: RATES_DATE },
      total,
      totalIsLowerBound: total >= index.limits.exactTotalUpTo,
      truncated,
    };
    let written = courses.length;
    const opening = `${JSON.stringify(envelope).slice(0, -1)},"hits":[${courses.map((course) => JSON.stringify(course)).join(',')}`;
    const more = (next: ExportedCourse[]) => {
      const json = next.map((course) => JSON.stringify(course)).join(',');
      const separator = written > 0 && next.length > 0 ? ',' : '';
      written += next.length;
      return separator + json;
    };
    return c.body(streamOf(opening, pages, more, ']}'), 200, {
      ...headers,
      'Content-Type': 'application/json; charset=utf-8',
    });
  });
}
