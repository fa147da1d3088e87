import { parentPort } from 'node:worker_threads';
import { digestRow } from './check-digest.ts';
import { checkRecord, type FeedContext } from './check-row.ts';
import type { FeedRecord } from './feed-record.ts';
import { fieldNamer } from './field-names.ts';
import type { FeedFormat } from './problems.ts';

export interface CheckBatch {
  id: number;
  format: FeedFormat;
  columnOf: [string, string][];
  context: Omit<FeedContext, 'fieldName'>;
  records: FeedRecord[];
  /** serialise accepted courses (they are to be staged); a dry run needs only their digest */
  serialise: boolean;
}

/** Checks feed records for the main thread: `CheckBatch` in, `{ id, rows }` or `{ id, error }` out. */
parentPort!.on('message', (batch: CheckBatch) => {
  try {
    const context = { ...batch.context, fieldName: fieldNamer(batch.format, new Map(batch.columnOf)) };
    const rows = batch.records.map((record) => digestRow(checkRecord(record, context), batch.serialise));
    parentPort!.postMessage({ id: batch.id, rows });
  } catch (error) {
    parentPort!.postMessage({ id: batch.id, error: (error as Error).stack ?? String(error) });
  }
});
