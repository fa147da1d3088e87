import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Course } from '@shortlist/schemas';
import { CatalogueStore } from './catalogue/index.ts';
import { testCourse } from './test-courses.ts';

const stores: CatalogueStore[] = [];
function openStore() {
  const store = new CatalogueStore(join(mkdtempSync(join(tmpdir(), 'dedup-')), 'catalogue.db'));
  stores.push(store);
  return store;
}
afterEach(() => stores.splice(0).forEach((store) => store.close()));

function asFeedRecord(course: Course, changes: Partial<Course> = {}): Course {
  const provenance = Object.fromEntries(Object.keys(course.provenance).map((key) => [key, 'feed' as const]));
  return {
    ...course,
    id: `${course.id}-feed`,
    source: 'feed',
    provenance,
    fetchedAt: '2026-11-02T10:00:00.000Z',
    ...changes,
  };
}

describe('one listing per course', () => {
  it('merges a crawled page and a partner feed row for the same URL, the feed winning where both speak', () => {
    const store = openStore();
    const crawled = testCourse({
      title: 'Data Analytics with Python',
      url: 'https://northbridge.example/courses/data',
      cost: '£450',
      duration: '6 weeks',
      mode: 'Online',
    });
    const fromFeed = testCourse({
      title: 'Data Analytics with Python',
      url: 'https://www.northbridge.example/courses/data/',
      cost: '£420',
    });
    store.upsertCourses([crawled]);
    store.upsertCourses([asFeedRecord(fromFeed)]);

    expect(store.countCourses()).toBe(1);
    const listing = store.getCourse(crawled.id)!;
    expect(listing.cost.amount).toBe(420);
    expect(listing.provenance.cost).toBe('feed');
    expect(listing.duration.maxWeeks).toBe(6);
    expect(listing.delivery.mode).toBe('online');
    expect(
      store
        .getRecords(crawled.id)
        .map((record) => record.joinedBy)
        .sort(),
    ).toEqual(['own', 'same-url']);
    expect(store.getCourse(`${fromFeed.id}-feed`)?.id).toBe(crawled.id);
  });

  it('keeps each field’s evidence with the record it came from, in the stored catalogue', () => {
    const store = openStore();
    const duration = { extractor: 'text' as const, text: 'Duration: 6 weeks', confidence: 'medium' as const };
    const cost = { extractor: 'text' as const, text: 'Fee: £450', confidence: 'low' as const };
    const crawled = { ...testCourse({ title: 'Data Analytics', url: 'https://northbridge.example/courses/data', cost: '£450', duration: '6 weeks' }), evidence: { duration, cost } }; // prettier-ignore
    const fromFeed = testCourse({ title: 'Data Analytics', url: 'https://northbridge.example/courses/data', cost: '£420' }); // prettier-ignore
    store.upsertCourses([crawled]);
    expect(store.getCourse(crawled.id)!.evidence).toEqual({ duration, cost });

    store.upsertCourses([asFeedRecord(fromFeed)]);
    // the feed's price wins and brings no evidence of its own; the crawled duration keeps where it was read
    expect(store.getCourse(crawled.id)!.evidence).toEqual({ duration });
  });

  it('merges near-duplicates of one provider (same title, similar duration and cost) and can undo it', () => {
    const store = openStore();
    const a = testCourse({
      title: 'Project Management Essentials',
      url: 'https://northbridge.example/a',
      duration: '8 weeks',
      cost: '£600',
    });
    const b = testCourse({
      title: 'Project management: essentials',
      url: 'https://northbridge.example/b',
      duration: '8 weeks',
      cost: '£610',
    });
    const different = testCourse({
      title: 'Project Management Essentials',
      url: 'https://northbridge.example/c',
      duration: '20 weeks',
      cost: '£2,400',
    });
    store.upsertCourses([a, b, different]);
    expect(store.countCourses()).toBe(2);
    expect(
      store
        .getRecords(a.id)
        .map((record) => record.recordId)
        .sort(),
    ).toEqual([a.id, b.id].sort());

    store.splitRecord(b.id);
    expect(store.countCourses()).toBe(3);
    expect(store.getRecords(a.id).map((record) => record.recordId)).toEqual([a.id]);
    store.upsertCourses([{ ...b, summary: 'Changed after the split', contentHash: 'changed' }]);
    expect(store.countCourses()).toBe(3);
  });

  it('keeps a listing while one of its sources still has it', () => {
    const store = openStore();
    const crawled = testCourse({ title: 'Welding Fundamentals', url: 'https://northbridge.example/welding' });
    store.upsertCourses([crawled, asFeedRecord(crawled)]);
    expect(store.withdrawUnseen('northbridge-university', '2026-12-01T00:00:00.000Z', 1)).toEqual([
      crawled.id,
    ]);
    expect(store.getCourse(crawled.id)?.status).toBe('active');
    expect(store.countCourses()).toBe(1);
  });
});

describe('history', () => {
  it('keeps every change of price, duration and status with its time', () => {
    const store = openStore();
    const first = testCourse({
      title: 'Cloud Computing Essentials',
      url: 'https://northbridge.example/cloud',
      cost: '£500',
      duration: '6 weeks',
    });
    store.upsertCourses([first]);
    store.upsertCourses([
      testCourse({
        title: 'Cloud Computing Essentials',
        url: 'https://northbridge.example/cloud',
        cost: '£450',
        duration: '6 weeks',
      }),
    ]);
    store.upsertCourses([
      testCourse({
        title: 'Cloud Computing Essentials',
        url: 'https://northbridge.example/cloud',
        cost: '£450',
        duration: '8 weeks',
      }),
    ]);
    store.withdrawUnseen('northbridge-university', '2026-12-01T00:00:00.000Z', 1);

    const history = store.getHistory(first.id);
    expect(
      history
        .filter((entry) => entry.field === 'cost')
        .map((entry) => (entry.new as { amount: number }).amount),
    ).toEqual([500, 450]);
    expect(history.filter((entry) => entry.field === 'duration').map((entry) => entry.new)).toEqual([
      { minWeeks: 8, maxWeeks: 8 },
    ]);
    expect(
      history.filter((entry) => entry.field === 'status').map((entry) => [entry.old, entry.new]),
    ).toEqual([['active', 'withdrawn']]);
    expect(history.every((entry) => !Number.isNaN(Date.parse(entry.at)))).toBe(true);
  });
});
