import { el } from './dom.ts';
import type { FeedProblem, FeedReport } from './partner-api.ts';

const COUNTS: [keyof FeedReport['counts'], string][] = [
  ['rows', 'Rows'],
  ['accepted', 'Accepted'],
  ['new', 'New'],
  ['changed', 'Changed'],
  ['unchanged', 'Unchanged'],
  ['withdrawn', 'Withdrawn'],
  ['rejected', 'Rejected'],
  ['warnings', 'Warnings'],
];

/** One sentence on what happened to the feed. */
export function outcomeOf(report: FeedReport): { text: string; tone: 'good' | 'fair' | 'poor' } {
  if (report.status === 'queued' || report.status === 'running')
    return { text: 'Processing the feed… this page updates when it is done.', tone: 'fair' };
  if (report.error) return { text: `The feed could not be read: ${report.error.message} ${report.error.fix}`, tone: 'poor' }; // prettier-ignore
  if (report.blocked)
    return { text: `Not applied: ${report.blocked.reason} ${report.blocked.fix}`, tone: 'poor' };
  if (report.dryRun)
    return { text: 'Dry run: nothing was changed. This is what the feed would do.', tone: 'fair' };
  return report.counts.rejected > 0
    ? { text: 'Applied, except the rejected rows below; fix them and send the feed again.', tone: 'fair' }
    : { text: 'Applied: your listings are updated and searchable within seconds.', tone: 'good' };
}

const where = (report: FeedReport, row: number) =>
  row === 0 ? 'Whole feed' : report.format === 'csv' ? `Line ${row}` : `Record ${row}`;

/** Problems grouped by row; a rejected row (any error) is highlighted. */
function problemTable(report: FeedReport): HTMLTableElement {
  const byRow = new Map<number, FeedProblem[]>();
  for (const problem of report.problems) {
    const list = byRow.get(problem.row);
    if (list) list.push(problem);
    else byRow.set(problem.row, [problem]);
  }
  const rows = [...byRow].map(([row, problems]) => {
    const rejected = problems.some((problem) => problem.severity === 'error');
    return el(
      'tr',
      { class: rejected ? 'rejected' : 'warned', 'data-row': String(row) },
      el('th', { scope: 'row' }, where(report, row), el('span', { class: 'badge' }, rejected ? 'Rejected' : 'Warning')), // prettier-ignore
      el(
        'td',
        {},
        el(
          'ul',
          { class: 'problems' },
          ...problems.map((problem) =>
            el(
              'li',
              { class: problem.severity },
              problem.field ? el('code', {}, problem.field) : null,
              problem.value ? el('span', { class: 'value' }, `“${problem.value}”`) : null,
              el('span', { class: 'message' }, problem.message),
              el('span', { class: 'fix' }, problem.fix),
            ),
          ),
        ),
      ),
    );
  });
  return el(
    'table',
    { id: 'problems', class: 'problems-table' },
    el('thead', {}, el('tr', {}, el('th', { scope: 'col' }, 'Row'), el('th', { scope: 'col' }, 'Problems and how to fix them'))), // prettier-ignore
    el('tbody', {}, ...rows),
  );
}

export function renderReport(report: FeedReport, onDownload: () => void): HTMLElement[] {
  const outcome = outcomeOf(report);
  const counts = el(
    'dl',
    { class: 'counts' },
    ...COUNTS.map(([key, label]) => el('div', { class: `count-${key}` }, el('dt', {}, label), el('dd', {}, String(report.counts[key])))), // prettier-ignore
  );
  const finished = report.status === 'done' || report.status === 'failed';
  const download =
    finished && !report.error
      ? el('button', { type: 'button', id: 'download-annotated' }, 'Download your file with an errors column')
      : null;
  download?.addEventListener('click', onDownload);
  const parts: (HTMLElement | null)[] = [
    el('h2', {}, `Report for ${report.source ?? 'your feed'}`),
    el('p', { id: 'outcome', class: `outcome ${outcome.tone}`, role: 'status' }, outcome.text),
    el('p', { class: 'meta' }, `${report.format ?? 'unknown format'} · ${report.mode}${report.dryRun ? ' · dry run' : ''} · job ${report.jobId}`), // prettier-ignore
    counts,
    download,
    report.problems.length > 0 ? problemTable(report) : finished ? el('p', {}, 'No problems found.') : null,
    report.problemsOmitted > 0
      ? el('p', { class: 'meta' }, `${report.problemsOmitted} more problems are in the downloadable file.`)
      : null,
  ];
  return parts.filter((node): node is HTMLElement => node !== null);
}

export function renderHistory(reports: FeedReport[], open: (report: FeedReport) => void): HTMLElement[] {
  const head = el('thead', {}, el('tr', {}, ...['When', 'Source', 'Mode', 'Status', 'New', 'Changed', 'Withdrawn', 'Rejected'].map((h) => el('th', { scope: 'col' }, h)))); // prettier-ignore
  const rows = reports.map((report) => {
    const button = el(
      'button',
      { type: 'button', class: 'link' },
      new Date(report.createdAt).toLocaleString(),
    );
    button.addEventListener('click', () => open(report));
    const status = report.error
      ? 'failed'
      : report.blocked
        ? 'not applied'
        : report.dryRun
          ? 'dry run'
          : report.status;
    return el(
      'tr',
      { 'data-job': report.jobId },
      el('td', {}, button),
      el('td', {}, report.source ?? report.origin),
      el('td', {}, report.mode),
      el('td', {}, status),
      ...(['new', 'changed', 'withdrawn', 'rejected'] as const).map((key) => el('td', {}, String(report.counts[key]))), // prettier-ignore
    );
  });
  return [head, el('tbody', {}, ...rows)];
}
