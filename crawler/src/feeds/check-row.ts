import {
  buildCourse,
  COMPLETENESS_ELEMENTS,
  courseId,
  type Course,
  type Provider,
  type RawCourse,
} from '@shortlist/schemas';
import type { FeedRecord } from './feed-record.ts';
import { FeedError, problem, type FeedProblem } from './problems.ts';

export interface FeedContext {
  /** the partner's provider: every row becomes one of its courses */
  provider: Pick<Provider, 'id' | 'country' | 'url'>;
  fetchedAt: string;
  /** the feed's URL when polled; the provider's site for uploads */
  sourceUrl: string;
  /** how the feed names a field (CSV: the partner's own header) */
  fieldName?: (field: string) => string;
}

/** A feed row after normalisation: the course it becomes, or why it cannot, and what learners will miss. */
export interface CheckedRow {
  row: number;
  /** the course the row stands for, when it can be told, even if rejected (its listing is then kept) */
  id: string | null;
  /** what identifies the course within the provider: the partner's own id, else the URL */
  key: string | null;
  keyField: 'key' | 'url';
  course: Course | null;
  problems: FeedProblem[];
  cells?: string[];
}

/** A feed that names another provider: refused as a whole (403), nothing is written. */
export class ForeignProviderError extends FeedError {
  constructor(
    readonly row: number,
    readonly providerId: string,
    own: string,
  ) {
    super(
      `Row ${row} is a course of provider "${providerId}"; this key may only write courses of "${own}".`,
      `Remove the row, or send it with the key of "${providerId}".`,
      { line: row },
    );
  }
}

/** Column (CSV) names for the completeness elements, so a warning says what to add. */
const COMPLETENESS_FIELDS: Record<string, string> = {
  title: 'title',
  awardingBody: 'provider',
  country: 'country',
  learningOutcomes: 'learningOutcomes',
  workload: 'workload',
  level: 'level',
  assessment: 'assessment',
  participation: 'mode',
  qualityAssurance: 'qualityAssurance',
  cost: 'cost',
  duration: 'duration',
  startDates: 'startDates',
  credit: 'credit',
};
const ELEMENT_KEYS = new Map(COMPLETENESS_ELEMENTS.map((element) => [element.name, element.key]));
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const NO_CREDIT = /\b(?:no|none|not|n\/a|nil|zero)\b/i;

/**
 * Normalises one feed record into a course of the partner's provider and checks it: every problem of the row
 * at once, errors (the row is rejected) and warnings (values that were not understood, missing critical
 * information). A course listed twice is caught across rows by `markDuplicate`.
 */
export function checkRecord(record: FeedRecord, context: FeedContext): CheckedRow {
  const { provider } = context;
  const name = context.fieldName ?? ((field: string) => field);
  const row = record.row;
  if (record.providerId !== undefined && record.providerId !== provider.id)
    throw new ForeignProviderError(row, record.providerId, provider.id);
  const problems = [...record.problems];
  const error = (field: string | null, value: unknown, message: string, fix: string) =>
    problems.push(problem(row, 'error', field === null ? null : name(field), value, message, fix));
  const warn = (field: string, value: unknown, message: string, fix: string) =>
    problems.push(problem(row, 'warning', name(field), value, message, fix));

  const raw = record.raw;
  const reported = (field: string) =>
    problems.some((item) => item.severity === 'error' && item.field === name(field));
  if (!raw.title && !reported('title'))
    error('title', null, 'title is missing: every course needs a name.', 'Fill in the course title.');
  const url = absoluteUrl(raw.url);
  if (!raw.url && !reported('url'))
    error(
      'url',
      null,
      'url is missing: every course needs the address of its page.',
      'Fill in the course page, e.g. https://www.example.ac.uk/courses/data-analytics.',
    );
  else if (raw.url && !url)
    error(
      'url',
      raw.url,
      `url "${raw.url}" is not an absolute web address.`,
      'Write it in full, starting with https://.',
    );
  const key = record.key?.trim() || url;
  const keyField = record.key?.trim() ? ('key' as const) : ('url' as const);
  // an accepted row's id is its course's; a rejected one still names the course it stands for
  const rejected = (): CheckedRow => ({
    row,
    id: key ? courseId(provider.id, key) : null,
    key,
    keyField,
    course: null,
    problems,
    cells: record.cells,
  });
  const build = (facts: RawCourse, courseKey: string) =>
    buildCourse(facts, {
      providerId: provider.id,
      country: provider.country,
      source: 'feed',
      sourceUrl: context.sourceUrl,
      fetchedAt: context.fetchedAt,
      key: courseKey,
      extractor: 'feed',
    });
  if (problems.some((item) => item.severity === 'error') || !key) {
    // still read the rest of the row, so that every problem of it is reported at once
    const stand = build(
      { ...raw, title: raw.title ?? 'untitled', url: url ?? provider.url },
      key ?? `row-${row}`,
    );
    if ('course' in stand) checkUnderstood(raw, stand.course, warn);
    return rejected();
  }

  const built = build(raw, key); // its url is absolute, so the course keeps it as checked above
  if ('error' in built) {
    const field = /^([\w.]+):/.exec(built.error)?.[1] ?? null;
    error(
      field,
      field ? (raw as Record<string, unknown>)[field.split('.')[0]!] : null,
      built.error,
      'Correct the value so that it can be read.',
    );
    return rejected();
  }
  const course =
    record.status === 'withdrawn' ? { ...built.course, status: 'withdrawn' as const } : built.course;
  checkUnderstood(raw, course, warn);
  const missing = course.completeness.missing;
  if (missing.length > 0 && course.status === 'active') {
    const fields = missing
      .map((element) => COMPLETENESS_FIELDS[ELEMENT_KEYS.get(element) ?? ''] ?? element)
      .filter((field) => field !== 'provider');
    problems.push(
      problem(
        row,
        'warning',
        null,
        null,
        `Missing critical information (completeness ${course.completeness.score}%): ${missing.join(', ')}.`,
        `Add ${fields.map(name).join(', ')}; learners filter and compare courses on them.`,
      ),
    );
  }
  return { row, id: course.id, key, keyField, course, problems, cells: record.cells };
}

/** The parts of a checked row the duplicate rule reads. */
type Identified = Pick<CheckedRow, 'row' | 'id' | 'key' | 'keyField' | 'problems'> & { course: unknown };

/** The same course twice in one feed: the later row is rejected, naming the row it repeats. */
export function markDuplicate<T extends Identified>(
  checked: T,
  seen: Map<string, number>,
  name = (field: string) => field,
): T {
  // prettier-ignore
  if (checked.id === null) return checked;
  const earlier = seen.get(checked.id);
  if (earlier === undefined) {
    seen.set(checked.id, checked.row);
    return checked;
  }
  checked.problems.push(
    problem(checked.row, 'error', name(checked.keyField), checked.key,
      `This course (${checked.keyField === 'key' ? 'id' : 'url'} "${checked.key}") is already on row ${earlier}.`,
      'List each course once; give different courses different ids.'), // prettier-ignore
  );
  return { ...checked, course: null };
}

function absoluteUrl(value: string | undefined): string | null {
  if (!value) return null;
  try {
    const url = new URL(value.trim());
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : null;
  } catch {
    return null;
  }
}

type Warn = (field: string, value: unknown, message: string, fix: string) => void;

/** Values the partner gave that the normalisers could not read: the listing would silently lack them. */
function checkUnderstood(raw: RawCourse, course: Course, warn: Warn): void {
  const notUnderstood = (field: string, value: unknown, fix: string) =>
    warn(
      field,
      value,
      `${field} "${String(value)}" was not understood, so learners cannot filter on it.`,
      fix,
    );
  if (
    raw.duration &&
    course.duration.minWeeks === null &&
    course.duration.maxWeeks === null &&
    !course.duration.selfPaced
  )
    notUnderstood('duration', raw.duration, 'Write it as "6 weeks", "3-4 months", "self-paced" or P6W.');
  if (raw.workload && !course.workload.hoursPerWeek && !course.workload.totalHours)
    notUnderstood('workload', raw.workload, 'Write it as "4-6 hours per week" or "120 hours".');
  if (raw.cost && course.cost.amount === null && course.cost.freeClass === 'unknown')
    notUnderstood('cost', raw.cost, 'Write an amount such as "450", "£1,250" or "Free".');
  else if (course.cost.amount !== null && course.cost.amount > 0 && !course.cost.currency)
    warn(
      'cost',
      raw.cost,
      `cost "${raw.cost}" has no currency.`,
      'Add a currency column (GBP, EUR, USD …) or write it with a symbol.',
    );
  else if (course.cost.currencyInferred)
    warn(
      'currency',
      raw.cost,
      `No currency given; ${course.cost.currency} was assumed from your country.`,
      'Add a currency column to be sure.',
    );
  if (raw.mode && !course.delivery.mode)
    notUnderstood('mode', raw.mode, 'Write "online", "in person" or "blended".');
  if (raw.level && course.level.eqf === null && course.level.label === null)
    notUnderstood(
      'level',
      raw.level,
      'Write an EQF level ("EQF 5") or introductory, intermediate or advanced.',
    );
  if (raw.credit && course.credit.value === null && !NO_CREDIT.test(raw.credit))
    notUnderstood('credit', raw.credit, 'Write it as "5 ECTS", "10 credits" or "none".');
  if (raw.languages && course.languages.length === 0)
    notUnderstood('languages', raw.languages.join('; '), 'Write language codes (en, fr) or names (English).');
  for (const date of raw.startDates ?? [])
    if (!ISO_DATE.test(date.slice(0, 10)))
      warn(
        'startDates',
        date,
        `start date "${date}" is not a date in YYYY-MM-DD form; it was left out.`,
        'Write start dates as 2026-09-14.',
      );
  if (raw.enrolmentUrl && !course.enrolmentUrl)
    warn(
      'enrolmentUrl',
      raw.enrolmentUrl,
      `enrolment url "${raw.enrolmentUrl}" is not a web address; it was left out.`,
      'Write it in full, starting with https://.',
    );
  if (raw.country && !/^[A-Z]{2}$/.test(raw.country))
    warn(
      'country',
      raw.country,
      `country "${raw.country}" is not a two-letter ISO 3166 code.`,
      'Write GB, IE, DE, US …',
    );
}
