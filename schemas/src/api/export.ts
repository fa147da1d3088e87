import { z } from 'zod';
import { SearchParams } from './search-params.ts';
import { SearchHit } from './search-response.ts';

/** The most courses one export holds. */
export const EXPORT_ROWS = 10_000;

/** Query parameters of GET /v1/export: any search, and the file format. */
export const ExportParams = SearchParams.safeExtend({
  format: z
    .enum(['csv', 'json'])
    .default('csv')
    .meta({ description: 'csv: RFC 4180, a row per course; json: one document with the courses in `hits`' }),
});
export type ExportParams = z.infer<typeof ExportParams>;

/** One exported course: a search hit without highlights. */
export const ExportedCourse = SearchHit.omit({ highlights: true });
export type ExportedCourse = z.infer<typeof ExportedCourse>;

/** GET /v1/export?format=json: the search's courses in its order, the first 10,000 at most. */
export const ExportDocument = z
  .object({
    rates: z.object({ referenceCurrency: z.string(), date: z.string() }),
    total: z.number().int().describe('courses the search matches'),
    totalIsLowerBound: z.boolean(),
    truncated: z
      .boolean()
      .describe(`the search matches more than the ${EXPORT_ROWS.toLocaleString('en')} exported`),
    hits: z.array(ExportedCourse),
  })
  .meta({ id: 'ExportDocument' });
export type ExportDocument = z.infer<typeof ExportDocument>;
