import { hash } from 'node:crypto';
import { Course, type Extractor, type FieldEvidence, type Offering } from './course.ts';
import type { RawCourse, RawOffering } from './raw-course.ts';
import {
  assessCompleteness,
  classifyField,
  normaliseCost,
  normaliseDuration,
  normaliseLanguages,
  normaliseLevel,
  normaliseMode,
  normalisePacing,
  normaliseStackable,
  normaliseWorkload,
  toPlainText,
  toReferenceCurrency,
  REFERENCE_CURRENCY,
  RATES_DATE,
} from './normalise/index.ts';

export interface CourseContext {
  providerId: string;
  /** the provider's country, used to resolve a bare "$" and as the default location */
  country: string;
  source: 'crawl' | 'feed';
  /** the page or feed the record came from */
  sourceUrl: string;
  fetchedAt: string;
  /** what makes this course unique within its provider: canonical URL, or the partner's own key */
  key: string;
  /** extractor to record for fields without explicit provenance */
  extractor: Extractor;
}

export function courseId(providerId: string, key: string): string {
  return `${providerId}-${hash('sha256', key, 'hex').slice(0, 16)}`;
}

export function hashContent(value: unknown): string {
  return hash('sha256', JSON.stringify(value), 'hex').slice(0, 32);
}

/** The last context found valid: a crawl or feed passes the same one for many courses. */
let validContext: Pick<CourseContext, 'providerId' | 'sourceUrl' | 'fetchedAt'> | null = null;

/** What a caller passes in is checked here; everything else in a course is made by the typed normalisers. */
function contextProblem(context: CourseContext): string | null {
  const { providerId, sourceUrl, fetchedAt } = context;
  const known = validContext;
  if (known?.providerId === providerId && known.sourceUrl === sourceUrl && known.fetchedAt === fetchedAt)
    return null;
  for (const field of ['providerId', 'sourceUrl', 'fetchedAt'] as const) {
    const checked = Course.shape[field].safeParse(context[field]);
    if (!checked.success) return `${field}: ${checked.error.issues[0]!.message}`;
  }
  validContext = { providerId, sourceUrl, fetchedAt };
  return null;
}

const text = (value: string | undefined) => toPlainText(value) ?? null;
const texts = (values: string[] | undefined) =>
  (values ?? []).map((value) => toPlainText(value)).filter((value): value is string => Boolean(value));

function absoluteUrl(value: string | undefined, base: string): string | null {
  if (!value) return null;
  try {
    const url = new URL(value.trim(), base);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}

/**
 * Normalises what an extractor or a feed row found into a Course. Returns an error message when no course can
 * be made. The result is not parsed again with the Course schema: its shape is checked by the compiler, the
 * normalisers make only valid values (a property test parses their output on hostile input), and the
 * caller's context is checked here.
 */
export function buildCourse(raw: RawCourse, context: CourseContext): { course: Course } | { error: string } {
  const wrong = contextProblem(context);
  if (wrong) return { error: wrong };
  const title = text(raw.title);
  if (!title) return { error: 'title is missing: every course needs a name' };
  const url = absoluteUrl(raw.url, context.sourceUrl) ?? context.sourceUrl;

  const duration = normaliseDuration(raw.duration);
  // "6 weeks, 3–5 hours per week" in the duration field also states the workload.
  const statedWorkload = normaliseWorkload(raw.workload);
  // a length given in hours ("6h") is one fact, not a length and a workload too
  const hoursOnly = duration?.stated?.unit === 'hour';
  const fromDuration = statedWorkload || raw.workload ? null : normaliseWorkload(raw.duration);
  const workloadFromDuration =
    fromDuration && (fromDuration.hoursPerWeek || !hoursOnly) ? fromDuration : null;
  const workload = statedWorkload ?? workloadFromDuration;
  const workloadText = workloadFromDuration ? text(raw.duration) : text(raw.workload);
  const hoursPerWeek = workload?.hoursPerWeek ?? null;
  let totalHours = workload?.totalHours ?? null;
  const minWeeks = duration?.minWeeks ?? null;
  const maxWeeks = duration?.maxWeeks ?? null;
  const totalDerived = !totalHours && hoursPerWeek !== null && minWeeks !== null && maxWeeks !== null;
  if (totalDerived) {
    totalHours = { min: round2(hoursPerWeek.min * minWeeks), max: round2(hoursPerWeek.max * maxWeeks) };
  }
  // A feed's priceCurrency travels with the cost text: "1250 GBP", "0 EUR".
  const costText = raw.cost && raw.currency ? `${raw.cost} ${raw.currency}` : raw.cost || raw.currency || undefined; // prettier-ignore
  const cost = normaliseCost(costText, { country: context.country });
  const level = normaliseLevel(raw.level, { country: context.country });
  const languages = texts(raw.languages).flatMap((language) => normaliseLanguages(language));
  const subjects = texts(raw.subjects);
  const keywords = texts(raw.keywords);
  const fields = classifyField([title, ...subjects, ...keywords].join(' | '));

  const provenance: Record<string, Extractor> = {};
  const evidence: Record<string, FieldEvidence> = {};
  for (const field in raw) {
    if (field === 'provenance' || field === 'evidence' || raw[field as keyof RawCourse] === undefined)
      continue;
    provenance[field] = raw.provenance?.[field] ?? context.extractor;
    const found = raw.evidence?.[field];
    if (found) evidence[field] = found;
  }

  const facts: Omit<Course, 'completeness'> = {
    id: courseId(context.providerId, context.key),
    providerId: context.providerId,
    source: context.source,
    sourceUrl: context.sourceUrl,
    fetchedAt: context.fetchedAt,
    lastSeenAt: context.fetchedAt,
    contentHash: '',
    status: 'active' as const,
    title,
    ...(raw.code && text(raw.code) ? { code: text(raw.code) } : {}),
    summary: text(raw.summary),
    description: text(raw.description),
    learningOutcomes: texts(raw.learningOutcomes),
    url,
    enrolmentUrl: absoluteUrl(raw.enrolmentUrl, context.sourceUrl),
    fields,
    subjects,
    keywords,
    skills: texts(raw.skills),
    duration: {
      text: text(raw.duration),
      minWeeks: duration?.minWeeks ?? null,
      maxWeeks: duration?.maxWeeks ?? null,
      selfPaced: duration?.selfPaced ?? false,
      stated: duration?.stated ? { ...duration.stated } : null,
    },
    workload: { text: workloadText, hoursPerWeek, totalHours, totalDerived },
    cost: {
      text: text(costText),
      amount: cost?.amount ?? null,
      currency: cost?.currency ?? null,
      freeClass: cost?.freeClass ?? 'unknown',
      basis: cost?.basis ?? 'unknown',
      reference: referenceAmount(cost?.amount ?? null, cost?.currency ?? null),
      ...(cost?.lowestOfRange ? { lowestOfRange: true } : {}),
      ...(cost?.currencyInferred ? { currencyInferred: true } : {}),
      ...(cost?.tax ? { tax: cost.tax } : {}),
    },
    delivery: {
      text: text(raw.mode),
      mode: normaliseMode(raw.mode),
      pacing:
        normalisePacing(raw.pacing) ??
        normalisePacing(raw.mode) ??
        (duration?.selfPaced ? 'self_paced' : null) ??
        normalisePacing(raw.duration),
    },
    location: {
      city: text(raw.city),
      region: text(raw.region),
      country: text(raw.country) ?? context.country,
    },
    level: { text: text(raw.level), eqf: level?.eqf ?? null, label: level?.label ?? null },
    credit: {
      text: text(raw.credit),
      value: creditValue(raw.credit),
      system: creditSystem(raw.credit),
      stackable: normaliseStackable(raw.credit) ?? normaliseStackable(raw.credential),
    },
    credential: { text: text(raw.credential), type: credentialType(raw.credential) },
    assessment: text(raw.assessment),
    qualityAssurance: text(raw.qualityAssurance),
    endorsement: text(raw.endorsement),
    prerequisites: text(raw.prerequisites),
    languages: [...new Set(languages)],
    startDates: texts(raw.startDates)
      .filter((date) => /^\d{4}-\d{2}-\d{2}/.test(date))
      .map((date) => date.slice(0, 10)),
    ...(raw.offerings?.length ? { offerings: raw.offerings.map(buildOffering) } : {}),
    provenance,
    ...(Object.keys(evidence).length > 0 ? { evidence } : {}),
  };
  facts.contentHash = hashContent({ ...facts, fetchedAt: null, lastSeenAt: null });
  const course = facts as Course;
  course.completeness = assessCompleteness(facts);
  return { course };
}

const round2 = (value: number) => Math.round(value * 100) / 100;

const isoDate = (value: string | undefined) =>
  value && /^\d{4}-\d{2}-\d{2}/.test(value.trim()) ? value.trim().slice(0, 10) : null;

function buildOffering(raw: RawOffering): Offering {
  return {
    reference: text(raw.reference),
    section: text(raw.section),
    kind: text(raw.kind),
    term: text(raw.term),
    credit: { text: text(raw.credit), value: creditValue(raw.credit) },
    delivery: { text: text(raw.mode), mode: normaliseMode(raw.mode) },
    startDate: isoDate(raw.startDate),
    endDate: isoDate(raw.endDate),
    location: text(raw.location),
    schedule: text(raw.schedule),
    instructors: texts(raw.instructors),
  };
}

/** A free course is 0 in any currency; otherwise the amount converts with the dated rate table. */
function referenceAmount(amount: number | null, currency: string | null) {
  if (amount === 0) return { amount: 0, currency: REFERENCE_CURRENCY, rateDate: RATES_DATE };
  return amount !== null && currency ? toReferenceCurrency(amount, currency) : null;
}

function creditValue(value: string | undefined): number | null {
  const match = value ? /(\d+(?:[.,]\d+)?)/.exec(value) : null;
  return match ? Number(match[1]!.replace(',', '.')) : null;
}

function creditSystem(value: string | undefined): Course['credit']['system'] {
  if (!value) return null;
  if (/ects/i.test(value)) return 'ECTS';
  if (/cats/i.test(value)) return 'CATS';
  return /credit/i.test(value) ? 'local' : null;
}

function credentialType(value: string | undefined): Course['credential']['type'] {
  if (!value) return null;
  if (/badge/i.test(value)) return 'digital_badge';
  if (/micro[- ]?(degree|masters|credential)/i.test(value)) return 'micro_degree';
  if (/statement of attainment/i.test(value)) return 'statement_of_attainment';
  if (/certificate|certification|diploma/i.test(value)) return 'certificate';
  return null;
}
