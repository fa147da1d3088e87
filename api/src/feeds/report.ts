import type { FeedJob, FeedJobs } from '@shortlist/indexer/feeds';
import type { FeedProblem, FeedReport } from '@shortlist/schemas';

export const MAX_REPORT_PROBLEMS = 50_000;

export function feedReport(jobs: FeedJobs, job: FeedJob, { withProblems = true } = {}): FeedReport {
  const summary = job.summary;
  const total = withProblems ? jobs.countProblems(job.id) : 0;
  return {
    jobId: job.id,
    status: job.status,
    providerId: job.providerId,
    origin: job.origin,
    source: job.source,
    mode: job.mode,
    dryRun: job.dryRun,
    format: summary?.format ?? job.format,
    encoding: summary?.encoding ?? null,
    applied: summary?.applied ?? false,
    blocked: summary?.blocked ?? null,
    error: summary?.error ?? null,
    counts: {
      rows: summary?.rows ?? 0,
      accepted: summary?.accepted ?? 0,
      rejected: summary?.rejected ?? 0,
      warnings: summary?.warnings ?? 0,
      ...(summary?.counts ?? { new: 0, changed: 0, unchanged: 0, withdrawn: 0 }),
    },
    problems: withProblems ? jobs.problems(job.id, { limit: MAX_REPORT_PROBLEMS }) : [],
    problemsOmitted: Math.max(0, total - MAX_REPORT_PROBLEMS),
    createdAt: job.createdAt,
    finishedAt: job.finishedAt,
    links: { self: `/v1/partner/feeds/${job.id}`, annotatedCsv: `/v1/partner/feeds/${job.id}/annotated.csv` },
  };
}

/**
 * The report as `feedReport` makes it, its problems read a page at a time with a pause between pages, for a route
 * that answers it inside another object (a feed URL's poll).
 */
export async function feedReportInPages(jobs: FeedJobs, job: FeedJob): Promise<FeedReport> {
  const total = jobs.countProblems(job.id);
  const wanted = Math.min(total, MAX_REPORT_PROBLEMS);
  const problems: FeedProblem[] = [];
  while (problems.length < wanted) {
    const page = jobs.problems(job.id, {
      offset: problems.length,
      limit: Math.min(5000, wanted - problems.length),
    });
    if (page.length === 0) break;
    problems.push(...page);
    await new Promise(setImmediate);
  }
  return {
    ...feedReport(jobs, job, { withProblems: false }),
    problems,
    problemsOmitted: Math.max(0, total - MAX_REPORT_PROBLEMS),
  };
}

/** Problems read and written per step of `feedReportResponse`. */
const PAGE = 2000;

/**
 * The report as `feedReport` makes it, as a JSON response for the HTTP routes, its problems read and serialised a
 * page at a time with a pause between pages: a report of 50,000 problems (~10 MB) does not hold up the searches
 * answered meanwhile, neither while it is read nor while it is turned into JSON.
 */
export function feedReportResponse(jobs: FeedJobs, job: FeedJob, status = 200): Response {
  const total = jobs.countProblems(job.id);
  const wanted = Math.min(total, MAX_REPORT_PROBLEMS);
  const marker = '"problems-go-here"';
  const [head, tail] = JSON.stringify({
    ...feedReport(jobs, job, { withProblems: false }),
    problems: 'problems-go-here',
    problemsOmitted: Math.max(0, total - MAX_REPORT_PROBLEMS),
  }).split(marker) as [string, string];
  const encoder = new TextEncoder();
  let sent = 0;
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(encoder.encode(`${head}[`));
    },
    async pull(controller) {
      const page =
        sent < wanted ? jobs.problems(job.id, { offset: sent, limit: Math.min(PAGE, wanted - sent) }) : [];
      if (page.length === 0) {
        controller.enqueue(encoder.encode(`]${tail}`));
        controller.close();
        return;
      }
      const json = JSON.stringify(page);
      controller.enqueue(encoder.encode(`${sent > 0 ? ',' : ''}${json.slice(1, -1)}`));
      sent += page.length;
      await new Promise(setImmediate);
    },
  });
  return new Response(body, { status, headers: { 'content-type': 'application/json' } });
}

const where = (problem: FeedProblem, format: string | null) =>
  problem.row === 0 ? 'feed' : `${format === 'csv' ? 'line' : 'record'} ${problem.row}`;

/** The report as text, for the command line: the outcome first, then the problems. */
export function describeReport(report: FeedReport, { maxWarnings = 50 } = {}): string {
  const { counts } = report;
  const lines = [
    `Feed ${report.jobId} (${report.format ?? 'unreadable'}${report.encoding ? `, ${report.encoding}` : ''}, ${report.mode}${report.dryRun ? ', dry run' : ''}) for ${report.providerId}:`,
    `  ${counts.rows} rows: ${counts.accepted} accepted (${counts.new} new, ${counts.changed} changed, ${counts.unchanged} unchanged), ${counts.rejected} rejected, ${counts.withdrawn} withdrawn; ${counts.warnings} warnings.`,
  ];
  if (report.error) lines.push(`  Not read: ${report.error.message}`, `  Fix: ${report.error.fix}`);
  else if (report.blocked)
    lines.push(`  NOT applied: ${report.blocked.reason}`, `  Fix: ${report.blocked.fix}`);
  else if (report.dryRun) lines.push('  Dry run: nothing was written.');
  else lines.push('  Applied in one transaction.');
  const errors = report.problems.filter((problem) => problem.severity === 'error');
  const warnings = report.problems.filter((problem) => problem.severity === 'warning');
  const show = (problem: FeedProblem) =>
    `  ${where(problem, report.format)} ${problem.severity}${problem.field ? ` [${problem.field}]` : ''}: ${problem.message} Fix: ${problem.fix}`;
  if (errors.length > 0) lines.push('', `Rejected rows (${errors.length} problems):`, ...errors.map(show));
  if (warnings.length > 0) {
    lines.push('', `Warnings (${counts.warnings}):`, ...warnings.slice(0, maxWarnings).map(show));
    if (warnings.length > maxWarnings) lines.push(`  … and ${counts.warnings - maxWarnings} more warnings.`);
  }
  return lines.join('\n');
}
