import type { TextChunks } from './decode.ts';
import { Course, RAW_LIST_FIELDS, RAW_TEXT_FIELDS, type RawCourse } from '@shortlist/schemas';
import { rawCourse, type FeedNotes, type FeedRecord } from './feed-record.ts';
import { readJsonItems, type JsonItem } from './json-stream.ts';
import { TOO_DEEP_FIX, tooDeepMessage } from '../linked-data/json-depth.ts';
import { problem, type FeedProblem } from './problems.ts';

/** How a JSON record is read: text fields to normalise (partner feeds), or complete Course records (bulk import). */
export type JsonRecordShape = 'raw' | 'course';

const COURSE_KEYS = new Set(['courses', 'records', 'items', 'data']);
const IGNORED_KEYS = new Set([
  '@context',
  'version',
  'generatedAt',
  'generated',
  'updated',
  'provider',
  'meta',
  'count',
  'total',
]);

/**
 * Reads `[course, …]` or `{ "courses": [course, …] }` a record at a time. Providers given as
 * `{ "providers": [...] }` are collected in `providers` for the bulk import.
 */
export async function* readJsonFeed(
  text: TextChunks,
  notes: FeedNotes,
  shape: JsonRecordShape,
  providers: unknown[] = [],
): AsyncGenerator<FeedRecord> {
  let row = 0;
  const ignored = new Set<string>();
  for await (const item of readJsonItems(text)) {
    if (item.key === 'providers') {
      if (item.index >= 0) providers.push(item.value);
      continue;
    }
    if (item.key !== null && !COURSE_KEYS.has(item.key)) {
      if (!IGNORED_KEYS.has(item.key) && !ignored.has(item.key)) {
        ignored.add(item.key);
        notes.problems.push(
          problem(
            0,
            'warning',
            item.key,
            null,
            `The top-level key "${item.key}" is not part of a feed; it was ignored.`,
            'Put the courses in a top-level array, or under "courses".',
          ),
        );
      }
      continue;
    }
    if (item.index < 0) continue;
    yield readRecord(item, ++row, shape);
  }
}

function readRecord(item: JsonItem, row: number, shape: JsonRecordShape): FeedRecord {
  const record: FeedRecord = { row, raw: {}, problems: [] };
  const where = `record ${row} (line ${item.line})`;
  if (item.tooDeep) {
    const message = `${where} ${tooDeepMessage(item.tooDeep)}.`;
    record.problems.push(problem(row, 'error', null, null, message, TOO_DEEP_FIX));
    return record;
  }
  if (item.error !== undefined) {
    record.problems.push(
      problem(
        row,
        'error',
        null,
        null,
        `${where} is not valid JSON: ${item.error}.`,
        'Fix the JSON syntax at that place.',
      ),
    );
    return record;
  }
  const value = item.value;
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    record.problems.push(
      problem(
        row,
        'error',
        null,
        value,
        `${where} is ${Array.isArray(value) ? 'an array' : typeof value}, not a course object.`,
        'Each element of the list must be an object such as {"title": "…", "url": "…"}.',
      ),
    );
    return record;
  }
  const object = value as Record<string, unknown>;
  if (shape === 'course') readCourseRecord(object, record);
  else readRawRecord(object, record);
  return record;
}

function readCourseRecord(object: Record<string, unknown>, record: FeedRecord): void {
  const parsed = Course.safeParse(object);
  if (parsed.success) {
    record.course = parsed.data;
    record.key = parsed.data.id;
    record.providerId = parsed.data.providerId;
    return;
  }
  for (const issue of parsed.error.issues) {
    const field = issue.path.join('.') || null;
    const value = issue.path.reduce<unknown>(
      (inner, step) =>
        inner && typeof inner === 'object' ? (inner as Record<PropertyKey, unknown>)[step] : undefined,
      object,
    );
    record.problems.push(
      problem(
        record.row,
        'error',
        field,
        value,
        `${field ?? 'record'}: ${issue.message}.`,
        'Records for the bulk import must match the @shortlist/schemas Course shape (see schemas/src/course.ts).',
      ),
    );
  }
}

const KEY_FIELDS = ['key', 'courseId', 'course_id', 'id'];
/** Computed by Shortlist; a record may carry them (an export) but they are recomputed. */
const COMPUTED = new Set([
  'fields',
  'contentHash',
  'completeness',
  'provenance',
  'fetchedAt',
  'lastSeenAt',
  'source',
  'sourceUrl',
  'provider',
  'fieldNames',
  'rates',
]);

function readRawRecord(object: Record<string, unknown>, record: FeedRecord): void {
  const fields: Partial<Record<keyof RawCourse, string | string[]>> = {};
  const known = new Set<string>([
    ...RAW_TEXT_FIELDS,
    ...RAW_LIST_FIELDS,
    ...KEY_FIELDS,
    'providerId',
    'status',
    'delivery',
    'location',
  ]);
  for (const field of RAW_TEXT_FIELDS) {
    const text = textValue(object[field], field, record.problems, record.row);
    if (text !== undefined) fields[field] = text;
  }
  for (const field of RAW_LIST_FIELDS) {
    const list = listValue(object[field], field, record.problems, record.row);
    if (list !== undefined) fields[field] = list;
  }
  const delivery = asObject(object.delivery);
  if (delivery) {
    fields.mode ??= stringOf(delivery.text) ?? stringOf(delivery.mode)?.replace('_', ' ');
    fields.pacing ??= stringOf(delivery.pacing)?.replace('_', '-');
  }
  const location = asObject(object.location);
  if (location) {
    fields.city ??= stringOf(location.city);
    fields.region ??= stringOf(location.region);
    fields.country ??= stringOf(location.country);
  }
  record.raw = rawCourse(fields);
  const key = KEY_FIELDS.map((field) => object[field]).find(
    (value) => typeof value === 'string' || typeof value === 'number',
  );
  if (key !== undefined) record.key = String(key);
  if (typeof object.providerId === 'string') record.providerId = object.providerId;
  if (object.status === 'withdrawn' || object.status === 'active') record.status = object.status;
  else if (object.status !== undefined)
    record.problems.push(
      problem(
        record.row,
        'error',
        'status',
        object.status,
        `status ${JSON.stringify(object.status)} is neither "active" nor "withdrawn".`,
        'Write "active", or "withdrawn" to take the course down.',
      ),
    );
  for (const field of Object.keys(object)) {
    if (known.has(field) || COMPUTED.has(field)) continue;
    record.problems.push(
      problem(
        record.row,
        'warning',
        field,
        object[field],
        `"${field}" is not a Shortlist field; it was ignored.`,
        `Use the field names of the Shortlist schema: ${[...RAW_TEXT_FIELDS, ...RAW_LIST_FIELDS].join(', ')}.`,
      ),
    );
  }
}

const asObject = (value: unknown) =>
  typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined;
const stringOf = (value: unknown) =>
  typeof value === 'string' ? value : typeof value === 'number' ? String(value) : undefined;

/** A text field as text: a string, a number, or the Course shape's `{ "text": … }` (or its parts). */
function textValue(value: unknown, field: string, problems: FeedProblem[], row: number): string | undefined {
  if (value === undefined || value === null) return undefined;
  const direct = stringOf(value);
  if (direct !== undefined) return direct;
  const object = asObject(value);
  if (object) {
    const text = stringOf(object.text) ?? describeStructured(field, object);
    if (text !== undefined) return text;
  }
  problems.push(
    problem(
      row,
      'error',
      field,
      value,
      `${field} must be text, not ${Array.isArray(value) ? 'a list' : typeof value}.`,
      `Write ${field} as a string, e.g. "${field}": "…".`,
    ),
  );
  return undefined;
}

/** The Course shape's normalised values written back as text the normalisers read, when `text` is empty. */
function describeStructured(field: string, object: Record<string, unknown>): string | undefined {
  const number = (key: string) => (typeof object[key] === 'number' ? object[key] : undefined);
  switch (field) {
    case 'cost': {
      const amount = number('amount');
      if (amount === undefined) return object.freeClass === 'free' ? 'Free' : undefined;
      return `${amount} ${stringOf(object.currency) ?? ''}`.trim();
    }
    case 'duration': {
      const [min, max] = [number('minWeeks'), number('maxWeeks')];
      if (min === undefined && max === undefined) return object.selfPaced === true ? 'self-paced' : undefined;
      return min !== undefined && max !== undefined && min !== max
        ? `${min}-${max} weeks`
        : `${min ?? max} weeks`;
    }
    case 'workload': {
      const range = (key: string) => {
        const inner = asObject(object[key]);
        if (typeof inner?.min !== 'number' || typeof inner.max !== 'number') return undefined;
        return inner.min === inner.max ? `${inner.min}` : `${inner.min}-${inner.max}`;
      };
      const perWeek = range('hoursPerWeek');
      const total = range('totalHours');
      return perWeek ? `${perWeek} hours per week` : total ? `${total} hours` : undefined;
    }
    case 'level':
      return number('eqf') !== undefined ? `EQF ${number('eqf')}` : stringOf(object.label);
    case 'credit':
      return number('value') !== undefined
        ? `${number('value')} ${stringOf(object.system) ?? 'credits'}`
        : undefined;
    case 'credential':
      return stringOf(object.type)?.replace(/_/g, ' ');
    default:
      return undefined;
  }
}

function listValue(
  value: unknown,
  field: string,
  problems: FeedProblem[],
  row: number,
): string[] | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'string') return value.split(/\s*[;|]\s*|\s*\n\s*/);
  if (Array.isArray(value) && value.every((item) => typeof item === 'string' || typeof item === 'number'))
    return value.map(String);
  problems.push(
    problem(row, 'error', field, value, `${field} must be a list of texts.`, `Write ${field} as ["…", "…"].`),
  );
  return undefined;
}
