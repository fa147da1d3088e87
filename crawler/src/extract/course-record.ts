import { RAW_LIST_FIELDS, type Extractor, type RawCourse, type RawCourseField } from '@shortlist/schemas';

/** A RawCourse field that holds extracted text (everything except `provenance`). */
export type CourseField = RawCourseField;

/** Fields that hold several values; every other field holds one string. */
export const LIST_FIELDS: ReadonlySet<CourseField> = new Set(RAW_LIST_FIELDS);

export const STRUCTURED_EXTRACTORS: ReadonlySet<Extractor> = new Set<Extractor>([
  'jsonld',
  'microdata',
  'rdfa',
]);

export function collapseWhitespace(value: string): string {
  return value.replace(/\s+/g, ' ').trim();
}

export function emptyCourse(): RawCourse {
  return { provenance: {} };
}

/** Sets a field unless the value is empty, and records which extractor produced it. */
export function putField(
  record: RawCourse,
  field: CourseField,
  value: string | readonly string[] | undefined,
  extractor: Extractor,
): void {
  const cleaned = cleanValue(field, value);
  if (cleaned === undefined) return;
  Object.assign(record, { [field]: cleaned });
  (record.provenance ??= {})[field] = extractor;
}

/** Copies a field from one record to another with its provenance. */
export function copyField(target: RawCourse, source: RawCourse, field: CourseField): void {
  const value = source[field];
  const extractor = source.provenance?.[field];
  if (value === undefined || extractor === undefined) return;
  Object.assign(target, { [field]: value });
  (target.provenance ??= {})[field] = extractor;
}

export function removeField(record: RawCourse, field: CourseField): void {
  Reflect.deleteProperty(record, field);
  if (record.provenance) Reflect.deleteProperty(record.provenance, field);
}

export function presentFields(record: RawCourse): CourseField[] {
  return (Object.keys(record) as (keyof RawCourse)[]).filter(
    (field): field is CourseField => field !== 'provenance' && record[field] !== undefined,
  );
}

/** Fields of running prose: a stray placeholder is cut out of them; any other field holding one is no value. */
const PROSE: ReadonlySet<CourseField> = new Set<CourseField>(['summary', 'description', 'learningOutcomes']);
/** A template the page forgot to fill in: "{{startdate}}", "{% fee %}", "${price}", "%%DURATION%%", "[[date]]". */
const PLACEHOLDER = /\{\{[^{}]*\}\}|\{%[^%]*%\}|\$\{[^{}]*\}|%%[A-Za-z_][\w.]*%%|\[\[[\w. -]+\]\]/;
const PLACEHOLDERS = new RegExp(PLACEHOLDER.source, 'g');

function withoutPlaceholder(field: CourseField, value: string): string {
  if (!PLACEHOLDER.test(value)) return value;
  return PROSE.has(field) ? collapseWhitespace(value.replace(PLACEHOLDERS, ' ')) : '';
}

function cleanValue(
  field: CourseField,
  value: string | readonly string[] | undefined,
): string | string[] | undefined {
  if (value === undefined) return undefined;
  const values = (typeof value === 'string' ? [value] : value)
    // "en, fr" is two languages whichever extractor found it
    .flatMap((item) => (field === 'languages' ? item.split(/[,;]/) : [item]))
    .map((item) => withoutPlaceholder(field, item).trim())
    .filter((item) => item.length > 0);
  if (values.length === 0) return undefined;
  if (LIST_FIELDS.has(field)) return [...new Set(values)];
  return values.join(', ');
}
