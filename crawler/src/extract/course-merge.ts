import type { RawCourse } from '@shortlist/schemas';
import {
  collapseWhitespace,
  copyField,
  presentFields,
  removeField,
  STRUCTURED_EXTRACTORS,
} from './course-record.ts';
import type { CourseField } from './course-record.ts';
import { noteCandidate } from './evidence.ts';

/** Fields where a visible number beats structured data that has none ("TBC", "See website", "Flexible"). */
const PREFER_VISIBLE_NUMBER: ReadonlySet<CourseField> = new Set<CourseField>(['cost', 'duration']);
const CURRENCY_MARK = /[£€$¥₹]|\b[A-Z]{3}\b/;
const hasNumber = (value: string) => /\d/.test(value);
const ISO_DATE = /^\d{4}-\d{2}-\d{2}/;

/**
 * Adds what `source` knows to `target`: every field `target` lacks, and a visible cost or duration in place of a
 * structured one that is not a number, with a warning that records the choice. A value `target` keeps is noted
 * with the one `source` offered, agreeing or not.
 */
export function fillCourse(
  target: RawCourse,
  source: RawCourse,
  warnings: string[],
  warningPrefix = '',
): void {
  for (const field of presentFields(source)) {
    const existing = target[field];
    if (existing === undefined) {
      copyField(target, source, field);
      continue;
    }
    if (field === 'startDates') {
      addStartDates(target, source.startDates ?? []);
      continue;
    }
    const structuredBy = target.provenance?.[field];
    const visibleBy = source.provenance?.[field];
    const offered = source[field];
    const keep = () => {
      if (!visibleBy || typeof offered !== 'string') return;
      const text = source.evidence?.[field]?.text ?? offered;
      noteCandidate(target, field, { extractor: visibleBy, value: offered, text }, `kept the ${structuredBy ?? 'earlier'} value: ${structuredBy ?? 'it'} comes before ${visibleBy} in the cascade`); // prettier-ignore
    };
    if (!PREFER_VISIBLE_NUMBER.has(field) || !structuredBy || !visibleBy) {
      keep();
      continue;
    }
    const structured = String(existing);
    const visible = String(offered);
    if (
      !STRUCTURED_EXTRACTORS.has(structuredBy) ||
      STRUCTURED_EXTRACTORS.has(visibleBy) ||
      hasNumber(structured) ||
      !hasNumber(visible)
    ) {
      keep();
      continue;
    }
    const replaced = { extractor: structuredBy, value: structured, text: target.evidence?.[field]?.text ?? structured }; // prettier-ignore
    copyField(target, source, field);
    let note = `${field}: structured value "${structured}" is not a number; used visible text "${visible}" (${visibleBy})`;
    noteCandidate(target, field, replaced, note);
    const currencyBy = target.provenance?.currency;
    if (
      field === 'cost' &&
      target.currency &&
      currencyBy &&
      STRUCTURED_EXTRACTORS.has(currencyBy) &&
      CURRENCY_MARK.test(visible)
    ) {
      note += `; dropped structured currency "${target.currency}" because the visible price names its own`;
      removeField(target, 'currency');
    }
    warnings.push(warningPrefix + note);
  }
}

/**
 * Another intake is another fact, not a conflict: dates found later ("Further intakes: 4 October 2027") join
 * the list, which keeps the provenance of the extractor that found the first.
 */
export function addStartDates(target: RawCourse, dates: readonly string[]): void {
  const known = new Set(target.startDates ?? []);
  const added = dates.filter((date) => ISO_DATE.test(date) && !known.has(date));
  if (added.length > 0 && target.startDates) target.startDates = [...target.startDates, ...added];
}

/** Two records describe the same course when their URLs match or, lacking URLs, their titles do. */
export function isSameCourse(a: RawCourse, b: RawCourse): boolean {
  if (a.url && b.url) return urlKey(a.url) === urlKey(b.url);
  return Boolean(a.title && b.title && titleKey(a.title) === titleKey(b.title));
}

/**
 * Merges records found by a later extractor into those found so far. One course on each side is the same
 * course; otherwise records are matched by URL or title, and unmatched ones are added when `addUnmatched`.
 */
export function mergeCourses(
  records: RawCourse[],
  incoming: readonly RawCourse[],
  warnings: string[],
  addUnmatched = true,
): RawCourse[] {
  const unmatched: RawCourse[] = [];
  if (records.length === 1 && incoming.length === 1) {
    fillCourse(records[0]!, incoming[0]!, warnings);
    return unmatched;
  }
  for (const course of incoming) {
    const match = records.find((record) => isSameCourse(record, course));
    if (match) fillCourse(match, course, warnings, records.length > 1 ? courseLabel(match) : '');
    else if (addUnmatched) records.push(course);
    else unmatched.push(course);
  }
  return unmatched;
}

export function courseLabel(record: RawCourse): string {
  return record.title ? `"${record.title}": ` : '';
}

const titleKey = (title: string) => collapseWhitespace(title).toLowerCase();
// fragments stay: several courses on one listing page are told apart by them
const urlKey = (url: string) => url.replace(/\/+(?=#|$)/, '');
