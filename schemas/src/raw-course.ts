import { z } from 'zod';
import { Extractor, FieldEvidence } from './course.ts';

/**
 * What an extractor or feed parser found on a page or in a row, as text, before normalisation.
 * Every field is optional: extractors fill what they can and `buildCourse` normalises the rest.
 */
export const RawCourse = z.object({
  title: z.string().optional(),
  summary: z.string().optional(),
  description: z.string().optional(),
  learningOutcomes: z.array(z.string()).optional(),
  url: z.string().optional(),
  enrolmentUrl: z.string().optional(),
  subjects: z.array(z.string()).optional(),
  keywords: z.array(z.string()).optional(),
  skills: z.array(z.string()).optional(),
  duration: z.string().optional(),
  workload: z.string().optional(),
  cost: z.string().optional(),
  /** a currency given apart from the amount, e.g. schema.org `priceCurrency` */
  currency: z.string().optional(),
  mode: z.string().optional(),
  pacing: z.string().optional(),
  city: z.string().optional(),
  region: z.string().optional(),
  country: z.string().optional(),
  level: z.string().optional(),
  credit: z.string().optional(),
  credential: z.string().optional(),
  assessment: z.string().optional(),
  qualityAssurance: z.string().optional(),
  endorsement: z.string().optional(),
  prerequisites: z.string().optional(),
  languages: z.array(z.string()).optional(),
  startDates: z.array(z.string()).optional(),
  /** which extractor produced each field above */
  provenance: z.record(z.string(), Extractor).optional(),
  /** per field above: the text it was read from, its confidence, other candidates */
  evidence: z.record(z.string(), FieldEvidence).optional(),
});
export type RawCourse = z.infer<typeof RawCourse>;

/** A RawCourse field that holds what was found (everything except `provenance` and `evidence`). */
export type RawCourseField = Exclude<keyof RawCourse, 'provenance' | 'evidence'>;

const RAW_FIELDS = Object.keys(RawCourse.shape).filter(
  (field): field is RawCourseField => field !== 'provenance' && field !== 'evidence',
);
/** The fields that hold several values, read from the schema above: the ones that take a list. */
export const RAW_LIST_FIELDS: readonly RawCourseField[] = RAW_FIELDS.filter(
  (field) => RawCourse.shape[field].safeParse([]).success,
);
/** The fields that hold one string. */
export const RAW_TEXT_FIELDS: readonly RawCourseField[] = RAW_FIELDS.filter(
  (field) => !RAW_LIST_FIELDS.includes(field),
);
