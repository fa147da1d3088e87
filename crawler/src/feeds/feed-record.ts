import type { Course, RawCourse } from '@shortlist/schemas';
import type { FeedProblem } from './problems.ts';

/** One course as a feed parser read it, before normalisation. */
export interface FeedRecord {
  /** CSV: the line the row starts on; other formats: the record number, from 1 */
  row: number;
  /** the partner's own identifier for the course (course_id, CTID, @id), when it has one */
  key?: string;
  /** a provider the record names; it must be the partner's own */
  providerId?: string;
  /** a record can take its course down ("withdrawn") in upsert mode */
  status?: Course['status'];
  raw: RawCourse;
  problems: FeedProblem[];
  /** CSV: the row's cells exactly as written, for the annotated copy */
  cells?: string[];
  /** a complete record already in the Shortlist schema (the JSON bulk import) */
  course?: Course;
}

/** What every parser reports about the feed as a whole while it reads. */
export interface FeedNotes {
  /** CSV: the header as written */
  header?: string[];
  delimiter?: string;
  /** CSV: which header holds each field, so problems name the partner's own column */
  columnOf?: Map<string, string>;
  /** problems with the feed as a whole or its header (row 0 or 1) */
  problems: FeedProblem[];
}

/** Returns a RawCourse field value cleaned of blanks, or undefined. */
export function cleanText(value: string | undefined | null): string | undefined {
  if (value === undefined || value === null) return undefined;
  const trimmed = value.trim();
  return trimmed.length > 0 ? trimmed : undefined;
}

export function cleanList(values: readonly (string | undefined)[]): string[] | undefined {
  const cleaned = [...new Set(values.map(cleanText).filter((value): value is string => value !== undefined))];
  return cleaned.length > 0 ? cleaned : undefined;
}

/** Copies the defined fields of `fields` into a RawCourse, marking each as coming from the feed. */
export function rawCourse(
  fields: Partial<Record<keyof RawCourse, string | string[] | undefined>>,
): RawCourse {
  const raw: Record<string, string | string[]> = {};
  const provenance: Record<string, 'feed'> = {};
  for (const field in fields) {
    const value = fields[field as keyof RawCourse];
    if (value === undefined || field === 'provenance') continue;
    const cleaned = typeof value === 'string' ? cleanText(value) : cleanList(value);
    if (cleaned === undefined) continue;
    raw[field] = cleaned;
    provenance[field] = 'feed';
  }
  return { ...raw, provenance };
}
