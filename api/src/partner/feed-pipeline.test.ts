import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { CatalogueStore } from '@shortlist/indexer';
import type { FeedJobs } from '@shortlist/indexer/feeds';
import { catalogueSnapshot, testCourse } from '@shortlist/indexer/testing';
import type { Provider } from '@shortlist/schemas';
import { parseFeedOptions, type RawFeedOptions } from './feed-options.ts';
import { runFeed } from './feed-pipeline.ts';
import { feedReport } from './feed-report.ts';

const PROVIDER: Provider = {
  id: 'harbour-institute',
  name: 'Harbour Institute',
  type: 'college',
  country: 'GB',
  url: 'https://www.harbour.example/',
};
const OTHER: Provider = {
  id: 'other-college',
  name: 'Other College',
  type: 'college',
  country: 'GB',
  url: 'https://www.other.example/',
};

let store: CatalogueStore;
let jobs: FeedJobs;

beforeEach(() => {
  store = new CatalogueStore(join(mkdtempSync(join(tmpdir(), 'feed-pipeline-')), 'catalogue.db'));
  store.upsertProvider(PROVIDER);
  store.upsertProvider(OTHER);
  jobs = store.feedJobs;
});

const row = (n: number, extra = '') =>
  `C${n},Course ${n},https://www.harbour.example/courses/${n},${4 + (n % 8)} weeks,£${100 + n},Online${extra}`;
const csv = (numbers: number[], rows: string[] = []) =>
  ['course_id,title,url,duration,cost,mode', ...numbers.map((n) => row(n)), ...rows].join('\n');

async function send(feed: string, options: RawFeedOptions = {}, provider = PROVIDER) {
  const settings = parseFeedOptions(options);
  const job = jobs.create({
    providerId: provider.id,
    partnerId: null,
    origin: 'cli',
    source: 'test.csv',
    format: null,
    mode: settings.mode,
    dryRun: settings.dryRun,
    options: {},
  });
  let error: Error | undefined;
  try {
    await runFeed(store, jobs, {
      jobId: job.id,
      provider,
      input: feed,
      mode: settings.mode,
      dryRun: settings.dryRun,
      limits: settings.limits,
      read: { mapping: settings.mapping },
      receivedAt: new Date().toISOString(),
    });
  } catch (caught) {
    error = caught as Error;
  }
  return { report: feedReport(jobs, jobs.get(job.id)!), error };
}

const active = () =>
  store
    .providerListings(PROVIDER.id)
    .filter((listing) => listing.status === 'active')
    .map((listing) => listing.id)
    .sort();
const snapshot = () => catalogueSnapshot(store.file).listings;
const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);

describe('applying a feed', () => {
  it('adds courses, and the same feed sent twice changes nothing', async () => {
    const first = await send(csv(range(1, 10)));
    expect(first.report).toMatchObject({
      status: 'done',
      applied: true,
      counts: { rows: 10, accepted: 10, new: 10, changed: 0 },
    });
    expect(active()).toHaveLength(10);
    const before = snapshot();
    const second = await send(csv(range(1, 10)));
    expect(second.report.counts).toMatchObject({ new: 0, changed: 0, unchanged: 10, withdrawn: 0 });
    expect(snapshot()).toEqual(before);
  });

  it('in upsert mode updates what the feed names and leaves the rest; a withdrawn row takes its course down', async () => {
    await send(csv(range(1, 10)));
    const { report } = await send(
      [
        'course_id,title,url,cost,status',
        'C1,Course 1,https://www.harbour.example/courses/1,£999,',
        'C2,Course 2,https://www.harbour.example/courses/2,,withdrawn',
      ].join('\n'),
    );
    expect(report.counts).toMatchObject({ changed: 2, withdrawn: 0 });
    expect(active()).toHaveLength(9);
    expect(
      store.getCourse(active().find((id) => store.getCourse(id)!.title === 'Course 1')!)!.cost.amount,
    ).toBe(999);
  });

  it('in replace mode withdraws the courses the feed no longer lists, and says how many', async () => {
    await send(csv(range(1, 10)));
    const { report } = await send(csv(range(1, 7)), { mode: 'replace' });
    expect(report).toMatchObject({ applied: true, counts: { unchanged: 7, withdrawn: 3 } });
    expect(active()).toHaveLength(7);
    expect(store.countCourses('withdrawn')).toBe(3);
  });

  it('keeps down what a replace feed took down even when the crawler finds its page again', async () => {
    const crawled = (n: number, cost: string, fetchedAt: string) => ({
      ...testCourse(
        { title: `Course ${n}`, url: `https://www.harbour.example/courses/${n}`, cost },
        PROVIDER.id,
      ),
      lastSeenAt: fetchedAt,
    });
    store.upsertCourses(range(1, 10).map((n) => crawled(n, `£${100 + n}`, '2026-11-01T10:00:00.000Z')));
    const { report } = await send(csv(range(1, 7)), { mode: 'replace' });
    expect(report.counts).toMatchObject({ withdrawn: 3 });
    expect(active()).toHaveLength(7);

    // the next crawl sees all ten pages, three of them changed
    const counts = store.upsertCourses(
      range(1, 10).map((n) => crawled(n, `£${n > 7 ? 500 : 100 + n}`, '2026-11-08T10:00:00.000Z')),
    );
    expect(counts).toMatchObject({ new: 0, changed: 3 });
    expect(active()).toHaveLength(7);
    expect(store.countCourses('withdrawn')).toBe(3);

    // the partner lists course 9 again: same listing, and the crawler keeps it up to date from then on
    const listing9 = store.listingOf(crawled(9, '', '').id)!;
    await send(csv([9]));
    expect(active()).toContain(listing9);
    store.upsertCourses([crawled(9, '£777', '2026-11-15T10:00:00.000Z')]);
    expect(store.getRecords(listing9).map((record) => record.course.status)).toEqual(['active', 'active']);
  });

  it('takes down the whole listing when a row is marked withdrawn, the crawled page of the course too', async () => {
    const crawled = testCourse(
      { title: 'Course 2', url: 'https://www.harbour.example/courses/2', cost: '£102' },
      PROVIDER.id,
    );
    store.upsertCourses([crawled]);
    const { report } = await send(
      ['course_id,title,url,status', 'C2,Course 2,https://www.harbour.example/courses/2,withdrawn'].join(
        '\n',
      ),
    );
    expect(report).toMatchObject({ applied: true, counts: { accepted: 1 } });
    expect(active()).toEqual([]);
    // and the crawler finding the page again does not bring it back
    store.upsertCourses([{ ...crawled, lastSeenAt: '2026-11-08T10:00:00.000Z' }]);
    expect(active()).toEqual([]);

    // until the row says the course runs again: then the crawled page counts again too
    await send(['course_id,title,url', 'C2,Course 2,https://www.harbour.example/courses/2'].join('\n'));
    expect(active()).toEqual([crawled.id]);
    store.upsertCourses([{ ...crawled, lastSeenAt: '2026-11-15T10:00:00.000Z' }]);
    expect(store.getRecords(crawled.id).map((record) => record.course.status)).toEqual(['active', 'active']);
  });

  it('keeps a course listed when a feed withdraws its old id and lists it under a new one', async () => {
    store.upsertCourses([
      testCourse({ title: 'Course 2', url: 'https://www.harbour.example/courses/2' }, PROVIDER.id),
    ]);
    await send(csv([2]));
    const { report } = await send(
      [
        'course_id,title,url,status',
        'C2-NEW,Course 2,https://www.harbour.example/courses/2,',
        'C2,Course 2,https://www.harbour.example/courses/2,withdrawn',
      ].join('\n'),
    );
    expect(report).toMatchObject({ applied: true, counts: { accepted: 2 } });
    expect(active()).toHaveLength(1);
  });

  it('refuses a replace feed that would withdraw more than half the listings, and says how to override', async () => {
    await send(csv(range(1, 10)));
    const before = snapshot();
    const { report } = await send(csv(range(1, 4)), { mode: 'replace' });
    expect(report.applied).toBe(false);
    expect(report.blocked!.reason).toBe(
      'This feed would withdraw 6 of your 10 listed courses (60%), more than the 50% safety limit for a replace feed.',
    );
    expect(report.blocked!.fix).toContain('maxWithdrawShare=0.6');
    expect(snapshot()).toEqual(before);
    const forced = await send(csv(range(1, 4)), { mode: 'replace', maxWithdrawShare: '0.6' });
    expect(forced.report).toMatchObject({ applied: true, counts: { withdrawn: 6 } });
  });

  it('refuses a replace feed with too many rejected rows; upsert applies the accepted ones', async () => {
    await send(csv(range(1, 10)));
    const broken = csv(
      range(1, 6),
      range(7, 10).map((n) => `C${n},,https://www.harbour.example/courses/${n},6 weeks,£1,Online`),
    );
    const replace = await send(broken, { mode: 'replace' });
    expect(replace.report).toMatchObject({ applied: false, counts: { rejected: 4 } });
    expect(replace.report.blocked!.reason).toMatch(/^4 of 10 rows \(40%\) were rejected, more than the 20%/);
    const upsert = await send(broken);
    expect(upsert.report).toMatchObject({
      applied: true,
      counts: { accepted: 6, rejected: 4, unchanged: 6 },
    });
    expect(active()).toHaveLength(10);
  });

  it('never withdraws a listing because its row was rejected', async () => {
    await send(csv(range(1, 10)));
    const feed = csv(range(1, 9), ['C10,Course 10,not a url,6 weeks,£1,Online']);
    const { report } = await send(feed, { mode: 'replace' });
    expect(report).toMatchObject({ applied: true, counts: { rejected: 1, withdrawn: 0 } });
    expect(report.problems.find((p) => p.severity === 'error')).toMatchObject({
      row: 11,
      field: 'url',
      value: 'not a url',
    });
    expect(active()).toHaveLength(10);
  });

  it('a dry run writes nothing but reports what would happen, including the safety check', async () => {
    await send(csv(range(1, 10)));
    const before = snapshot();
    const { report } = await send(csv([...range(1, 3), 11, 12]), { mode: 'replace', dryRun: 'true' });
    expect(report).toMatchObject({
      dryRun: true,
      applied: false,
      counts: { new: 2, unchanged: 3, withdrawn: 7 },
    });
    expect(report.blocked!.reason).toContain('withdraw 7 of your 10');
    expect(snapshot()).toEqual(before);
  });

  it("refuses, as a whole, a feed that claims another provider's course page", async () => {
    await send(csv(range(1, 3)), {}, PROVIDER);
    const other = 'title,url\nMine now,https://www.harbour.example/courses/2\n';
    const before = snapshot();
    const { report, error } = await send(other, {}, OTHER);
    expect(error!.name).toBe('FeedError');
    expect(error!.message).toBe(
      'Row 2 is a course of provider "harbour-institute"; this key may only write courses of "other-college".',
    );
    expect(report).toMatchObject({ status: 'failed', applied: false });
    expect(snapshot()).toEqual(before);
  });

  it('records a feed that cannot be read as failed, with the line, and writes nothing', async () => {
    const { report, error } = await send('title,url\n"Broken,https://www.harbour.example/x\n');
    expect(error).toBeDefined();
    expect(report).toMatchObject({
      status: 'failed',
      error: { line: 2, message: expect.stringMatching(/^Line 2: a quote/) },
    });
    expect(active()).toHaveLength(0);
  });

  it('keeps the feed history, newest first, with its counts', async () => {
    await send(csv(range(1, 3)));
    await send(csv(range(1, 2)), { mode: 'replace', dryRun: 'true' });
    const history = jobs.history(PROVIDER.id);
    expect(history.map((job) => [job.mode, job.dryRun, job.summary!.counts.new])).toEqual([
      ['replace', true, 0],
      ['upsert', false, 3],
    ]);
  });
});
