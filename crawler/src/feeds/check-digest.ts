import type { Course } from '@shortlist/schemas';
import type { CheckedRow } from './check-row.ts';

/** What applying or previewing a feed needs of an accepted course, with the course itself as JSON. */
export interface CourseDigest {
  id: string;
  contentHash: string;
  status: Course['status'];
  url: string;
  /** the course as JSON, when serialised on another thread */
  json?: string;
  /** the course itself, when checked on this thread */
  course?: Course;
}

/** A checked row as it crosses threads: the course serialised once, where it was built. */
export interface CheckedDigest extends Omit<CheckedRow, 'course' | 'cells'> {
  course: CourseDigest | null;
}

/** The digest of a checked row; `serialise` for rows that cross to another thread. */
export function digestRow(
  { row, id, key, keyField, problems, course }: CheckedRow,
  serialise = false,
): CheckedDigest {
  if (!course) return { row, id, key, keyField, problems, course: null };
  const { contentHash, status, url } = course;
  const digest: CourseDigest = { id: course.id, contentHash, status, url };
  if (serialise) digest.json = JSON.stringify(course);
  else digest.course = course;
  return { row, id, key, keyField, problems, course: digest };
}

/** The course as JSON, for staging. */
export function courseJson(digest: CourseDigest): string {
  return digest.json ?? JSON.stringify(digest.course);
}
