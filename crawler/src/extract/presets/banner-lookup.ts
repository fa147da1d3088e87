import type { RawOffering } from '@shortlist/schemas';
import { childElements, hasClass } from '../dom.ts';
import type { DomElement } from '../dom.ts';
import type { ScheduleSection } from '../offerings.ts';
import type { PageElements } from '../page-elements.ts';
import { visibleText } from '../visible-text.ts';
import { instructorNames, summariseMeetings, type Meeting } from './banner-meetings.ts';

/** Columns of the "Look Up Classes" grid, found by their header text ("CRN", "Subj", "Crse", "Sec" …). */
const COLUMNS = {
  crn: /^crn$/,
  subject: /^subj/,
  number: /^crse$|^course$/,
  section: /^sec/,
  campus: /^cmp$|^campus$/,
  credit: /^cred/,
  title: /^title$/,
  days: /^days$/,
  time: /^time$/,
  instructor: /^instructor/,
} as const;
type Column = keyof typeof COLUMNS;

/**
 * Banner 8's "Look Up Classes" results (bwskfcls.P_GetCrse): one wide table, a row per section under column
 * headers; a row without a CRN is another meeting of the section above it.
 */
export function readLookupGrid(page: PageElements): ScheduleSection[] {
  const sections: ScheduleSection[] = [];
  let columns: Partial<Record<Column, number>> | undefined;
  let meetings: Meeting[] = [];
  const finish = () => {
    const last = sections.at(-1);
    if (last) last.offering = { ...last.offering, ...summariseMeetings(meetings) };
    meetings = [];
  };
  for (const row of page.byTag('tr')) {
    const cells = childElements(row).filter((cell) => /^t[dh]$/i.test(cell.tagName));
    if (cells.some((cell) => hasClass(cell, 'ddheader'))) {
      columns = columnsOf(cells);
      continue;
    }
    if (!columns || !cells.every((cell) => hasClass(cell, 'dddefault'))) continue;
    const value = (column: Column) => {
      const index = columns?.[column];
      const cell = index === undefined ? undefined : cells[index];
      const text = cell ? visibleText(cell) : '';
      return text && !/^TBA$/i.test(text) ? text : undefined;
    };
    const meeting: Meeting = {
      dates: [],
      instructors: instructorNames((value('instructor') ?? '').split(/\s*,\s*/)),
      ...scheduleOf(value('days'), value('time')),
    };
    const crn = value('crn');
    if (!crn) {
      meetings.push(meeting);
      continue;
    }
    finish();
    meetings.push(meeting);
    const subject = value('subject');
    const number = value('number');
    const credit = value('credit');
    const campus = value('campus');
    const offering: RawOffering = {
      reference: crn,
      ...(value('section') ? { section: value('section') } : {}),
      ...(credit && /\d/.test(credit) ? { credit: `${credit} credit hours` } : {}),
      // a one- or two-letter campus code names no place a reader knows
      ...(campus && campus.length > 2 ? { location: campus } : {}),
    };
    sections.push({
      ...(value('title') ? { title: value('title') } : {}),
      ...(subject && number ? { code: `${subject} ${number}` } : {}),
      offering,
    });
  }
  finish();
  return sections;
}

function columnsOf(cells: readonly DomElement[]): Partial<Record<Column, number>> | undefined {
  const names = cells.map((cell) => visibleText(cell).toLowerCase());
  const columns: Partial<Record<Column, number>> = {};
  for (const [column, pattern] of Object.entries(COLUMNS) as [Column, RegExp][]) {
    const index = names.findIndex((name) => pattern.test(name));
    if (index >= 0) columns[column] = index;
  }
  return columns.crn !== undefined && columns.title !== undefined ? columns : undefined;
}

function scheduleOf(days: string | undefined, time: string | undefined): { schedule?: string } {
  const schedule = [days, time].filter(Boolean).join(' ');
  return schedule ? { schedule } : {};
}
