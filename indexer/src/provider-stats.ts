import type { Provider } from '@shortlist/schemas';
import type { CatalogueStore } from './catalogue.ts';

/** A provider as the `providers` index holds it: who they are and what their catalogue looks like. */
export interface ProviderDocument extends Provider {
  courseCount: number;
  /** median cost of the priced courses, in the reference currency */
  medianCost: number | null;
  /** broad ISCED-F fields with how many courses each */
  fields: Record<string, number>;
  modes: Record<string, number>;
  /** mean critical-information completeness, 0–100 */
  completeness: number | null;
}

function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const middle = Math.floor(values.length / 2);
  return values.length % 2 ? values[middle]! : (values[middle - 1]! + values[middle]!) / 2;
}

/** Statistics over a provider's active listings, computed in SQLite without loading the courses. */
export function providerDocument(store: CatalogueStore, provider: Provider): ProviderDocument {
  const { db } = store;
  const active = "provider_id = ? AND status = 'active'";
  const totals = db
    .prepare(
      `SELECT COUNT(*) AS n, AVG(json_extract(data, '$.completeness.score')) AS completeness FROM courses WHERE ${active}`,
    )
    .get(provider.id) as { n: number; completeness: number | null };
  const costs = db
    .prepare(
      `SELECT json_extract(data, '$.cost.reference.amount') AS amount FROM courses WHERE ${active} AND amount IS NOT NULL ORDER BY amount`,
    )
    .all(provider.id) as { amount: number }[];
  const modes = db
    .prepare(
      `SELECT json_extract(data, '$.delivery.mode') AS mode, COUNT(*) AS n FROM courses WHERE ${active} AND mode IS NOT NULL GROUP BY mode`,
    )
    .all(provider.id) as { mode: string; n: number }[];
  const fields = db
    .prepare(
      `SELECT substr(field.value, 1, 2) AS code, COUNT(DISTINCT courses.id) AS n
       FROM courses, json_each(courses.data, '$.fields') AS field WHERE ${active} GROUP BY code`,
    )
    .all(provider.id) as { code: string; n: number }[];
  return {
    ...provider,
    courseCount: totals.n,
    medianCost: median(costs.map((row) => row.amount)),
    fields: Object.fromEntries(fields.map((row) => [row.code, row.n])),
    modes: Object.fromEntries(modes.map((row) => [row.mode, row.n])),
    completeness: totals.completeness === null ? null : Math.round(totals.completeness),
  };
}
