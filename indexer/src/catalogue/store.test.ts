import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { testCourse } from '../test-courses.ts';
import { CatalogueStore } from './store.ts';

const stores: CatalogueStore[] = [];
function openStore(file = join(mkdtempSync(join(tmpdir(), 'catalogue-')), 'catalogue.db')) {
  const store = new CatalogueStore(file);
  stores.push(store);
  return store;
}
afterEach(() => stores.splice(0).forEach((store) => store.close()));

/** Turns a closed catalogue file back into one an older Shortlist wrote: schema `version`, after `sql`. */
function downgrade(file: string, sql: string, version: number) {
  const db = new Database(file);
  // the provider statistics tables (schema 10) and the next-start index (11) came after every version these tests go back to
  db.exec('DROP TABLE listing_facts; DROP TABLE provider_tallies; DROP INDEX courses_next_start;');
  db.exec(sql);
  db.pragma(`user_version = ${version}`);
  db.close();
}

describe('CatalogueStore', () => {
  it('counts new, changed and unchanged courses and keeps them across reopening', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'catalogue-')), 'catalogue.db');
    const store = openStore(file);
    const python = testCourse({ title: 'Data Analytics with Python', cost: '£450', duration: '6 weeks' });
    const sql = testCourse({ title: 'SQL for Analysts', cost: '£300' });
    expect(store.upsertCourses([python, sql])).toEqual({ new: 2, changed: 0, unchanged: 0 });

    const cheaper = testCourse({ title: 'Data Analytics with Python', cost: '£400', duration: '6 weeks' });
    expect(store.upsertCourses([cheaper, sql])).toEqual({ new: 0, changed: 1, unchanged: 1 });
    store.close();
    stores.length = 0;

    const reopened = openStore(file);
    expect(reopened.getCourse(python.id)?.cost.amount).toBe(400);
    expect(reopened.countCourses()).toBe(2);
  });

  it('lists changes after a cursor in order, so a sync can resume where it stopped', () => {
    const store = openStore();
    const a = testCourse({ title: 'Course A' });
    const b = testCourse({ title: 'Course B' });
    store.upsertCourses([a, b]);
    const first = store.changesSince(0, 1);
    expect(first.map((change) => change.id)).toEqual([a.id]);
    const rest = store.changesSince(first[0]!.seq, 10);
    expect(rest.map((change) => change.id)).toEqual([b.id]);
    expect(store.changesSince(rest[0]!.seq, 10)).toEqual([]);
  });

  it('resends a provider’s courses when the provider is renamed', () => {
    const store = openStore();
    const provider = {
      id: 'northbridge-university',
      name: 'Northbridge University',
      type: 'university',
      country: 'GB',
      url: 'https://northbridge.example/',
    } as const;
    store.upsertProvider(provider);
    store.upsertCourses([testCourse({ title: 'Course A' })]);
    const cursor = store.latestSeq();
    store.upsertProvider(provider);
    expect(store.changesSince(cursor, 10)).toHaveLength(0);
    store.upsertProvider({ ...provider, name: 'Northbridge Univ.' });
    const changes = store.changesSince(cursor, 10);
    expect(changes).toHaveLength(1);
    expect(JSON.parse(changes[0]!.document!.toString())).toMatchObject({
      title: 'Course A',
      providerName: 'Northbridge Univ.',
    });
  });

  it('resends every course of a renamed provider, even to a sync that reads fewer changes at a time', () => {
    const store = openStore();
    const provider = { id: 'northbridge-university', name: 'Northbridge University', type: 'university', country: 'GB', url: 'https://northbridge.example/' } as const; // prettier-ignore
    store.upsertProvider(provider);
    store.upsertCourses(['A', 'B', 'C'].map((letter) => testCourse({ title: `Course ${letter}` })));
    let cursor = store.latestSeq();
    store.upsertProvider({ ...provider, name: 'Northbridge Univ.' });
    const sent: string[] = [];
    for (
      let changes = store.changesSince(cursor, 2);
      changes.length > 0;
      changes = store.changesSince(cursor, 2)
    ) {
      sent.push(...changes.map((change) => JSON.parse(change.document!.toString()).title as string));
      cursor = changes.at(-1)!.seq;
    }
    expect(sent.sort()).toEqual(['Course A', 'Course B', 'Course C']);
  });

  it('on upgrading, writes every listing’s search document again and sends each to the index', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'catalogue-redocument-')), 'catalogue.db');
    let store = new CatalogueStore(file);
    store.upsertProvider({ id: 'northbridge-university', name: 'Northbridge University', type: 'university', country: 'GB', url: 'https://northbridge.example/' }); // prettier-ignore
    store.upsertCourses([
      testCourse({ title: 'Soil Science', startDates: ['2999-01-01'] }),
      testCourse({ title: 'Plant Science' }),
    ]);
    const cursor = store.latestSeq();
    // as a catalogue written before documents held start days: schema 6, documents without them
    store.close();
    downgrade(file, "UPDATE courses SET document = json_remove(document, '$.startDays', '$.nextStartDay')", 6); // prettier-ignore
    store = new CatalogueStore(file);
    const changes = store.changesSince(cursor, 10);
    expect(changes.map((change) => JSON.parse(change.document!.toString()).startDays)).toEqual(
      expect.arrayContaining([[Date.parse('2999-01-01') / 86_400_000], []]),
    );
    expect(new Set(changes.map((change) => change.seq)).size).toBe(2);
    store.close();
  });

  it('stores each listing’s search document, none for a withdrawn one, and fills in those an older catalogue lacks', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'catalogue-documents-')), 'catalogue.db');
    let store = new CatalogueStore(file);
    store.upsertProvider({ id: 'northbridge-university', name: 'Northbridge University', type: 'university', country: 'GB', url: 'https://northbridge.example/' }); // prettier-ignore
    const kept = testCourse({ title: 'Soil Science', mode: 'Online' });
    const gone = testCourse({ title: 'Old Course' });
    store.upsertCourses([kept, gone]);
    store.upsertCourses([{ ...gone, status: 'withdrawn' }]);
    const documents = () => new Map(store.changesSince(0, 10).map((change) => [change.id, change.document]));
    expect(JSON.parse(documents().get(kept.id)!.toString())).toMatchObject({ id: kept.id, mode: 'online', providerName: 'Northbridge University' }); // prettier-ignore
    expect(documents().get(gone.id)).toBeNull();

    // as a catalogue written before documents were stored: schema 4, without the columns added since
    store.close();
    downgrade(file, 'ALTER TABLE courses DROP COLUMN document; ALTER TABLE course_records DROP COLUMN taken_down', 4); // prettier-ignore
    store = new CatalogueStore(file);
    expect(JSON.parse(documents().get(kept.id)!.toString())).toMatchObject({ id: kept.id, mode: 'online' });
    expect(documents().get(gone.id)).toBeNull();
    store.close();
  });
});

describe('withdrawing courses that are gone', () => {
  it('withdraws a crawled course only after it is missed by N successive complete crawls', () => {
    const store = openStore();
    const kept = testCourse({ title: 'Kept Course' });
    const gone = testCourse({ title: 'Gone Course' });
    store.upsertCourses([kept, gone]);

    const crawl = (at: string) => {
      store.touch(kept.id, at);
      return store.withdrawUnseen('northbridge-university', at, 2);
    };
    expect(crawl('2026-11-02T00:00:00.000Z')).toEqual([]);
    expect(store.getCourse(gone.id)?.status).toBe('active');
    expect(crawl('2026-11-03T00:00:00.000Z')).toEqual([gone.id]);
    expect(store.getCourse(gone.id)?.status).toBe('withdrawn');
    expect(store.getCourse(kept.id)?.status).toBe('active');
    expect(store.countCourses('active')).toBe(1);
  });

  it('on upgrading, keeps down the crawled courses a provider had taken down, not those the crawls missed', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'catalogue-upgrade-')), 'catalogue.db');
    let store = new CatalogueStore(file);
    const takenDown = testCourse({ title: 'Taken Down Course' });
    const missed = testCourse({ title: 'Missed Course' });
    store.upsertCourses([takenDown, missed]);
    // as a partner feed took a course down before the catalogue recorded takedowns
    store.upsertCourses([{ ...takenDown, status: 'withdrawn' }]);
    store.withdrawUnseen('northbridge-university', '2026-11-02T00:00:00.000Z', 1);
    store.close();
    downgrade(file, 'ALTER TABLE course_records DROP COLUMN taken_down', 5);

    store = openStore(file);
    const seenAt = '2026-11-09T00:00:00.000Z';
    store.upsertCourses([takenDown, missed].map((course) => ({ ...course, lastSeenAt: seenAt })));
    expect(store.getCourse(takenDown.id)?.status).toBe('withdrawn');
    expect(store.getCourse(missed.id)?.status).toBe('active');
  });

  it('starts counting again when the course comes back', () => {
    const store = openStore();
    const course = testCourse({ title: 'Seasonal Course' });
    store.upsertCourses([course]);
    store.withdrawUnseen('northbridge-university', '2026-11-02T00:00:00.000Z', 2);
    store.touch(course.id, '2026-11-03T00:00:00.000Z');
    expect(store.withdrawUnseen('northbridge-university', '2026-11-03T00:00:00.000Z', 2)).toEqual([]);
    expect(store.withdrawUnseen('northbridge-university', '2026-11-04T00:00:00.000Z', 2)).toEqual([]);
    expect(store.getCourse(course.id)?.status).toBe('active');
  });
});
