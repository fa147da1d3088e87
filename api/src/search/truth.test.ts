// Totals and facet counts stay true past the index's counting limits. At 100,000 courses (npm run bench:api checks
// those figures) loading alone takes minutes on a shared machine, so this test lowers the limits instead: the index
// counts exactly up to 1,000 matches and lists 10 values a facet, and holds 3,000 generated courses in 300 cities —
// the same limits crossed by the same code, at a thirtieth of the size.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  CatalogueStore,
  createMeiliClient,
  SearchIndex,
  startBundledMeilisearch,
  type MeiliConnection,
} from '@shortlist/indexer';
import { generateCourses, generatedProviders } from '@shortlist/indexer/testing';
import type { Course } from '@shortlist/schemas';
import { createApp } from '../app.ts';
import { checkedRequests } from '../testing.ts';

const COURSES = 3000;
const LIMITS = { facetValues: 10, exactTotalUpTo: 1000 };
const courses = generateCourses(COURSES);

let meili: MeiliConnection;
let store: CatalogueStore;
let request: ReturnType<typeof checkedRequests>;

beforeAll(async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'search-truth-'));
  meili = await startBundledMeilisearch(dataDir);
  store = new CatalogueStore(join(dataDir, 'catalogue.db'));
  for (const provider of generatedProviders()) store.upsertProvider(provider);
  store.upsertCourses(courses);
  const index = new SearchIndex(createMeiliClient(meili.url, meili.key), 'courses_truth_test', LIMITS);
  await index.prepare();
  await index.syncFrom(store);
  request = checkedRequests(createApp({ store, index }));
}, 180_000);
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
  expect(all.body).toMatchObject({ total: LIMITS.exactTotalUpTo, totalIsLowerBound: true });
  expect(courses.length).toBeGreaterThan(LIMITS.exactTotalUpTo);

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
  const smallestListed = Math.min(...body.facets.city.values.map((value: { count: number }) => value.count));
  for (const { value, count } of body.facets.city.values) expect(count).toBe(truth.get(value));
  const listed = new Set(body.facets.city.values.map((value: { value: string }) => value.value));
  for (const [city, count] of truth) if (!listed.has(city)) expect(count).toBeLessThanOrEqual(smallestListed);
});

it('gives every value of a small facet, exactly, and says there are no more', async () => {
  const { body } = await request('/v1/search?mode=online&city=City%207,City%2012');
  expect(body.facets.mode.more).toBe(false);
  // the mode facet counts without its own choice: every mode, in those two cities
  const truth = tally((course) => ['City 7', 'City 12'].includes(course.location.city!), (course) => course.delivery.mode); // prettier-ignore
  expect(Object.fromEntries(body.facets.mode.values.map((value: any) => [value.value, value.count]))).toEqual(
    Object.fromEntries(truth),
  );
  expect(body.facets.level.more).toBe(false);
  const levels = tally(
    (course) => course.delivery.mode === 'online' && ['City 7', 'City 12'].includes(course.location.city!),
    (course) => course.level.label,
  );
  expect(
    Object.fromEntries(body.facets.level.values.map((value: any) => [value.value, value.count])),
  ).toEqual(Object.fromEntries(levels));
});
