import { COMPLETENESS_ELEMENTS, type Provider, type ProviderStatistics } from '@shortlist/schemas';
import type { SearchDocument } from '../search-document.ts';
import type { CatalogueDatabase } from './database.ts';

/** A provider as the `providers` index holds it: who they are and what their catalogue looks like. */
export type ProviderDocument = ProviderStatistics;

/** How many of a provider's active listings have each facet value; kept by the catalogue's triggers. */
export interface ProviderTallies {
  courses: number;
  priced: number;
  modes: Record<string, number>;
  levels: Record<string, number>;
  fields: Record<string, number>;
  missing: Record<string, number>;
}

const NO_TALLIES: ProviderTallies = { courses: 0, priced: 0, modes: {}, levels: {}, fields: {}, missing: {} };

/** The statistics of one provider from its tallies and medians (none: a provider with no active listings). */
export function providerStatistics(
  provider: Provider,
  tallies: ProviderTallies = NO_TALLIES,
  medians: { cost: number | null; completeness: number | null } = { cost: null, completeness: null },
): ProviderDocument {
  const { courses, missing } = tallies;
  return {
    ...provider,
    courseCount: courses,
    pricedCourses: tallies.priced,
    medianCost: medians.cost,
    fields: tallies.fields,
    modes: tallies.modes,
    levels: tallies.levels,
    completeness: medians.completeness,
    criticalFacts: COMPLETENESS_ELEMENTS.map(({ key, name }) => ({
      key,
      name,
      share: courses ? Math.round((1 - (missing[name] ?? 0) / courses) * 1000) / 1000 : 0,
    })),
  };
}

/** What the statistics read of one active listing: the facts of its search document. */
interface ListingFacts {
  provider_id: string;
  mode: string | null;
  level: string | null;
  fields: string;
  missing: string;
  completeness: number;
  cost: number | null;
}

function factsOf(document: SearchDocument): ListingFacts {
  return {
    provider_id: document.providerId,
    mode: document.mode,
    level: document.levelLabel,
    // the search document lists every broader code too: the broad ones have two digits
    fields: JSON.stringify([...new Set(document.fields.filter((code) => code.length === 2))]),
    missing: JSON.stringify([...new Set(document.completenessMissing)]),
    completeness: document.completeness,
    cost: document.costReference,
  };
}

/** The tallies a listing counts in, as `facet value` keys. */
function tallyKeys(facts: ListingFacts): string[] {
  return [
    'courses\u0000',
    ...(facts.cost === null ? [] : ['priced\u0000']),
    ...(facts.mode === null ? [] : [`mode\u0000${facts.mode}`]),
    ...(facts.level === null ? [] : [`level\u0000${facts.level}`]),
    ...(JSON.parse(facts.fields) as string[]).map((code) => `field\u0000${code}`),
    ...(JSON.parse(facts.missing) as string[]).map((name) => `missing\u0000${name}`),
  ];
}

/**
 * Keeps the provider statistics in step with the search documents, in the transaction that writes them: each
 * active listing's facts, and per provider how many listings have each facet value. A document whose facts did
 * not change (most rewrites) costs one read.
 */
export class ProviderFacts {
  constructor(private readonly db: CatalogueDatabase) {}

  /** The listing's search document is now `document` (null: it is not active). */
  track(courseId: string, document: SearchDocument | null): void {
    const before = this.db
      .sql(
        'SELECT provider_id, mode, level, fields, missing, completeness, cost FROM listing_facts WHERE course_id = ?',
      )
      .get(courseId) as ListingFacts | undefined;
    const after = document && factsOf(document);
    if (JSON.stringify(before ?? null) === JSON.stringify(after)) return;
    if (before) {
      this.db.sql('DELETE FROM listing_facts WHERE course_id = ?').run(courseId);
      this.count(before, after, -1);
    }
    if (after) {
      this.db
        .sql(
          'INSERT INTO listing_facts (course_id, provider_id, mode, level, fields, missing, completeness, cost) VALUES (@id, @provider_id, @mode, @level, @fields, @missing, @completeness, @cost)',
        )
        .run({ id: courseId, ...after });
      this.count(after, before, +1);
    }
  }

  /** Adds `delta` to the tallies of `facts` that `other` does not share (the same provider's shared ones stay). */
  private count(facts: ListingFacts, other: ListingFacts | null | undefined, delta: 1 | -1): void {
    const shared = new Set(other && other.provider_id === facts.provider_id ? tallyKeys(other) : []);
    const add = this.db.sql(
      'INSERT INTO provider_tallies (provider_id, facet, value, count) VALUES (?, ?, ?, ?) ON CONFLICT (provider_id, facet, value) DO UPDATE SET count = count + excluded.count',
    );
    for (const key of tallyKeys(facts)) {
      if (shared.has(key)) continue;
      const [facet, value] = key.split('\u0000') as [string, string];
      add.run(facts.provider_id, facet, value, delta);
    }
  }
}

/** How many listings are active, from the tallies: a read of a row per provider, not of every listing. */
export function activeListingCount(db: CatalogueDatabase): number {
  return (
    db.sql("SELECT COALESCE(SUM(count), 0) AS n FROM provider_tallies WHERE facet = 'courses'").get() as {
      n: number;
    }
  ).n;
}

const FACETS = { mode: 'modes', level: 'levels', field: 'fields', missing: 'missing' } as const;

function tallies(db: CatalogueDatabase, providerId: string): ProviderTallies {
  const rows = db
    .sql('SELECT facet, value, count FROM provider_tallies WHERE provider_id = ? AND count > 0')
    .all(providerId) as { facet: string; value: string; count: number }[];
  const result: ProviderTallies = { courses: 0, priced: 0, modes: {}, levels: {}, fields: {}, missing: {} };
  for (const { facet, value, count } of rows) {
    if (facet === 'courses' || facet === 'priced') result[facet] = count;
    else result[FACETS[facet as keyof typeof FACETS]][value] = count;
  }
  return result;
}

/** The median of a column over `count` rows, read by offset along its index: the two middle values at most. */
function median(db: CatalogueDatabase, column: 'cost' | 'completeness', providerId: string, count: number) {
  if (count === 0) return null;
  const middle = db
    .sql(
      `SELECT ${column} AS value FROM listing_facts WHERE provider_id = ? AND ${column} IS NOT NULL ORDER BY ${column} LIMIT 2 OFFSET ?`,
    )
    .all(providerId, Math.floor((count - 1) / 2)) as { value: number }[];
  return count % 2 ? middle[0]!.value : (middle[0]!.value + middle[1]!.value) / 2;
}

/**
 * Statistics over the providers' active listings, read from the tallies the catalogue keeps as listings change:
 * a few small reads per provider, however many courses it lists. The sync sends them to the providers index for
 * the providers whose courses changed; the API reads them from there.
 */
export function providerDocuments(db: CatalogueDatabase, providers: Provider[]): ProviderDocument[] {
  return providers.map((provider) => {
    const counts = tallies(db, provider.id);
    return providerStatistics(provider, counts, {
      cost: median(db, 'cost', provider.id, counts.priced),
      completeness: median(db, 'completeness', provider.id, counts.courses),
    });
  });
}
