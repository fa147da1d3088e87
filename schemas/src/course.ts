import { z } from 'zod';
import { Provider, ProviderId } from './provider.ts';

export const DeliveryMode = z.enum(['online', 'in_person', 'blended']);
export type DeliveryMode = z.infer<typeof DeliveryMode>;
export const Pacing = z.enum(['self_paced', 'scheduled']);
export const FreeClass = z.enum(['free', 'free-audit-paid-certificate', 'paid', 'unknown']);
export type FreeClass = z.infer<typeof FreeClass>;
export const CostBasis = z.enum([
  'total',
  'per-month',
  'per-week',
  'per-year',
  'per-credit',
  'per-unit',
  /** a term, semester, trimester or quarter: "$3,575 per 6-month term" */
  'per-term',
  'unknown',
]);
export type CostBasis = z.infer<typeof CostBasis>;
export const LevelLabel = z.enum(['introductory', 'intermediate', 'advanced']);
export const CredentialType = z.enum([
  'certificate',
  'digital_badge',
  'micro_degree',
  'statement_of_attainment',
]);
/**
 * Which extractor (or feed) produced a field, so conflicts can be resolved and explained: structured data
 * (`jsonld`, `microdata`, `rdfa`), JSON embedded in the page (`embedded`), the source's own selector map
 * (`selector`), a bundled platform preset named after its platform (`preset:banner`, `preset:acalog`), or the
 * page's visible text (`text`).
 */
const BaseExtractor = z.enum(['feed', 'jsonld', 'microdata', 'rdfa', 'embedded', 'selector', 'text']);
const PresetExtractor = z.templateLiteral(['preset:', z.string().regex(/^[a-z][a-z0-9-]*$/)]);
export const Extractor = z.union([BaseExtractor, PresetExtractor]);
export type Extractor = z.infer<typeof Extractor>;
/** How far to trust one field: from the extractor that read it and whether other candidates agreed. */
export const Confidence = z.enum(['high', 'medium', 'low']);
export type Confidence = z.infer<typeof Confidence>;
/** Another value found for a field, that agreed with the one kept or lost to it. */
export const OtherCandidate = z.object({
  extractor: Extractor,
  value: z.string(),
  /** the text it was read from, cut to about 200 characters */
  text: z.string(),
  agrees: z.boolean(),
});
/** Where one field's value came from: the extractor, the text it was read from, and what else was found. */
export const FieldEvidence = z.object({
  extractor: Extractor,
  /** the text the value was read from, cut to about 200 characters */
  text: z.string(),
  confidence: Confidence,
  /** why this value won over the others, when there were others */
  reason: z.string().optional(),
  others: z.array(OtherCandidate).optional(),
});
export type FieldEvidence = z.infer<typeof FieldEvidence>;

const Range = z.object({ min: z.number().nonnegative(), max: z.number().nonnegative() });
export type Range = z.infer<typeof Range>;
/** The provider's own words, kept next to every normalised value. */
const OriginalText = z.string().nullable();

export const DurationUnit = z.enum(['hour', 'day', 'week', 'month', 'term', 'semester', 'year']);
export type DurationUnit = z.infer<typeof DurationUnit>;
/** A length in the provider's own unit ("4 months", "3-day", "6–8 weeks"), kept beside the weeks filters use. */
export const StatedDuration = z.object({
  value: z.number().positive(),
  /** the end of a range ("6–8 weeks"), else null */
  max: z.number().positive().nullable(),
  unit: DurationUnit,
});
export type StatedDuration = z.infer<typeof StatedDuration>;
export const Duration = z.object({
  text: OriginalText,
  minWeeks: z.number().nonnegative().nullable(),
  maxWeeks: z.number().nonnegative().nullable(),
  selfPaced: z.boolean(),
  /** absent on records stored before stated lengths were kept */
  stated: StatedDuration.nullable().optional(),
});
export const Workload = z.object({
  text: OriginalText,
  hoursPerWeek: Range.nullable(),
  totalHours: Range.nullable(),
  /** true when totalHours was computed from weeks × hours per week rather than stated */
  totalDerived: z.boolean(),
});
export const Cost = z.object({
  text: OriginalText,
  amount: z.number().nonnegative().nullable(),
  currency: z
    .string()
    .regex(/^[A-Z]{3}$/)
    .nullable(),
  freeClass: FreeClass,
  basis: CostBasis,
  /** amount converted to the reference currency with the shipped, dated rate table */
  reference: z
    .object({ amount: z.number().nonnegative(), currency: z.string(), rateDate: z.string() })
    .nullable(),
  /** true when `amount` is the lowest of several prices, of a range, or a "from" price */
  lowestOfRange: z.boolean().optional(),
  /** true when no currency was written and the provider's country's currency was assumed */
  currencyInferred: z.boolean().optional(),
  /** what the text says about sales tax (VAT, GST …) */
  tax: z.enum(['included', 'excluded']).optional(),
});
export const Delivery = z.object({
  text: OriginalText,
  mode: DeliveryMode.nullable(),
  pacing: Pacing.nullable(),
});
export const Location = z.object({
  city: z.string().nullable(),
  region: z.string().nullable(),
  country: z.string().nullable(),
});
export const Level = z.object({
  text: OriginalText,
  eqf: z.number().int().min(1).max(8).nullable(),
  label: LevelLabel.nullable(),
});
/** ECTS, UK CATS points, or the provider's own credit points */
export const CreditSystem = z.enum(['ECTS', 'CATS', 'local']);
export type CreditSystem = z.infer<typeof CreditSystem>;
export const Credit = z.object({
  text: OriginalText,
  value: z.number().nonnegative().nullable(),
  system: CreditSystem.nullable(),
  /** counts towards a larger qualification */
  stackable: z.boolean().nullable(),
});
export const Credential = z.object({ text: OriginalText, type: CredentialType.nullable() });
/** One run of a course (a section of a class schedule, a schema.org CourseInstance), normalised. */
export const Offering = z.object({
  /** the registration number of this run, e.g. a Banner CRN */
  reference: z.string().nullable(),
  section: z.string().nullable(),
  /** "Lecture", "Lab", "Seminar" */
  kind: z.string().nullable(),
  term: z.string().nullable(),
  credit: z.object({ text: OriginalText, value: z.number().nonnegative().nullable() }),
  delivery: z.object({ text: OriginalText, mode: DeliveryMode.nullable() }),
  /** ISO 8601 dates */
  startDate: z.string().nullable(),
  endDate: z.string().nullable(),
  location: z.string().nullable(),
  schedule: z.string().nullable(),
  instructors: z.array(z.string()),
});
export type Offering = z.infer<typeof Offering>;
export const Completeness = z.object({
  score: z.number().int().min(0).max(100),
  missing: z.array(z.string()),
});

export const CourseStatus = z.enum(['active', 'withdrawn']);

export const Course = z.object({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]{1,127}$/),
  providerId: ProviderId,
  source: z.enum(['crawl', 'feed']),
  sourceUrl: z.url(),
  fetchedAt: z.iso.datetime(),
  lastSeenAt: z.iso.datetime(),
  contentHash: z.string(),
  status: CourseStatus,

  title: z.string().min(1),
  /** the provider's course code ("BIO 101"); absent on records stored before codes were read */
  code: z.string().nullable().optional(),
  summary: z.string().nullable(),
  description: z.string().nullable(),
  learningOutcomes: z.array(z.string()),
  url: z.url(),
  enrolmentUrl: z.url().nullable(),
  /** ISCED-F 2013 codes (broad, narrow or detailed) */
  fields: z.array(z.string().regex(/^\d{2,4}$/)),
  subjects: z.array(z.string()),
  keywords: z.array(z.string()),
  skills: z.array(z.string()),

  duration: Duration,
  workload: Workload,
  cost: Cost,
  delivery: Delivery,
  location: Location,
  level: Level,
  credit: Credit,
  credential: Credential,
  assessment: z.string().nullable(),
  qualityAssurance: z.string().nullable(),
  endorsement: z.string().nullable(),
  prerequisites: z.string().nullable(),
  /** BCP 47 codes */
  languages: z.array(z.string()),
  /** ISO 8601 dates */
  startDates: z.array(z.string()),
  /** the course's runs (schedule sections, instances); absent when the source lists none */
  offerings: z.array(Offering).optional(),
  completeness: Completeness,
  provenance: z.record(z.string(), Extractor),
  /** per field: the text it was read from, the confidence, and candidates that agreed or lost; absent on older records */
  evidence: z.record(z.string(), FieldEvidence).optional(),
});
export type Course = z.infer<typeof Course>;

/** A course with its provider attached, as the API and the index see it. */
export const CourseWithProvider = Course.extend({ provider: Provider });
export type CourseWithProvider = z.infer<typeof CourseWithProvider>;
