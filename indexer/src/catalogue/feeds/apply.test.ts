import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import {
  DEFAULT_FEED_LIMITS,
  type Course,
  type FeedLimits,
  type FeedMode,
  type Provider,
} from '@shortlist/schemas';
import { testCourse } from '../../test-courses.ts';
import { catalogueSnapshot } from '../snapshot.ts';
import { CatalogueStore } from '../store.ts';
import { FeedStaging } from './staging.ts';

const PROVIDER: Provider = {
  id: 'harbour-institute',
  name: 'Harbour Institute',
  type: 'college',
  country: 'GB',
  url: 'https://www.harbour.example/',
};

let store: CatalogueStore;

beforeEach(() => {
  store = new CatalogueStore(join(mkdtempSync(join(tmpdir(), 'feed-apply-')), 'catalogue.db'));
  store.upsertProvider(PROVIDER);
});

const url = (n: number) => `https://www.harbour.example/courses/${n}`;
/** Row `C<n>` of the partner's feed, as the feed pipeline checks it. */
const row = (n: number, key = `C${n}`, cost = `£${100 + n}`) =>
  testCourse({ title: `Course ${n}`, url: url(n), duration: `${4 + (n % 8)} weeks`, cost, mode: 'Online' }, PROVIDER.id, key); // prettier-ignore
const withdrawn = (course: Course): Course => ({ ...course, status: 'withdrawn' });
/** The course's page as the crawler finds it. */
const crawled = (n: number, cost: string, lastSeenAt = '2026-11-01T10:00:00.000Z') => ({
  ...testCourse({ title: `Course ${n}`, url: url(n), cost }, PROVIDER.id),
  lastSeenAt,
});
const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);

/** Stages the rows and applies them, as the pipeline does once a feed is checked. */
function apply(
  rows: Course[],
  { mode = 'upsert', limits = DEFAULT_FEED_LIMITS }: { mode?: FeedMode; limits?: FeedLimits } = {},
) {
  const staging = new FeedStaging();
  try {
    for (const course of rows) {
      staging.add(JSON.stringify(course));
      staging.name(course.id);
    }
    return store.applyFeed({
      providerId: PROVIDER.id,
      mode,
      staging,
      rows: rows.length,
      rejected: 0,
      limits,
    });
  } finally {
    staging.close();
  }
}

const active = () =>
  store
    .providerListings(PROVIDER.id)
    .filter((listing) => listing.status === 'active')
    .map((listing) => listing.id)
    .sort();

describe('applying a checked feed', () => {
  it('in upsert mode updates what the feed names and leaves the rest; a withdrawn row takes its course down', () => {
    apply(range(1, 10).map((n) => row(n)));
    const outcome = apply([row(1, 'C1', '£999'), withdrawn(row(2))]);
    expect(outcome).toMatchObject({ applied: true, counts: { changed: 2, withdrawn: 0 } });
    expect(active()).toHaveLength(9);
    expect(store.getCourse(row(1).id)!.cost.amount).toBe(999);
  });

  it('in replace mode withdraws the courses the feed no longer lists, and says how many', () => {
    apply(range(1, 10).map((n) => row(n)));
    const outcome = apply(
      range(1, 7).map((n) => row(n)),
      { mode: 'replace' },
    );
    expect(outcome).toMatchObject({ applied: true, counts: { unchanged: 7, withdrawn: 3 } });
    expect(active()).toHaveLength(7);
    expect(store.countCourses('withdrawn')).toBe(3);
  });

  it('keeps down what a replace feed took down even when the crawler finds its page again', () => {
    store.upsertCourses(range(1, 10).map((n) => crawled(n, `£${100 + n}`)));
    expect(
      apply(
        range(1, 7).map((n) => row(n)),
        { mode: 'replace' },
      ).counts,
    ).toMatchObject({ withdrawn: 3 });
    expect(active()).toHaveLength(7);

    // the next crawl sees all ten pages, three of them changed
    const counts = store.upsertCourses(
      range(1, 10).map((n) => crawled(n, `£${n > 7 ? 500 : 100 + n}`, '2026-11-08T10:00:00.000Z')),
    );
    expect(counts).toMatchObject({ new: 0, changed: 3 });
    expect(active()).toHaveLength(7);
    expect(store.countCourses('withdrawn')).toBe(3);

    // the partner lists course 9 again: same listing, and the crawler keeps it up to date from then on
    const listing9 = store.listingOf(crawled(9, '').id)!;
    apply([row(9)]);
    expect(active()).toContain(listing9);
    store.upsertCourses([crawled(9, '£777', '2026-11-15T10:00:00.000Z')]);
    expect(store.getRecords(listing9).map((record) => record.course.status)).toEqual(['active', 'active']);
  });

  it('takes down the whole listing when a row is marked withdrawn, the crawled page of the course too', () => {
    const page = crawled(2, '£102');
    store.upsertCourses([page]);
    expect(apply([withdrawn(row(2))])).toMatchObject({ applied: true });
    expect(active()).toEqual([]);
    // and the crawler finding the page again does not bring it back
    store.upsertCourses([{ ...page, lastSeenAt: '2026-11-08T10:00:00.000Z' }]);
    expect(active()).toEqual([]);

    // until the row says the course runs again: then the crawled page counts again too
    apply([row(2)]);
    expect(active()).toEqual([page.id]);
    store.upsertCourses([{ ...page, lastSeenAt: '2026-11-15T10:00:00.000Z' }]);
    expect(store.getRecords(page.id).map((record) => record.course.status)).toEqual(['active', 'active']);
  });

  it('keeps a course listed when a feed withdraws its old id and lists it under a new one', () => {
    store.upsertCourses([crawled(2, '£102')]);
    apply([row(2)]);
    expect(apply([row(2, 'C2-NEW'), withdrawn(row(2))])).toMatchObject({ applied: true });
    expect(active()).toHaveLength(1);
  });

  it('refuses a replace feed that would withdraw more than half the listings, and says how to override', () => {
    apply(range(1, 10).map((n) => row(n)));
    const before = catalogueSnapshot(store.file);
    const outcome = apply(
      range(1, 4).map((n) => row(n)),
      { mode: 'replace' },
    );
    expect(outcome.applied).toBe(false);
    expect(outcome.blocked!.reason).toBe(
      'This feed would withdraw 6 of your 10 listed courses (60%), more than the 50% safety limit for a replace feed.',
    );
    expect(outcome.blocked!.fix).toContain('maxWithdrawShare=0.6');
    expect(catalogueSnapshot(store.file)).toEqual(before);
    const forced = apply(
      range(1, 4).map((n) => row(n)),
      {
        mode: 'replace',
        limits: { ...DEFAULT_FEED_LIMITS, maxWithdrawShare: 0.6 },
      },
    );
    expect(forced).toMatchObject({ applied: true, counts: { withdrawn: 6 } });
  });
});
