import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import type { Provider } from '@shortlist/schemas';
import { testCourse } from '../test-courses.ts';
import { CatalogueStore } from './store.ts';

const provider: Provider = {
  id: 'northbridge-university',
  name: 'Northbridge University',
  type: 'university',
  country: 'GB',
  url: 'https://northbridge-university.example/',
};

const stores: CatalogueStore[] = [];
function openStore(file = join(mkdtempSync(join(tmpdir(), 'catalogue-')), 'catalogue.db')) {
  const store = new CatalogueStore(file);
  stores.push(store);
  store.upsertProvider(provider);
  return store;
}
afterEach(() => stores.splice(0).forEach((store) => store.close()));

const statistics = (store: CatalogueStore) => store.providerDocuments([provider])[0]!;

describe('provider statistics', () => {
  it('follow courses as they are added, changed and taken down', () => {
    const store = openStore();
    const data = testCourse({ title: 'Data Analytics', cost: '£450', mode: 'Online', level: 'Introductory' });
    const sql = testCourse({ title: 'SQL for Analysts', cost: '£300', mode: 'Online' });
    const welding = testCourse({ title: 'Welding', cost: '£600', mode: 'In person', subjects: ['Welding'] });
    store.upsertCourses([data, sql, welding]);
    const added = statistics(store);
    expect(added).toMatchObject({ courseCount: 3, pricedCourses: 3, modes: { online: 2, in_person: 1 } });
    expect(added.medianCost).toBe(store.getCourse(data.id)!.cost.reference!.amount);

    // the SQL course becomes free and moves to blended: the old values no longer count
    store.upsertCourses([testCourse({ title: 'SQL for Analysts', cost: 'Free', mode: 'Blended' })]);
    const changed = statistics(store);
    expect(changed).toMatchObject({
      courseCount: 3,
      pricedCourses: 3,
      modes: { online: 1, in_person: 1, blended: 1 },
    });
    expect(changed.medianCost).toBe(store.getCourse(data.id)!.cost.reference!.amount);

    store.takeDown(provider.id, welding.id);
    const down = statistics(store);
    expect(down).toMatchObject({ courseCount: 2, pricedCourses: 2, modes: { online: 1, blended: 1 } });
    expect(down.modes).not.toHaveProperty('in_person');
    expect(down.medianCost).toBe(store.getCourse(data.id)!.cost.reference!.amount / 2);
    // the catalogue's count of active courses is read from the same tallies
    expect(store.countCourses()).toBe(2);
  });

  it('are those of none for a provider whose courses are all gone, and survive reopening the catalogue', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'catalogue-')), 'catalogue.db');
    const store = openStore(file);
    const course = testCourse({ title: 'Data Analytics', cost: '£450' });
    store.upsertCourses([course]);
    store.close();
    stores.length = 0;
    const reopened = openStore(file);
    expect(statistics(reopened)).toMatchObject({ courseCount: 1, pricedCourses: 1 });
    reopened.takeDown(provider.id, course.id);
    expect(statistics(reopened)).toMatchObject({
      courseCount: 0,
      pricedCourses: 0,
      medianCost: null,
      completeness: null,
      modes: {},
      fields: {},
    });
  });

  it('are worked out once for a catalogue from before they were kept', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'catalogue-')), 'catalogue.db');
    const store = openStore(file);
    store.upsertCourses([testCourse({ title: 'Data Analytics', cost: '£450', mode: 'Online' }), testCourse({ title: 'Welding', mode: 'In person' })]); // prettier-ignore
    const before = statistics(store);
    store.close();
    stores.length = 0;
    // as Shortlist wrote it before schema 10
    const db = new Database(file);
    db.exec(
      'DROP INDEX courses_next_start; DROP TABLE listing_facts; DROP TABLE provider_tallies; PRAGMA user_version = 9;',
    );
    db.close();
    const upgraded = openStore(file);
    expect(statistics(upgraded)).toEqual(before);
    expect(upgraded.countCourses()).toBe(2);
    expect(before).toMatchObject({ courseCount: 2, pricedCourses: 1, modes: { online: 1, in_person: 1 } });
  });

  it('match statistics worked out from every search document, over many changes', () => {
    const store = openStore();
    const costs = ['£450', 'Free', '€900', undefined, 'US$1,125'];
    const modes = ['Online', 'In person', 'Blended', undefined];
    const subjects = [['Nursing'], ['Welding', 'Accounting'], ['Data analytics'], []];
    const course = (n: number, round: number) =>
      testCourse({
        title: `Course ${n}`,
        cost: costs[(n + round) % costs.length],
        mode: modes[(n * round) % modes.length],
        subjects: subjects[(n + 2 * round) % subjects.length],
        duration: `${1 + (n % 9)} weeks`,
      });
    for (let round = 0; round < 4; round++) {
      store.upsertCourses(Array.from({ length: 40 }, (_, n) => course(n, round)));
      for (let n = round; n < 40; n += 7) store.takeDown(provider.id, course(n, round).id);
      expect(statistics(store)).toEqual(fromDocuments(store));
      expect(store.countCourses()).toBe([...store.activeDocuments()].flat().length);
    }
  });
});

/** The statistics worked out the slow way, from the active listings' search documents. */
function fromDocuments(store: CatalogueStore) {
  const documents = [...store.activeDocuments()].flat().map(
    (json) =>
      JSON.parse(json.toString()) as {
        mode: string | null;
        levelLabel: string | null;
        fields: string[];
        completeness: number;
        completenessMissing: string[];
        costReference: number | null;
      },
  );
  const count = (values: (string | null)[]) => {
    const counts: Record<string, number> = {};
    for (const value of values) if (value !== null) counts[value] = (counts[value] ?? 0) + 1;
    return counts;
  };
  const median = (values: number[]) => {
    if (values.length === 0) return null;
    const sorted = values.toSorted((a, b) => a - b);
    const middle = Math.floor(sorted.length / 2);
    return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
  };
  const costs = documents.flatMap((document) =>
    document.costReference === null ? [] : [document.costReference],
  );
  const missing = count(documents.flatMap((document) => document.completenessMissing));
  return {
    ...provider,
    courseCount: documents.length,
    pricedCourses: costs.length,
    medianCost: median(costs),
    fields: count(documents.flatMap((document) => document.fields.filter((code) => code.length === 2))),
    modes: count(documents.map((document) => document.mode)),
    levels: count(documents.map((document) => document.levelLabel)),
    completeness: median(documents.map((document) => document.completeness)),
    criticalFacts: expect.arrayContaining(
      Object.keys(missing).map((name) =>
        expect.objectContaining({
          name,
          share: Math.round((1 - missing[name]! / documents.length) * 1000) / 1000,
        }),
      ),
    ) as unknown,
  };
}
