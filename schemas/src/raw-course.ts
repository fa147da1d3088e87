import { z } from 'zod';
import { Extractor, FieldEvidence } from './course.ts';

/**
 * One run of a course as a page lists it, before normalisation: a section of a class schedule (its CRN, times,
 * instructor) or a schema.org `CourseInstance`. A course with many sections is one course with many offerings.
 */
export const RawOffering = z.object({
  /** the registration number of this run, e.g. a Banner CRN */
  reference: z.string().optional(),
  /** the section code, e.g. "001" or "L01" */
  section: z.string().optional(),
  /** what kind of meeting it is: "Lecture", "Lab", "Seminar" */
  kind: z.string().optional(),
  term: z.string().optional(),
  credit: z.string().optional(),
  mode: z.string().optional(),
  /** ISO 8601 dates */
  startDate: z.string().optional(),
  endDate: z.string().optional(),
  /** a campus, venue or town */
  location: z.string().optional(),
  /** days and times, e.g. "MW 10:00 am - 11:15 am" */
  schedule: z.string().optional(),
  instructors: z.array(z.string()).optional(),
});
export type RawOffering = z.infer<typeof RawOffering>;

/**
 * What an extractor or feed parser found on a page or in a row, as text, before normalisation.
 * Every field is optional: extractors fill what they can and `buildCourse` normalises the rest.
 */
export const RawCourse = z.object({
  title: z.string().optional(),
  /** the provider's course code, e.g. "BIO 101" */
  code: z.string().optional(),
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
  /** the runs (sections, instances) of the course; the fields above summarise them */
  offerings: z.array(RawOffering).optional(),
  /** which extractor produced each field above */
  provenance: z.record(z.string(), Extractor).optional(),
  /** per field above: the text it was read from, its confidence, other candidates */
  evidence: z.record(z.string(), FieldEvidence).optional(),
});
export type RawCourse = z.infer<typeof RawCourse>;

/** A RawCourse field that holds text found on a page or in a row (everything but `provenance`, `evidence`, `offerings`). */
export type RawCourseField = Exclude<keyof RawCourse, 'provenance' | 'evidence' | 'offerings'>;

const NOT_TEXT: ReadonlySet<string> = new Set(['provenance', 'evidence', 'offerings']);
const RAW_FIELDS = Object.keys(RawCourse.shape).filter(
  (field): field is RawCourseField => !NOT_TEXT.has(field),
);
/** The fields that hold several values, read from the schema above: the ones that take a list. */
export const RAW_LIST_FIELDS: readonly RawCourseField[] = RAW_FIELDS.filter(
  (field) => RawCourse.shape[field].safeParse([]).success,
);
/** The fields that hold one string. */
export const RAW_TEXT_FIELDS: readonly RawCourseField[] = RAW_FIELDS.filter(
  (field) => !RAW_LIST_FIELDS.includes(field),
);
