// Totals and facet counts stay true past the index's counting limits, in two setups: 100,000 generated courses with
// the limits the server runs with (the size at which issue 12 found `total` capped at 10,000 and facets cut without
// a word), and 3,000 courses with the limits lowered so that the total too passes its exact count (1,000).
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CatalogueStore,
  COUNT_LIMITS,
  createMeiliClient,
  SearchIndex,
  startBundledMeilisearch,
  type CountLimits,
  type MeiliConnection,
} from '@shortlist/indexer';
import { generateCourses, generatedProviders } from '@shortlist/indexer/testing';
import type { Course } from '@shortlist/schemas';
import { createApp } from '../app.ts';
import { checkedRequests } from '../testing.ts';

const SETUPS: {
  courses: number;
  limits: CountLimits;
  allTotal: { total: number; totalIsLowerBound: boolean };
}[] = [
  { courses: 100_000, limits: COUNT_LIMITS, allTotal: { total: 100_000, totalIsLowerBound: false } },
  {
    courses: 3000,
    limits: { facetValues: 10, exactTotalUpTo: 1000 },
    allTotal: { total: 1000, totalIsLowerBound: true },
  },
];

describe.each(SETUPS)(
  '$courses courses, counted exactly up to $limits.exactTotalUpTo, $limits.facetValues values a facet',
  ({ courses: size, limits: LIMITS, allTotal }) => {
    let courses: Course[];
    let meili: MeiliConnection;
    let store: CatalogueStore;
    let request: ReturnType<typeof checkedRequests>;

    beforeAll(async () => {
      courses = generateCourses(size);
      const dataDir = mkdtempSync(join(tmpdir(), 'search-truth-'));
      meili = await startBundledMeilisearch(dataDir);
      store = new CatalogueStore(join(dataDir, 'catalogue.db'));
      for (const provider of generatedProviders()) store.upsertProvider(provider);
      for (let start = 0; start < size; start += 5000)
        store.upsertCourses(courses.slice(start, start + 5000));
      const index = new SearchIndex(createMeiliClient(meili.url, meili.key), 'courses_truth_test', LIMITS);
      await index.prepare();
      await index.syncFrom(store);
      request = checkedRequests(createApp({ store, index }));
    }, 900_000);
    afterAll(async () => {
      store.close();
      await meili.stop();
    });

    /** How many of the generated courses have each value. */
    function tally(keep: (course: Course) => boolean, value: (course: Course) => string | null) {
      const counts = new Map<string, number>();
      for (const course of courses.filter(keep)) {
        const key = value(course);
        if (key !== null) counts.set(key, (counts.get(key) ?? 0) + 1);
      }
      return counts;
    }

    it('marks a total past the exact count as a lower bound, and gives an exact one below it', async () => {
      const all = await request('/v1/search');
      expect(all.body).toMatchObject(allTotal);
      expect(courses.length > LIMITS.exactTotalUpTo).toBe(allTotal.totalIsLowerBound);

      const inPerson = courses.filter((course) => course.delivery.mode === 'in_person').length;
      expect(inPerson).toBeLessThan(LIMITS.exactTotalUpTo);
      expect((await request('/v1/search?mode=in_person')).body).toMatchObject({
        total: inPerson,
        totalIsLowerBound: false,
      });

      const welding = courses.filter((course) => course.title.startsWith('Welding ')).length;
      expect((await request('/v1/search?q=welding')).body).toMatchObject({
        total: welding,
        totalIsLowerBound: false,
      });
    });

    it('lists the cities with the most courses, each count exact, and says more cities exist', async () => {
      const { body } = await request('/v1/search?mode=online,blended');
      const truth = tally((course) => ['online', 'blended'].includes(course.delivery.mode!), (course) => course.location.city); // prettier-ignore
      expect(truth.size).toBeGreaterThan(LIMITS.facetValues);
      expect(body.facets.city.more).toBe(true);
      expect(body.facets.city.values).toHaveLength(LIMITS.facetValues);
      const smallestListed = Math.min(
        ...body.facets.city.values.map((value: { count: number }) => value.count),
      );
      for (const { value, count } of body.facets.city.values) expect(count).toBe(truth.get(value));
      const listed = new Set(body.facets.city.values.map((value: { value: string }) => value.value));
      for (const [city, count] of truth)
        if (!listed.has(city)) expect(count).toBeLessThanOrEqual(smallestListed);
    });

    it('gives every value of a small facet, exactly, and says there are no more', async () => {
      const { body } = await request('/v1/search?mode=online&city=City%207,City%2012');
      expect(body.facets.mode.more).toBe(false);
      // the mode facet counts without its own choice: every mode, in those two cities
      const truth = tally((course) => ['City 7', 'City 12'].includes(course.location.city!), (course) => course.delivery.mode); // prettier-ignore
      expect(
        Object.fromEntries(body.facets.mode.values.map((value: any) => [value.value, value.count])),
      ).toEqual(Object.fromEntries(truth));
      expect(body.facets.level.more).toBe(false);
      const levels = tally(
        (course) =>
          course.delivery.mode === 'online' && ['City 7', 'City 12'].includes(course.location.city!),
        (course) => course.level.label,
      );
      expect(
        Object.fromEntries(body.facets.level.values.map((value: any) => [value.value, value.count])),
      ).toEqual(Object.fromEntries(levels));
    });
  },
);
