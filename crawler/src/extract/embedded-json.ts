import type { RawCourse } from '@shortlist/schemas';
import { emptyCourse, putField, type CourseField } from './course-record.ts';
import { isSameCourse, mergeCourses } from './course-merge.ts';
import { findCourseNodes } from './course-nodes.ts';
import { sameValue } from './evidence.ts';
import { resolveUrl } from './dom.ts';
import { LinkedDataGraph } from '../linked-data/graph.ts';
import { rawText, type PageElements } from './page-elements.ts';
import { mapCourseNode } from './schema-org-course.ts';

// JSON a page carries for its own scripts: `<script type="application/json">` (Next.js `__NEXT_DATA__`, Nuxt),
// inline state (`window.__INITIAL_STATE__ = {…}`) and `data-*` attributes holding JSON. Sites built on them often
// show the course's facts only after their scripts run, so the JSON is where those facts are.

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

/** Bigger scripts and attributes than this are bundles or caches, not a course's data. */
const MAX_JSON = 2_000_000;
const MAX_NODES = 50_000;
const MAX_DEPTH = 64;
/** Inline state: `window.__NUXT__ = {`, `var courseData = {`, `self.__INITIAL_STATE__={`. */
const STATE_ASSIGNMENT =
  /(?:window|self|globalThis)\.[\w$]+\s*=\s*(?=[{[])|\b(?:var|let|const)\s+[\w$]+\s*=\s*(?=\{)/g;
const JSON_TYPE = /^\s*application\/(?:[\w.+-]+\+)?json\s*(?:;|$)/i;

const TITLE_KEYS = ['title', 'name', 'courseName', 'course_name', 'courseTitle', 'course_title', 'programName', 'program_name', 'displayName', 'headline']; // prettier-ignore
/** Keys that name a course fact, lower-cased and without separators, and the field each fills. */
const FACT_KEYS = new Map<string, CourseField>([
  ...['price', 'cost', 'fee', 'fees', 'tuition', 'amount', 'listprice', 'saleprice', 'courseprice', 'coursefee', 'totalcost', 'tuitionfee'].map((key) => [key, 'cost'] as const), // prettier-ignore
  ...['currency', 'currencycode', 'pricecurrency'].map((key) => [key, 'currency'] as const),
  ...['duration', 'length', 'courselength', 'timerequired', 'timetocomplete', 'durationtext', 'programlength', 'durationweeks', 'durationinweeks', 'weeks', 'lengthinweeks', 'durationmonths', 'months'].map((key) => [key, 'duration'] as const), // prettier-ignore
  ...['effort', 'workload', 'hoursperweek', 'weeklyhours', 'estimatedeffort', 'courseworkload', 'timecommitment'].map((key) => [key, 'workload'] as const), // prettier-ignore
  ...['deliverymode', 'delivery', 'mode', 'format', 'modality', 'learningformat', 'coursemode', 'deliveryformat', 'deliverymethod'].map((key) => [key, 'mode'] as const), // prettier-ignore
  ...['startdate', 'startdates', 'nextstart', 'nextstartdate'].map((key) => [key, 'startDates'] as const),
  ...['level', 'difficulty', 'educationallevel'].map((key) => [key, 'level'] as const),
  ...['credits', 'credithours', 'ects', 'numberofcredits'].map((key) => [key, 'credit'] as const),
]);
const PROSE_KEYS = new Map<string, CourseField>([
  ['description', 'description'],
  ['summary', 'summary'],
  ['shortdescription', 'summary'],
  ['url', 'url'],
  ['href', 'url'],
  ['link', 'url'],
]);
/** Facts that make an object a course, not a tracking event that names one ("course": "Data Analyst"). */
const COURSE_FACTS: ReadonlySet<CourseField> = new Set<CourseField>(['cost', 'duration', 'workload', 'mode', 'startDates', 'credit']); // prettier-ignore
const keyOf = (key: string) => key.toLowerCase().replace(/[^a-z]/g, '');

/** Every JSON document the page holds for its scripts, with where it was found. */
export function embeddedDocuments(page: PageElements): { json: Json; where: string }[] {
  const found: { json: Json; where: string }[] = [];
  for (const script of page.byTag('script')) {
    const type = script.attribs.type ?? '';
    if (/ld\+json/i.test(type)) continue;
    const text = rawText(script);
    if (!text || text.length > MAX_JSON) continue;
    if (JSON_TYPE.test(type)) {
      const json = parse(text);
      if (json !== undefined)
        found.push({ json, where: `<script id="${script.attribs.id ?? ''}" type="${type}">` });
    } else if (!type || /javascript|module/i.test(type)) {
      for (const json of inlineState(text)) found.push({ json, where: 'inline script state' });
    }
  }
  for (const element of page.all) {
    for (const name in element.attribs) {
      if (!name.startsWith('data-')) continue;
      const value = element.attribs[name]!;
      if (value.length < 2 || value.length > MAX_JSON) continue;
      const first = value.trimStart()[0];
      if (first !== '{' && first !== '[') continue;
      const json = parse(value);
      if (json !== undefined) found.push({ json, where: `${name} attribute of <${element.tagName}>` });
    }
  }
  return found;
}

function parse(text: string): Json | undefined {
  try {
    return JSON.parse(text) as Json;
  } catch {
    return undefined;
  }
}

/** The JSON objects assigned to globals in a script; text that is not JSON (functions, undefined) is skipped. */
function inlineState(script: string): Json[] {
  const found: Json[] = [];
  STATE_ASSIGNMENT.lastIndex = 0;
  for (let match = STATE_ASSIGNMENT.exec(script); match; match = STATE_ASSIGNMENT.exec(script)) {
    const start = match.index + match[0].length;
    const end = balancedEnd(script, start);
    if (end < 0) continue;
    const json = parse(script.slice(start, end));
    if (json !== undefined) found.push(json);
    STATE_ASSIGNMENT.lastIndex = end;
  }
  return found;
}

/** Where the object or array opening at `start` closes, skipping brackets inside strings; -1 when it never does. */
function balancedEnd(text: string, start: number): number {
  let depth = 0;
  let quote = '';
  for (let index = start; index < text.length; index++) {
    const char = text[index]!;
    if (quote) {
      if (char === '\\') index++;
      else if (char === quote) quote = '';
    } else if (char === '"' || char === "'") quote = char;
    else if (char === '{' || char === '[') depth++;
    else if (char === '}' || char === ']') {
      depth--;
      if (depth === 0) return index + 1;
    }
  }
  return -1;
}

/**
 * The courses in a page's embedded JSON: objects typed as schema.org courses, read as linked data is, and plain
 * objects with a name and at least two course facts under the keys sites use (`price`, `duration`, `deliveryMode`…).
 */
export function readEmbedded(page: PageElements, baseUrl: string, warnings: string[]): EmbeddedContent {
  const documents = embeddedDocuments(page);
  const html = htmlAttributes(page);
  if (documents.length === 0) return { courses: [], html };
  const typed: JsonObject[] = [];
  const courses: RawCourse[] = [];
  for (const { json, where } of documents) {
    walk(json, (object) => {
      for (const value of Object.values(object)) if (typeof value === 'string' && looksLikeHtml(value)) addHtml(html, value); // prettier-ignore
      if (typeof object['@type'] === 'string' || Array.isArray(object['@type'])) {
        typed.push(object);
        return false;
      }
      const course = plainCourse(object, baseUrl, where);
      if (course) courses.push(course);
      return course === undefined;
    });
  }
  if (typed.length > 0) {
    const nodes = findCourseNodes(new LinkedDataGraph(typed, { bareIdReferences: false }).roots());
    courses.unshift(...nodes.map((node) => mapCourseNode(node, 'embedded', baseUrl, warnings)));
  }
  return { courses, html };
}

export interface EmbeddedContent {
  courses: RawCourse[];
  /** HTML the page keeps in data attributes and JSON strings (tabs, accordions, modals filled by scripts) */
  html: string[];
}

/** Markup kept for scripts to show: read for facts the visible text lacks, never over it. */
const MAX_HTML = 500_000;
const HTML_TAG = /<(?:p|div|span|li|ul|dl|dt|dd|table|tr|td|th|h[1-6]|strong|b|br|section)\b[^>]*>/i;
const looksLikeHtml = (value: string) => value.length >= 20 && value.includes('<') && HTML_TAG.test(value);

function addHtml(found: string[], html: string): void {
  const size = found.reduce((sum, item) => sum + item.length, 0);
  if (size + html.length <= MAX_HTML && !found.includes(html)) found.push(html);
}

/** `data-*` attributes whose value is markup: `data-content="<p>Tuition: …</p>"`. */
function htmlAttributes(page: PageElements): string[] {
  const found: string[] = [];
  for (const element of page.all)
    for (const name in element.attribs) {
      if (!name.startsWith('data-')) continue;
      const value = element.attribs[name]!;
      if (value.trimStart().startsWith('<') && looksLikeHtml(value)) addHtml(found, value);
    }
  return found;
}

/** Visits every object below `json` once, depth first; `visit` returns false to skip an object's inside. */
function walk(json: Json, visit: (object: JsonObject) => boolean): void {
  const stack: [Json, number][] = [[json, 0]];
  let seen = 0;
  while (stack.length > 0 && seen++ < MAX_NODES) {
    const [value, depth] = stack.pop()!;
    if (value === null || typeof value !== 'object' || depth > MAX_DEPTH) continue;
    if (Array.isArray(value)) {
      for (let index = value.length - 1; index >= 0; index--) stack.push([value[index]!, depth + 1]);
      continue;
    }
    if (!visit(value)) continue;
    const children = Object.values(value);
    for (let index = children.length - 1; index >= 0; index--) stack.push([children[index]!, depth + 1]);
  }
}

function plainCourse(object: JsonObject, baseUrl: string, where: string): RawCourse | undefined {
  const titleKey = TITLE_KEYS.find((key) => typeof object[key] === 'string');
  const title = titleKey ? (object[titleKey] as string).trim() : '';
  if (title.length < 3 || title.length > 200) return undefined;
  const facts = new Map<CourseField, { value: string | string[]; key: string }>();
  for (const [key, value] of Object.entries(object)) {
    const field = FACT_KEYS.get(keyOf(key)) ?? PROSE_KEYS.get(keyOf(key));
    if (!field || facts.has(field)) continue;
    const text = factText(field, key, value);
    if (text !== undefined) facts.set(field, { value: text, key });
  }
  if ([...facts.keys()].filter((field) => COURSE_FACTS.has(field)).length < 2) return undefined;
  const record = emptyCourse();
  putField(record, 'title', title, 'embedded', {
    evidence: `${where}: "${titleKey}": ${JSON.stringify(title)}`,
  });
  for (const [field, { value, key }] of facts) {
    const evidence = `${where}: "${key}": ${JSON.stringify(object[key])}`;
    const text = field === 'url' && typeof value === 'string' ? resolveUrl(value, baseUrl) : value;
    putField(record, field, text, 'embedded', { evidence });
  }
  return record;
}

/** A fact's value as text: numbers as written, `{ amount, currency }` prices, lists of dates, "6" weeks. */
function factText(field: CourseField, key: string, value: Json): string | string[] | undefined {
  if (typeof value === 'string') return value.trim() || undefined;
  if (typeof value === 'number') {
    // a bare number under "durationWeeks" or "weeks" is that many weeks
    if (field === 'duration') return /week/i.test(key) ? `${value} weeks` : /month/i.test(key) ? `${value} months` : undefined; // prettier-ignore
    if (field === 'workload') return /week/i.test(key) ? `${value} hours per week` : undefined;
    return String(value);
  }
  if (Array.isArray(value)) {
    const texts = value.filter((item): item is string => typeof item === 'string');
    return field === 'startDates' && texts.length > 0 ? texts : undefined;
  }
  if (value && typeof value === 'object' && field === 'cost') {
    const amount = value.amount ?? value.value ?? value.price;
    const currency = value.currency ?? value.currencyCode ?? value.priceCurrency;
    if (typeof amount === 'number' || typeof amount === 'string')
      return typeof currency === 'string' ? `${amount} ${currency}` : String(amount);
  }
  return undefined;
}

/**
 * Adds the embedded courses to those linked data found: each fills the record it names (by URL or title). With
 * no record yet, one embedded course is the page's; of several, a page about one course keeps the one its
 * heading names (the rest are related courses) and a listing keeps them all.
 */
export function mergeEmbedded(
  records: RawCourse[],
  embedded: readonly RawCourse[],
  page: () => { title: { value: string } | null },
  warnings: string[],
): void {
  if (embedded.length === 0) return;
  if (records.length > 0) {
    mergeCourses(records, embedded.filter((course) => records.some((record) => isSameCourse(record, course))), warnings); // prettier-ignore
    return;
  }
  if (embedded.length === 1) {
    records.push(embedded[0]!);
    return;
  }
  const { title } = page();
  const named = title ? embedded.filter((course) => course.title && sameValue('title', course.title, title.value)) : []; // prettier-ignore
  records.push(...(title ? named.slice(0, 1) : embedded));
}
