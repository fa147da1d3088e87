import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { CatalogueStore } from '@shortlist/indexer';
import type { FeedJobs } from '@shortlist/indexer/feeds';
import { catalogueSnapshot } from '@shortlist/indexer/testing';
import { parseFeedOptions, type Provider, type RawFeedOptions } from '@shortlist/schemas';
import { runFeed } from './pipeline.ts';
import { feedReport } from './report.ts';

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
