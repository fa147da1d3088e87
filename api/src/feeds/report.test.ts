import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CatalogueStore } from '@shortlist/indexer';
import type { FeedProblem } from '@shortlist/schemas';
import { feedReport, feedReportResponse, MAX_REPORT_PROBLEMS } from './report.ts';

const dir = mkdtempSync(join(tmpdir(), 'feed-report-'));
const store = new CatalogueStore(join(dir, 'catalogue.db'));
afterAll(() => {
  store.close();
  rmSync(dir, { recursive: true, force: true });
});

function jobWithProblems(count: number) {
  const job = store.feedJobs.create({
    providerId: 'harbour-institute',
    partnerId: null,
    origin: 'upload',
    source: 'feed.csv',
    format: 'csv',
    mode: 'upsert',
    dryRun: false,
    options: {},
  });
  const problems: FeedProblem[] = Array.from({ length: count }, (_, n) => ({
    row: 2 + Math.floor(n / 2),
    severity: n % 2 ? 'warning' : 'error',
    field: n % 3 ? 'cost' : null,
    value: n % 3 ? `£${n} "about"` : null,
    message: `Problem ${n}: the value is not a price.`,
    fix: 'Write the cost as an amount and a currency, e.g. "£450".',
  }));
  store.feedJobs.addProblems(job.id, problems);
  return store.feedJobs.get(job.id)!;
}

describe('the feed report as an HTTP answer (issue 16)', () => {
  it('is the whole report, its problems serialised a page at a time', async () => {
    const job = jobWithProblems(4321);
    const response = feedReportResponse(store.feedJobs, job);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/json');
    expect(await response.json()).toEqual(feedReport(store.feedJobs, job));
  });

  it('lists at most 50,000 problems and says how many more there are; none is a valid empty list', async () => {
    const many = jobWithProblems(MAX_REPORT_PROBLEMS + 7);
    const report = (await feedReportResponse(store.feedJobs, many).json()) as ReturnType<typeof feedReport>;
    expect(report.problems).toHaveLength(MAX_REPORT_PROBLEMS);
    expect(report.problemsOmitted).toBe(7);
    const none = (await feedReportResponse(store.feedJobs, jobWithProblems(0), 202).json()) as ReturnType<
      typeof feedReport
    >;
    expect(none.problems).toEqual([]);
  });
});
