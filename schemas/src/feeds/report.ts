import { z } from 'zod';
import { StoreCounts } from '../records.ts';
import { FeedMode } from './options.ts';

/**
 * One thing wrong with one row (or record) of a partner feed. An `error` rejects the row; a `warning`
 * keeps it and says what a learner will miss.
 */
export const FeedProblem = z.object({
  /** CSV: the line the row starts on (the header is line 1); JSON formats: the record number, from 1; 0: the whole feed */
  row: z.number().int().nonnegative(),
  severity: z.enum(['error', 'warning']),
  /** the column (CSV) or field (JSON) at fault, or null when the row as a whole is */
  field: z.string().nullable(),
  /** the offending value as the partner wrote it, shortened */
  value: z.string().nullable(),
  message: z.string(),
  /** how to fix it, in one sentence */
  fix: z.string(),
});
export type FeedProblem = z.infer<typeof FeedProblem>;

export const FeedCounts = StoreCounts.extend({ withdrawn: z.number().int().nonnegative() });
export type FeedCounts = z.infer<typeof FeedCounts>;

/** Why a feed was not applied, and how to send it so that it is. */
export const FeedBlock = z.object({ reason: z.string(), fix: z.string() });
export type FeedBlock = z.infer<typeof FeedBlock>;

/** A feed that could not be read at all: where reading stopped, and the option at fault if one was. */
export const FeedReadError = z.object({
  message: z.string(),
  fix: z.string(),
  line: z.number().int().optional(),
  column: z.number().int().optional(),
  parameter: z.string().optional(),
});
export type FeedReadError = z.infer<typeof FeedReadError>;

export const FeedJobStatus = z.enum(['queued', 'running', 'done', 'failed']);
export type FeedJobStatus = z.infer<typeof FeedJobStatus>;
/** How the feed arrived: uploaded, fetched from a registered URL, or imported on the command line. */
export const FeedOrigin = z.enum(['upload', 'url', 'cli']);
export type FeedOrigin = z.infer<typeof FeedOrigin>;

/** What a feed job found and did; its problems are kept apart, a row each. */
export const FeedJobSummary = z.object({
  format: z.string().nullable(),
  encoding: z.string().nullable(),
  /** CSV: the header, for the annotated copy */
  header: z.array(z.string()).optional(),
  delimiter: z.string().optional(),
  rows: z.number().int(),
  accepted: z.number().int(),
  rejected: z.number().int(),
  warnings: z.number().int(),
  counts: FeedCounts,
  applied: z.boolean(),
  blocked: FeedBlock.nullable(),
  error: FeedReadError.nullable(),
});
export type FeedJobSummary = z.infer<typeof FeedJobSummary>;

/** The report a partner gets for one feed: what was done, and every problem of every row. */
export const FeedReport = z.object({
  jobId: z.string(),
  status: FeedJobStatus,
  providerId: z.string(),
  origin: FeedOrigin,
  source: z.string().nullable(),
  mode: FeedMode,
  dryRun: z.boolean(),
  format: z.string().nullable(),
  encoding: z.string().nullable(),
  applied: z.boolean(),
  blocked: FeedBlock.nullable(),
  error: FeedReadError.nullable(),
  counts: FeedCounts.extend({
    rows: z.number().int(),
    accepted: z.number().int(),
    rejected: z.number().int(),
    warnings: z.number().int(),
  }),
  problems: z.array(FeedProblem),
  /** problems beyond the report's limit are left out of the JSON; the annotated CSV has every error */
  problemsOmitted: z.number().int(),
  createdAt: z.string(),
  finishedAt: z.string().nullable(),
  links: z.object({ self: z.string(), annotatedCsv: z.string() }),
});
export type FeedReport = z.infer<typeof FeedReport>;
