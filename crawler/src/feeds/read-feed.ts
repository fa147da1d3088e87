import { digestRow, type CheckedDigest } from './check-digest.ts';
import {
  checkRecord,
  ForeignProviderError,
  markDuplicate,
  type CheckedRow,
  type FeedContext,
} from './check-row.ts';
import { CheckWorkers } from './check-workers.ts';
import { readCtdlFeed } from './ctdl-feed.ts';
import { readCsvFeed, type ColumnMapping } from './csv-feed.ts';
import type { Delimiter } from './csv-tokenizer.ts';
import { decodeFeed, type FeedEncoding, type FeedInput, type TextChunks } from './decode.ts';
import { detectFormat } from './detect.ts';
import { fieldNamer } from './field-names.ts';
import { readElmFeed } from './elm-feed.ts';
import type { FeedNotes, FeedRecord } from './feed-record.ts';
import { readJsonDocument } from './json-document.ts';
import { readJsonFeed, type JsonRecordShape } from './json-feed.ts';
import { FeedError, type FeedFormat } from './problems.ts';
import { readSchemaOrgFeed } from './schemaorg-feed.ts';

export interface FeedOptions {
  /** the format the partner declared; detected from the content when absent */
  format?: FeedFormat;
  contentType?: string;
  fileName?: string;
  /** CSV: the partner's headers mapped onto documented columns */
  mapping?: ColumnMapping;
  delimiter?: Delimiter;
  /** schema.org: what relative URLs resolve against */
  baseUrl?: string;
  /** JSON: text fields to normalise (partner feeds, the default) or complete Course records (bulk import) */
  shape?: JsonRecordShape;
}

export interface OpenedFeed {
  format: FeedFormat;
  encoding: FeedEncoding;
  notes: FeedNotes;
  /** the feed's records, read as they are needed; a FeedError here means the rest cannot be read */
  records: AsyncIterable<FeedRecord>;
  /** JSON bulk import: providers listed next to the courses */
  providers: unknown[];
}

const FAMILY: Record<FeedFormat, 'csv' | 'json'> = {
  csv: 'csv',
  json: 'json',
  schemaorg: 'json',
  ctdl: 'json',
  elm: 'json',
};

/** Decodes and detects a feed, and readies its records. Throws FeedError for a feed that cannot be read. */
export async function openFeed(input: FeedInput, options: FeedOptions = {}): Promise<OpenedFeed> {
  const decoded = await decodeFeed(input);
  const detected = detectFormat(decoded.sample, options.contentType, options.fileName);
  const format = options.format ?? detected;
  if (options.format && FAMILY[options.format] !== FAMILY[detected])
    throw new FeedError(
      `format=${options.format} was given, but the content is ${FAMILY[detected] === 'json' ? `JSON (it reads as ${detected})` : 'not JSON'}.`,
      `Leave format out to have it detected, or give format=${detected}.`,
      { line: 1 },
      'format',
    );
  const notes: FeedNotes = { problems: [] };
  const providers: unknown[] = [];
  const records = readRecords(format, decoded.text, decoded.sample, notes, options, providers);
  return { format, encoding: decoded.encoding, notes, records, providers };
}

async function* readRecords(
  format: FeedFormat,
  text: TextChunks,
  sample: string,
  notes: FeedNotes,
  options: FeedOptions,
  providers: unknown[],
): AsyncGenerator<FeedRecord> {
  switch (format) {
    case 'csv':
      yield* readCsvFeed(text, sample, notes, {
        mapping: options.mapping,
        delimiter: options.delimiter,
      });
      return;
    case 'json':
      yield* readJsonFeed(text, notes, options.shape ?? 'raw', providers);
      return;
    case 'schemaorg':
      yield* readSchemaOrgFeed(await readJsonDocument(text), options.baseUrl ?? 'https://example.invalid/');
      return;
    case 'ctdl':
      yield* readCtdlFeed(await readJsonDocument(text));
      return;
    case 'elm':
      yield* readElmFeed(await readJsonDocument(text));
      return;
  }
}

/** Normalises and checks every record of an opened feed for the partner's provider. */
export async function* checkFeed(feed: OpenedFeed, context: FeedContext): AsyncGenerator<CheckedRow> {
  const seen = new Map<string, number>();
  let checking: FeedContext | undefined;
  for await (const record of feed.records) {
    // the CSV header is known once the first row is read
    checking ??= { ...context, fieldName: context.fieldName ?? fieldNamer(feed.format, feed.notes.columnOf) };
    yield markDuplicate(checkRecord(record, checking), seen, checking.fieldName);
  }
}

const BATCH = 250;

/**
 * checkFeed as digests, in row order. With `workers`, the rows are checked on that many threads while this one
 * reads the feed (a large feed then uses every core); accepted courses come with their JSON when `serialise`
 * (they are to be staged).
 */
export async function* checkFeedRows(
  feed: OpenedFeed,
  context: Omit<FeedContext, 'fieldName'>,
  { workers = 0, serialise = true } = {},
): AsyncGenerator<CheckedDigest> {
  if (workers === 0) {
    for await (const row of checkFeed(feed, context)) yield digestRow(row, serialise);
    return;
  }
  const pool = await CheckWorkers.start(workers);
  const seen = new Map<string, number>();
  const inFlight: Promise<CheckedDigest[]>[] = [];
  let batch: FeedRecord[] = [];
  let fieldName: ((field: string) => string) | undefined;
  const send = () => {
    fieldName ??= fieldNamer(feed.format, feed.notes.columnOf);
    const columnOf = [...(feed.notes.columnOf ?? new Map<string, string>())];
    // the cells as written are for the annotated copy, not for checking: they stay here
    const records = batch.map(({ cells: _cells, ...record }) => record);
    inFlight.push(pool.check({ format: feed.format, columnOf, context, records, serialise }));
    batch = [];
  };
  try {
    for await (const record of feed.records) {
      if (record.providerId !== undefined && record.providerId !== context.provider.id)
        throw new ForeignProviderError(record.row, record.providerId, context.provider.id);
      if (batch.push(record) >= BATCH) {
        send();
        // a turn of the event loop between batches read: the thread reading may be the one that answers HTTP
        await new Promise(setImmediate);
      }
      while (inFlight.length > workers * 3)
        for (const row of await inFlight.shift()!) yield markDuplicate(row, seen, fieldName);
    }
    if (batch.length > 0) send();
    while (inFlight.length > 0)
      for (const row of await inFlight.shift()!) yield markDuplicate(row, seen, fieldName);
  } finally {
    // batches still in flight when the caller stops early are dropped with their workers
    for (const pending of inFlight) void pending.catch(() => undefined);
    await pool.close();
  }
}
