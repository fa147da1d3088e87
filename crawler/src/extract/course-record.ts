import { RAW_LIST_FIELDS, type Extractor, type RawCourse, type RawCourseField } from '@shortlist/schemas';
import { newEvidence, type Found } from './evidence.ts';

/** A RawCourse field that holds extracted text (everything except `provenance`). */
export type CourseField = RawCourseField;

/** Fields that hold several values; every other field holds one string. */
export const LIST_FIELDS: ReadonlySet<CourseField> = new Set(RAW_LIST_FIELDS);

export const STRUCTURED_EXTRACTORS: ReadonlySet<Extractor> = new Set<Extractor>([
  'jsonld',
  'microdata',
  'rdfa',
]);

/** Fields of running text, where a stray placeholder does not make the rest wrong. */
const PROSE: ReadonlySet<CourseField> = new Set<CourseField>(['description', 'summary', 'learningOutcomes']);
/** An unrendered template variable where a value should be: `{{startdate}}`, `${price}`, `[[duration]]`, `%%fee%%`. */
const PLACEHOLDER = /\{\{[^{}]*\}\}|\{%[^{}]*%\}|\$\{[^{}]*\}|\[\[[^[\]]*\]\]|%%[\w.-]+%%|<%[^%]*%>/;

export function collapseWhitespace(value: string): string {
  return value.replace(/\s+/g, ' ').trim();
}

export function emptyCourse(): RawCourse {
  return { provenance: {} };
}

/**
 * Sets a field unless the value is empty or an unrendered template placeholder, and records which extractor
 * produced it and the text it was read from.
 */
export function putField(
  record: RawCourse,
  field: CourseField,
  value: string | readonly string[] | undefined,
  extractor: Extractor,
  found: Found = {},
): void {
  const cleaned = cleanValue(field, value);
  if (cleaned === undefined) return;
  Object.assign(record, { [field]: cleaned });
  (record.provenance ??= {})[field] = extractor;
  const shown = typeof cleaned === 'string' ? cleaned : cleaned.join(', ');
  (record.evidence ??= {})[field] = newEvidence(extractor, shown, found);
}

/** Copies a field from one record to another with its provenance and evidence. */
export function copyField(target: RawCourse, source: RawCourse, field: CourseField): void {
  const value = source[field];
  const extractor = source.provenance?.[field];
  if (value === undefined || extractor === undefined) return;
  Object.assign(target, { [field]: value });
  (target.provenance ??= {})[field] = extractor;
  const evidence = source.evidence?.[field];
  if (evidence) (target.evidence ??= {})[field] = structuredClone(evidence);
}

export function removeField(record: RawCourse, field: CourseField): void {
  Reflect.deleteProperty(record, field);
  if (record.provenance) Reflect.deleteProperty(record.provenance, field);
  if (record.evidence) Reflect.deleteProperty(record.evidence, field);
}

export function presentFields(record: RawCourse): CourseField[] {
  return (Object.keys(record) as (keyof RawCourse)[]).filter(
    (field): field is CourseField =>
      field !== 'provenance' && field !== 'evidence' && record[field] !== undefined,
  );
}

const PLACEHOLDERS = new RegExp(PLACEHOLDER.source, 'g');

/** Running prose loses only its placeholders; any other field holding one is no value. */
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

/** Credits every field of a record to another extractor: text read from markup a script shows is `embedded`. */
export function creditTo(record: RawCourse, extractor: Extractor): RawCourse {
  for (const field of Object.keys(record.provenance ?? {})) {
    record.provenance![field] = extractor;
    const evidence = record.evidence?.[field];
    if (evidence) evidence.extractor = extractor;
  }
  return record;
}
