import { normaliseMode, type RawCourse, type RawOffering } from '@shortlist/schemas';
import { collapseWhitespace, emptyCourse, putField } from '../course-record.ts';
import { childElements, elementsUnder, hasClass, isElement, nextElement, resolveUrl } from '../dom.ts';
import type { DomElement } from '../dom.ts';
import { coursesFromSections, type ScheduleSection } from '../offerings.ts';
import { visibleLines, visibleText } from '../visible-text.ts';
import { readCourseHeading } from './course-heading.ts';
import { instructorNames, readBannerDates, summariseMeetings, type Meeting } from './banner-meetings.ts';
import { readLookupGrid } from './banner-lookup.ts';
import { readBanner9Rows } from './banner9.ts';
import type { Preset, PresetPage } from './preset.ts';

const EXTRACTOR = 'preset:banner' as const;

/**
 * Ellucian Banner self-service: the Banner 8 "Class Schedule Listing" (bwckschd.p_get_crse_unsec), "Detailed Class
 * Information" (bwckschd.p_disp_detail_sched), "Look Up Classes" (bwskfcls.P_GetCrse) and catalogue entries
 * (bwckctlg), and the Banner 9 class search grid. Each section becomes an offering of its course.
 */
export const banner: Preset = {
  name: 'banner',
  platform: 'Ellucian Banner class schedule and catalogue (Banner 8 and 9 self-service)',
  detect: {
    any: [
      { className: 'ddtitle' },
      { className: 'nttitle' },
      { url: /\/bw(?:ckschd|ckctlg|skfcls)\.p_|\/StudentRegistrationSsb\/ssb\//i },
      { title: /^\s*(?:Class Schedule Listing|Detailed Class Information|Catalog Entries)\s*$/i },
      { attribute: 'data-property', value: 'courseReferenceNumber' },
    ],
  },
  maps: [],
  read: readBanner,
};

function readBanner({ page, baseUrl }: PresetPage): RawCourse[] {
  const sections: ScheduleSection[] = [];
  for (const header of page.byTag('th')) {
    if (!hasClass(header, 'ddtitle') && !hasClass(header, 'ddlabel')) continue;
    const heading = readSectionHeading(visibleLines(header).join('\n'));
    if (!heading) continue;
    const { title, code, reference, section } = heading;
    const cell = cellAfter(header, 'dddefault');
    const details = cell ? readSectionDetails(cell, baseUrl) : { offering: {} };
    sections.push({ title, code, ...details, offering: { reference, section, ...details.offering } });
  }
  sections.push(...readLookupGrid(page), ...readBanner9Rows(page));
  return [...coursesFromSections(sections, EXTRACTOR), ...readCatalogueEntries(page.byTag('td'), baseUrl)];
}

/** The details of a header row are the first cell of the next row with the class given. */
function cellAfter(header: DomElement, className: string): DomElement | undefined {
  const row = header.parent && isElement(header.parent) ? header.parent : undefined;
  const next = row ? nextElement(row) : undefined;
  return next ? childElements(next).find((cell) => hasClass(cell, className)) : undefined;
}

const MAX_HEADING = 400;
const HEADING =
  /^([\s\S]+?)\s+-\s+(\d{3,7})\s+-\s+([A-Z][A-Z&]{0,7}\s?[A-Z]?\d{1,5}[A-Z]{0,4})\s+-\s+(\S+)\s*$/;

/**
 * "Introduction to Biology - 12345 - BIO 101 - 001": title, reference number (CRN), course code and section,
 * joined by dashes. The title may hold dashes of its own, and a second line some schools add after it.
 */
export function readSectionHeading(
  text: string,
): { title: string; reference: string; code: string; section: string } | undefined {
  // a heading is one short line or two; a long cell is not one, and is not worth a regular expression's time
  if (text.length > MAX_HEADING) return undefined;
  const match = HEADING.exec(text.trim());
  if (!match) return undefined;
  const title = collapseWhitespace(match[1]!.split('\n')[0]!);
  return { title, reference: match[2]!, code: collapseWhitespace(match[3]!), section: match[4]! };
}

const LINE_FACTS: readonly [RegExp, (match: RegExpExecArray, line: string) => Partial<SectionFacts>][] = [
  [/^Associated Term:\s*(.+)$/i, (m) => ({ term: m[1] })],
  [/^Levels?:\s*(.+)$/i, (m) => ({ level: m[1] })],
  [/^(.+?)\s+Schedule Type$/i, (m) => ({ kind: m[1]!.replace(/\*$/, '') })],
  [/^Schedule Type:\s*(.+)$/i, (m) => ({ kind: m[1]!.replace(/\*$/, '') })],
  [/^.+\s+Instructional Method$|^Instructional Method:\s*.+$/i, (_m, line) => ({ mode: line })],
  [/^(.+?\s+Campus)(?:\s+Campus)?$/i, (m) => ({ location: m[1]!.replace(/\s*\*\s*(?=Campus$)/, ' ') })],
  [/^Campus:\s*(.+)$/i, (m) => ({ location: m[1] })],
  [
    /^\d+(?:\.\d+)?(?:\s+(?:TO|OR)\s+\d+(?:\.\d+)?)?\s+Credits?(?:\s+Hours?)?$/i,
    (_m, line) => ({ credit: line }),
  ],
  [/^Credit Hours?:\s*(\d.*)$/i, (_m, line) => ({ credit: line })],
];

/** Banner writes each fact on a short line of its own; a longer line is a note ("Class meets at the Downtown Campus …"). */
const MAX_FACT_LINE = 80;

/**
 * The section's instructional method; a school that shows none often names the mode in its schedule type
 * ("Online Schedule Type", "Hybrid") or an online campus ("Distance Learning Campus"), which then stands for it.
 * "Main Campus" says where, not how: it names no mode.
 */
function modeOf(facts: Partial<SectionFacts>): { mode?: string } {
  const mode =
    facts.mode ??
    (normaliseMode(facts.kind) ? facts.kind : undefined) ??
    (normaliseMode(facts.location) === 'online' ? facts.location : undefined);
  return mode ? { mode } : {};
}

interface SectionFacts {
  term: string;
  level: string;
  kind: string;
  mode: string;
  location: string;
  credit: string;
}

/** The lines of a section's details cell, then its meeting-times table. */
function readSectionDetails(cell: DomElement, baseUrl: string): Omit<ScheduleSection, 'title' | 'code'> {
  const tables = elementsUnder(cell).filter((element) => element.tagName.toLowerCase() === 'table');
  const inTables = new Set(tables.flatMap((table) => visibleLines(table)));
  const facts: Partial<SectionFacts> = {};
  for (const line of visibleLines(cell)) {
    if (inTables.has(line) || line.length > MAX_FACT_LINE) continue;
    for (const [pattern, read] of LINE_FACTS) {
      const match = pattern.exec(line);
      if (match) {
        // the first statement of a fact wins; a schedule states each once
        Object.assign(facts, { ...read(match, line), ...facts });
        break;
      }
    }
  }
  const catalogue = elementsUnder(cell).find(
    (element) => element.tagName.toLowerCase() === 'a' && /bwckctlg\.p_/i.test(element.attribs.href ?? ''),
  );
  const meetings = tables.flatMap(readMeetings);
  const offering: RawOffering = {
    ...(facts.kind ? { kind: facts.kind } : {}),
    ...(facts.term ? { term: facts.term } : {}),
    ...(facts.credit ? { credit: facts.credit } : {}),
    ...modeOf(facts),
    ...(facts.location ? { location: facts.location } : {}),
    ...summariseMeetings(meetings),
  };
  const courseUrl = resolveUrl(catalogue?.attribs.href, baseUrl);
  return { offering, ...(courseUrl ? { courseUrl } : {}), ...(facts.level ? { level: facts.level } : {}) };
}

/** The rows of a "Scheduled Meeting Times" table, its columns found by their headers. */
function readMeetings(table: DomElement): Meeting[] {
  const rows = elementsUnder(table).filter((element) => element.tagName.toLowerCase() === 'tr');
  const headerRow = rows.find((row) =>
    childElements(row).some((cell) => cell.tagName.toLowerCase() === 'th'),
  );
  if (!headerRow) return [];
  const columns = childElements(headerRow).map((cell) => visibleText(cell).toLowerCase());
  const column = (pattern: RegExp) => columns.findIndex((name) => pattern.test(name));
  const at = {
    type: column(/^type$/),
    days: column(/^days?$/),
    time: column(/^time/),
    who: column(/instructor/),
  };
  const dateColumns = columns.flatMap((name, index) => (/date/.test(name) ? [index] : []));
  if (at.days < 0 && dateColumns.length === 0) return [];
  return rows
    .filter((row) => row !== headerRow)
    .map((row) => childElements(row).map((cell) => visibleText(cell)))
    .filter((cells) => cells.length === columns.length)
    .map((cells) => {
      // an exam is a one-off meeting, not when the class meets
      const exam = /exam/i.test(cells[at.type] ?? '');
      const when = exam
        ? ''
        : [cells[at.days], cells[at.time]].filter((part) => part && !/^TBA$/i.test(part)).join(' ');
      const dates = dateColumns.flatMap((index) => readBannerDates(cells[index] ?? ''));
      // Banner 8 writes "First Last (P), First Last"
      const instructors = instructorNames((cells[at.who] ?? '').split(/\s*,\s*/));
      return { dates, instructors, ...(when ? { schedule: when } : {}) };
    });
}

/** Banner's catalogue: "ACCT 2301 - Principles of Accounting I" over a cell of description and credit hours. */
function readCatalogueEntries(cells: readonly DomElement[], baseUrl: string): RawCourse[] {
  return cells
    .filter((cell) => hasClass(cell, 'nttitle'))
    .flatMap((cell) => {
      const heading = readCourseHeading(visibleText(cell));
      if (!heading.code) return [];
      const record = emptyCourse();
      const put = (field: Parameters<typeof putField>[1], value: string | undefined) =>
        putField(record, field, value, EXTRACTOR);
      put('title', heading.title);
      put('code', heading.code);
      const link = elementsUnder(cell).find((element) => element.tagName.toLowerCase() === 'a');
      put('url', resolveUrl(link?.attribs.href, baseUrl));
      const details = cellAfter(cell, 'ntdefault');
      const lines = details ? visibleLines(details) : [];
      const creditAt = lines.findIndex((line) =>
        /^\d+(?:\.\d+)?(?:\s+(?:TO|OR)\s+\d+(?:\.\d+)?)?\s+Credit hours$/i.test(line),
      );
      put('credit', lines[creditAt]);
      if (creditAt > 0) put('description', lines.slice(0, creditAt).join(' '));
      put('level', lines.find((line) => /^Levels?:/i.test(line))?.replace(/^Levels?:\s*/i, ''));
      return [record];
    });
}
