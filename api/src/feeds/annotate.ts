import { createReadStream } from 'node:fs';
import { csvLine, openFeed, type FeedRecord } from '@shortlist/crawler/feeds';
import type { FeedJob, FeedJobs } from '@shortlist/indexer/feeds';
import { parseFeedOptions } from '@shortlist/schemas';
import type { JobOptions } from './runner.ts';

/**
 * The partner's feed with an `errors` column: for a CSV feed, every row exactly as sent plus the reasons it
 * was rejected; for the JSON formats, one line per record (number, id, title, url) plus the reasons.
 * Streamed: the upload is read again and joined with the stored problems, row by row.
 */
export async function* annotatedCsv(jobs: FeedJobs, job: FeedJob): AsyncGenerator<string> {
  const options = job.options as JobOptions;
  const settings = parseFeedOptions(options);
  const feed = await openFeed(createReadStream(job.uploadPath!), {
    format: (job.format ?? settings.format) as never,
    mapping: settings.mapping,
    delimiter: settings.delimiter,
    contentType: options.contentType,
  });
  const errors = jobs.errorsByRow(job.id)[Symbol.iterator]();
  let next = errors.next();
  const errorsOf = (row: number): string => {
    while (!next.done && next.value[0] < row) next = errors.next();
    return !next.done && next.value[0] === row ? next.value[1].join(' | ') : '';
  };
  const csv = feed.format === 'csv';
  const delimiter = feed.notes.delimiter ?? ',';
  let headed = false;
  const header = () => {
    headed = true;
    const columns = csv
      ? [...(feed.notes.header ?? []), 'errors']
      : ['record', 'course_id', 'title', 'url', 'errors'];
    return `\uFEFF${csvLine(columns, delimiter)}`;
  };
  for await (const record of feed.records) {
    if (!headed) yield header();
    yield csvLine(
      cellsOf(record, csv, feed.notes.header?.length ?? 0).concat(errorsOf(record.row)),
      delimiter,
    );
  }
  if (!headed) yield header();
}

function cellsOf(record: FeedRecord, csv: boolean, width: number): string[] {
  if (!csv) return [String(record.row), record.key ?? '', record.raw.title ?? '', record.raw.url ?? ''];
  const cells = [...(record.cells ?? [])];
  while (cells.length < width) cells.push('');
  return cells;
}
