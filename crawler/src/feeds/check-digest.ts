import type { Course } from '@shortlist/schemas';
import type { CheckedRow } from './check-row.ts';

/** What applying or previewing a feed needs of an accepted course, with the course itself as JSON. */
export interface CourseDigest {
  id: string;
  contentHash: string;
  status: Course['status'];
  url: string;
  /** the course as JSON, when it is to be staged (a dry run needs only the digest) */
  json?: string;
}

/** A checked row as the feed pipeline keeps it: small, and cheap to send between threads. */
export interface CheckedDigest extends Omit<CheckedRow, 'course' | 'cells'> {
  course: CourseDigest | null;
}

/** The digest of a checked row; `serialise` keeps the course as JSON, for staging. */
export function digestRow(
  { row, id, key, keyField, problems, course }: CheckedRow,
  serialise: boolean,
): CheckedDigest {
  if (!course) return { row, id, key, keyField, problems, course: null };
  const { contentHash, status, url } = course;
  const digest: CourseDigest = { id: course.id, contentHash, status, url };
  if (serialise) digest.json = JSON.stringify(course);
  return { row, id, key, keyField, problems, course: digest };
}
