import type { Provider, ProviderStatistics } from '@shortlist/schemas';
import type { CatalogueStore } from './catalogue.ts';

/** A provider as the `providers` index holds it: who they are and what their catalogue looks like. */
export type ProviderDocument = ProviderStatistics;

interface Facts {
  provider: string;
  mode: string | null;
  fields: string;
  completeness: number;
  cost: number | null;
}

function median(values: number[]): number | null {
  if (values.length === 0) return null;
  values.sort((a, b) => a - b);
  const middle = Math.floor(values.length / 2);
  return values.length % 2 ? values[middle]! : (values[middle - 1]! + values[middle]!) / 2;
}

const increment = (counts: Record<string, number>, key: string) => (counts[key] = (counts[key] ?? 0) + 1);

/** Statistics over the providers' active listings, in one pass over their search documents. */
export function providerDocuments(store: CatalogueStore, providers: Provider[]): ProviderDocument[] {
  const rows = store.db
    .prepare(
      `SELECT provider_id AS provider, json_extract(document, '$.mode') AS mode, json_extract(document, '$.fields') AS fields,
         json_extract(document, '$.completeness') AS completeness, json_extract(document, '$.costReference') AS cost
       FROM courses WHERE status = 'active' AND provider_id IN (SELECT value FROM json_each(?))`,
    )
    .all(JSON.stringify(providers.map((provider) => provider.id))) as Facts[];
  const byProvider = new Map<string, Facts[]>();
  for (const row of rows) {
    const list = byProvider.get(row.provider);
    if (list) list.push(row);
    else byProvider.set(row.provider, [row]);
  }
  return providers.map((provider) => {
    const courses = byProvider.get(provider.id) ?? [];
    const modes: Record<string, number> = {};
    const fields: Record<string, number> = {};
    for (const course of courses) {
      if (course.mode) increment(modes, course.mode);
      // the search document lists every broader code too: the broad ones have two digits
      for (const code of JSON.parse(course.fields) as string[])
        if (code.length === 2) increment(fields, code);
    }
    const completeness = courses.reduce((sum, course) => sum + course.completeness, 0);
    return {
      ...provider,
      courseCount: courses.length,
      medianCost: median(courses.flatMap((course) => (course.cost === null ? [] : [course.cost]))),
      fields,
      modes,
      completeness: courses.length ? Math.round(completeness / courses.length) : null,
    };
  });
}
