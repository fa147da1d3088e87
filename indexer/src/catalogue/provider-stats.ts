import { COMPLETENESS_ELEMENTS, type Provider, type ProviderStatistics } from '@shortlist/schemas';
import type { CatalogueDatabase } from './database.ts';

/** A provider as the `providers` index holds it: who they are and what their catalogue looks like. */
export type ProviderDocument = ProviderStatistics;

/** What the statistics read of one course, from its search document. */
interface Facts {
  provider: string;
  mode: string | null;
  level: string | null;
  fields: string;
  completeness: number;
  missing: string;
  cost: number | null;
}

function median(values: number[]): number | null {
  if (values.length === 0) return null;
  values.sort((a, b) => a - b);
  const middle = Math.floor(values.length / 2);
  return values.length % 2 ? values[middle]! : (values[middle - 1]! + values[middle]!) / 2;
}

const increment = (counts: Record<string, number>, key: string) => (counts[key] = (counts[key] ?? 0) + 1);

/** The statistics of one provider over the facts of its active courses. */
export function providerStatistics(provider: Provider, courses: readonly Facts[]): ProviderDocument {
  const modes: Record<string, number> = {};
  const levels: Record<string, number> = {};
  const fields: Record<string, number> = {};
  const missing: Record<string, number> = {};
  for (const course of courses) {
    if (course.mode) increment(modes, course.mode);
    if (course.level) increment(levels, course.level);
    // the search document lists every broader code too: the broad ones have two digits
    for (const code of JSON.parse(course.fields) as string[]) if (code.length === 2) increment(fields, code);
    for (const name of JSON.parse(course.missing) as string[]) increment(missing, name);
  }
  const costs = courses.flatMap((course) => (course.cost === null ? [] : [course.cost]));
  return {
    ...provider,
    courseCount: courses.length,
    pricedCourses: costs.length,
    medianCost: median(costs),
    fields,
    modes,
    levels,
    completeness: median(courses.map((course) => course.completeness)),
    criticalFacts: COMPLETENESS_ELEMENTS.map(({ key, name }) => ({
      key,
      name,
      share: courses.length ? Math.round((1 - (missing[name] ?? 0) / courses.length) * 1000) / 1000 : 0,
    })),
  };
}

/**
 * Statistics over the providers' active listings, in one pass over their search documents. The sync sends them to
 * the providers index for the providers whose courses changed; the API reads them from there.
 */
export function providerDocuments(db: CatalogueDatabase, providers: Provider[]): ProviderDocument[] {
  const rows = db
    .sql(
      `SELECT provider_id AS provider, json_extract(document, '$.mode') AS mode, json_extract(document, '$.levelLabel') AS level,
         json_extract(document, '$.fields') AS fields, json_extract(document, '$.completeness') AS completeness,
         json_extract(document, '$.completenessMissing') AS missing, json_extract(document, '$.costReference') AS cost
       FROM courses WHERE status = 'active' AND provider_id IN (SELECT value FROM json_each(?))`,
    )
    .all(JSON.stringify(providers.map((provider) => provider.id))) as Facts[];
  const byProvider = new Map<string, Facts[]>();
  for (const row of rows) {
    const list = byProvider.get(row.provider);
    if (list) list.push(row);
    else byProvider.set(row.provider, [row]);
  }
  return providers.map((provider) => providerStatistics(provider, byProvider.get(provider.id) ?? []));
}
