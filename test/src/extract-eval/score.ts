import type { Course } from '@shortlist/schemas';
import type { PageTruth } from './truth.ts';

export const EVAL_FIELDS = [
  'title',
  'price amount',
  'price currency',
  'duration',
  'workload',
  'delivery mode',
] as const;
export type EvalField = (typeof EVAL_FIELDS)[number];

/** One field of one page: what the truth states, what extraction gave, both as short text, and whether they agree. */
export interface FieldOutcome {
  field: EvalField;
  expected: string | null;
  got: string | null;
  right: boolean;
}

/** The facts of an extracted course the harness compares; a course that lacks a stated duration compares by weeks. */
export type ScoredCourse = Pick<Course, 'title' | 'cost' | 'workload' | 'delivery'> & {
  duration: Course['duration'] & { stated?: { value: number; max?: number | null; unit: string } | null };
};

/** Unit spellings a truth file or a course may use, to one name. */
const UNIT_NAMES: [RegExp, string][] = [
  [/^(?:h|hrs?|hours?)$/i, 'hour'],
  [/^(?:d|days?)$/i, 'day'],
  [/^(?:w|wks?|weeks?)$/i, 'week'],
  [/^(?:mos?|mths?|months?)$/i, 'month'],
  [/^(?:terms?|trimesters?|quarters?)$/i, 'term'],
  [/^semesters?$/i, 'semester'],
  [/^(?:y|yrs?|years?)$/i, 'year'],
];
const unitName = (unit: string) => UNIT_NAMES.find(([pattern]) => pattern.test(unit.trim()))?.[1] ?? unit;
/** Weeks per unit, as the duration normaliser counts them, for courses that keep no stated length. */
const UNIT_WEEKS: Record<string, number> = { hour: 1 / 168, day: 1 / 7, week: 1, month: 52 / 12, year: 52 };
const round1 = (value: number) => Math.round(value * 10) / 10;
const sameNumber = (a: number, b: number) => Math.abs(a - b) < 0.005;

/**
 * Titles agree when they are the same words, ignoring case, whitespace, quote style and end punctuation, or when
 * one is the other after a leading generic "Curso de" / "Course:" / "Cours de" (the heading and the structured name
 * of one course often differ only by it).
 */
export function titleKey(title: string): string {
  return title
    .normalize('NFKC')
    .replace(/[‘’´`]/g, "'")
    .replace(/[“”]/g, '"')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[\s.:;,!–—-]+$/, '')
    .toLowerCase();
}
const GENERIC_PREFIX =
  /^(?:curso|cursos|course|cours|kurs|corso|online course|short course)\s*(?:de|del|of|in|on|:|-|–)?\s+/i;

export function sameTitle(expected: string, got: string): boolean {
  const a = titleKey(expected);
  const b = titleKey(got);
  return a === b || a.replace(GENERIC_PREFIX, '') === b || b.replace(GENERIC_PREFIX, '') === a;
}

function describeLength(value: number, max: number | null | undefined, unit: string): string {
  return `${value}${max && max !== value ? `–${max}` : ''} ${unitName(unit)}`;
}

function compareDuration(truth: PageTruth['duration'], course: ScoredCourse | null): FieldOutcome {
  const expected = truth ? describeLength(truth.value, truth.max, truth.unit) : null;
  const duration = course?.duration;
  if (!duration) return { field: 'duration', expected, got: null, right: expected === null };
  if (duration.stated !== undefined) {
    const stated = duration.stated;
    const got = stated ? describeLength(stated.value, stated.max, stated.unit) : null;
    return { field: 'duration', expected, got, right: got === expected };
  }
  // a record from before stated lengths were kept: right when its weeks are the stated length in weeks
  const weeks =
    duration.minWeeks === null
      ? null
      : `${duration.minWeeks}${duration.maxWeeks !== duration.minWeeks ? `–${duration.maxWeeks}` : ''} weeks`;
  if (!truth || weeks === null) return { field: 'duration', expected, got: weeks, right: !truth && !weeks };
  const factor = UNIT_WEEKS[unitName(truth.unit)];
  const right =
    factor !== undefined &&
    duration.minWeeks === round1(truth.value * factor) &&
    duration.maxWeeks === round1((truth.max ?? truth.value) * factor);
  return { field: 'duration', expected, got: weeks, right };
}

function describeHours(range: { min: number; max: number }, unit: string): string {
  return `${range.min}${range.max !== range.min ? `–${range.max}` : ''} ${unit}`;
}

/**
 * Hours per week match `hoursPerWeek`, total hours a stated (not derived) `totalHours`. Hours per day have no field
 * of their own: over a course stated in days they are that many days' total, which is what a record can hold.
 */
function compareWorkload(truth: PageTruth, course: ScoredCourse | null): FieldOutcome {
  const stated = truth.workload;
  const expected = stated ? describeHours(stated, stated.unit) : null;
  const workload = course?.workload;
  const perWeek = workload?.hoursPerWeek ?? null;
  const total = workload && !workload.totalDerived ? workload.totalHours : null;
  const got = perWeek
    ? describeHours(perWeek, 'hours/week')
    : total
      ? describeHours(total, 'hours total')
      : null;
  if (!stated) return { field: 'workload', expected, got, right: got === null };
  const same = (range: { min: number; max: number } | null, min: number, max: number) =>
    range !== null && sameNumber(range.min, min) && sameNumber(range.max, max);
  let right = false;
  if (stated.unit === 'hours/week') right = same(perWeek, stated.min, stated.max);
  else if (stated.unit === 'hours total') right = same(total, stated.min, stated.max);
  else if (truth.duration && unitName(truth.duration.unit) === 'day') {
    const days = truth.duration.value;
    right = same(total, stated.min * days, stated.max * days);
  }
  return { field: 'workload', expected, got, right };
}

function compareMode(truth: string | null, course: ScoredCourse | null): FieldOutcome {
  const expected = truth ? /^(online|in person|blended)/.exec(truth)![1]! : null;
  const mode = course?.delivery.mode ?? null;
  const got = mode === 'in_person' ? 'in person' : mode;
  return { field: 'delivery mode', expected, got, right: expected === got };
}

/** Compares the first course extracted from a page with the page's truth, field by field. */
export function scoreCourse(truth: PageTruth, course: ScoredCourse | null): FieldOutcome[] {
  const title = course?.title ?? null;
  const amount = course?.cost.amount ?? null;
  const currency = course?.cost.currency ?? null;
  const expectedAmount = truth.price?.amount ?? null;
  const expectedCurrency = truth.price?.currency ?? null;
  return [
    {
      field: 'title',
      expected: truth.title,
      got: title,
      right: truth.title === null ? title === null : title !== null && sameTitle(truth.title, title),
    },
    {
      field: 'price amount',
      expected: expectedAmount === null ? null : String(expectedAmount),
      got: amount === null ? null : String(amount),
      right:
        expectedAmount === null ? amount === null : amount !== null && sameNumber(amount, expectedAmount),
    },
    {
      field: 'price currency',
      expected: expectedCurrency,
      got: currency,
      right: expectedCurrency === currency,
    },
    compareDuration(truth.duration, course),
    compareWorkload(truth, course),
    compareMode(truth.delivery_mode, course),
  ];
}

export interface FieldScore {
  field: EvalField;
  /** pages whose truth states the field */
  stated: number;
  /** pages where extraction filled the field */
  extracted: number;
  right: number;
  /** filled where the truth says the page does not state it */
  invented: number;
}

/** Per-field counts over many pages; precision is right / extracted, recall right / stated. */
export function summarise(pages: readonly FieldOutcome[][]): FieldScore[] {
  return EVAL_FIELDS.map((field) => {
    const outcomes = pages.flatMap((page) => page.filter((outcome) => outcome.field === field));
    return {
      field,
      stated: outcomes.filter((outcome) => outcome.expected !== null).length,
      extracted: outcomes.filter((outcome) => outcome.got !== null).length,
      right: outcomes.filter((outcome) => outcome.expected !== null && outcome.right).length,
      invented: outcomes.filter((outcome) => outcome.expected === null && outcome.got !== null).length,
    };
  });
}
