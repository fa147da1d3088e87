import type { Extractor, RawCourse, RawOffering } from '@shortlist/schemas';
import { collapseWhitespace, emptyCourse, putField, removeField } from './course-record.ts';
import type { CourseField } from './course-record.ts';

/** What a course's offerings say about the course as a whole. */
export interface OfferingSummary {
  startDates: string[];
  modes: string[];
  location?: string;
  credit?: string;
}

/** A place that is no place: an online campus, a room to be announced. */
const NOWHERE =
  /\b(?:online|virtual|internet|web|distance|remote|tba|tbd|tbc|to be (?:announced|determined))\b/i;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}/;

/**
 * The course-level facts its offerings give: every start date, earliest first; every distinct mode, in the
 * order met, when every offering states one (a course run both online and on campus then reads as blended, as
 * "online or on campus" does); the
 * place, when every offering that names a real place names the same one; and the largest credit, so a 0-credit
 * lab section never makes its course worth 0.
 */
export function summariseOfferings(offerings: readonly RawOffering[]): OfferingSummary {
  const startDates = [...new Set(offerings.flatMap((o) => (o.startDate ? [o.startDate] : [])))]
    .filter((date) => ISO_DATE.test(date))
    .sort();
  const modes: string[] = [];
  const seenModes = new Set<string>();
  // one section whose mode is unknown leaves the course's unknown too: the others could not speak for it
  for (const { mode } of offerings.every((offering) => offering.mode) ? offerings : []) {
    if (mode && !seenModes.has(mode.toLowerCase())) {
      seenModes.add(mode.toLowerCase());
      modes.push(mode);
    }
  }
  const places = new Set(
    offerings.flatMap(({ location }) => (location && !NOWHERE.test(location) ? [location] : [])),
  );
  const credits = offerings.flatMap(({ credit }) =>
    credit ? [[creditAmount(credit), credit] as const] : [],
  );
  const credit = credits.reduce<(typeof credits)[number] | undefined>(
    (best, next) => (!best || next[0] > best[0] ? next : best),
    undefined,
  );
  return {
    startDates,
    modes,
    ...(places.size === 1 ? { location: [...places][0]! } : {}),
    ...(credit ? { credit: credit[1] } : {}),
  };
}

/** The course-level fields a schedule's sections settle between them. */
const SUMMARISED: readonly CourseField[] = ['mode', 'startDates', 'city', 'credit'];

/**
 * Keeps the page's other text from speaking for a course whose schedule sections a preset read: a note on one
 * section ("FULLY ONLINE") or a campus name elsewhere on the page says nothing about the course as a whole, and
 * a field the sections left empty was left empty on purpose.
 */
export function withoutSectionFacts(course: RawCourse, facts: RawCourse): RawCourse {
  if (!hasScheduleSections(course)) return facts;
  for (const field of SUMMARISED) removeField(facts, field);
  return facts;
}

/** A course whose offerings a preset read from a schedule's sections. */
export function hasScheduleSections(course: RawCourse): boolean {
  return course.offerings !== undefined && course.provenance?.offerings?.startsWith('preset:') === true;
}

/** "1.000 TO 3.000 Credits" counts as 3: the most the course can be worth. */
function creditAmount(text: string): number {
  const numbers = [...text.matchAll(/\d+(?:\.\d+)?/g)].map((match) => Number(match[0]));
  return numbers.length > 0 ? Math.max(...numbers) : -1;
}

/** One section of a class schedule and what it says about its course. */
export interface ScheduleSection {
  title?: string;
  code?: string;
  /** the course's own page (a catalogue entry), when the schedule links to it */
  courseUrl?: string;
  level?: string;
  offering: RawOffering;
}

/**
 * Sections of one course (same code, or same title when there is no code) become one course whose offerings
 * they are; sections of different courses become one course each, in the order the page lists them.
 */
export function coursesFromSections(sections: readonly ScheduleSection[], extractor: Extractor): RawCourse[] {
  const groups = new Map<string, ScheduleSection[]>();
  for (const section of sections) {
    const key = section.code
      ? `code:${collapseWhitespace(section.code).toUpperCase()}`
      : `title:${collapseWhitespace(section.title ?? '').toLowerCase()}`;
    const group = groups.get(key);
    if (group) group.push(section);
    else groups.set(key, [section]);
  }
  return [...groups.values()].map((group) => courseOfSections(group, extractor));
}

function courseOfSections(sections: readonly ScheduleSection[], extractor: Extractor): RawCourse {
  const record = emptyCourse();
  const put = (field: Parameters<typeof putField>[1], value: string | readonly string[] | undefined) =>
    putField(record, field, value, extractor);
  const offerings = sections.map((section) => section.offering);
  const summary = summariseOfferings(offerings);
  put('title', mostCommon(sections.map((section) => section.title)));
  put('code', sections.find((section) => section.code)?.code);
  put('url', agreed(sections.map((section) => section.courseUrl)));
  put('level', agreed(sections.map((section) => section.level)));
  put('credit', summary.credit);
  put('mode', summary.modes.join(', '));
  put('startDates', summary.startDates);
  put('city', summary.location);
  const meaningful = offerings.filter((offering) => Object.keys(offering).length > 0);
  if (meaningful.length > 0) {
    record.offerings = meaningful;
    (record.provenance ??= {}).offerings = extractor;
  }
  return record;
}

/** The value every section that has one gives; nothing when they differ. */
function agreed(values: readonly (string | undefined)[]): string | undefined {
  const distinct = new Set(values.filter((value): value is string => Boolean(value)));
  return distinct.size === 1 ? [...distinct][0] : undefined;
}

function mostCommon(values: readonly (string | undefined)[]): string | undefined {
  const counts = new Map<string, number>();
  for (const value of values) if (value) counts.set(value, (counts.get(value) ?? 0) + 1);
  let best: string | undefined;
  for (const [value, count] of counts) if (!best || count > counts.get(best)!) best = value;
  return best;
}
