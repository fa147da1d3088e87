import type { RawOffering } from '@shortlist/schemas';
import { collapseWhitespace } from '../course-record.ts';
import { childElements, elementsUnder } from '../dom.ts';
import type { DomElement } from '../dom.ts';
import type { ScheduleSection } from '../offerings.ts';
import type { PageElements } from '../page-elements.ts';
import { visibleText } from '../visible-text.ts';
import { instructorNames, readBannerDates, summariseMeetings } from './banner-meetings.ts';

/**
 * The Banner 9 class search grid (StudentRegistrationSsb): one row per section, each cell named by its
 * `data-property` (courseTitle, subject, courseNumber, sequenceNumber, courseReferenceNumber, creditHours,
 * meetingTime, instructor, campus …).
 */
export function readBanner9Rows(page: PageElements): ScheduleSection[] {
  return page.byTag('tr').flatMap((row) => {
    const cells = new Map<string, DomElement>();
    for (const cell of childElements(row)) {
      const property = cell.attribs['data-property'];
      // the header row names its columns the same way, in <th>
      if (property && cell.tagName.toLowerCase() === 'td') cells.set(property, cell);
    }
    if (!cells.has('courseReferenceNumber') || !cells.has('courseTitle')) return [];
    const text = (...properties: string[]) => {
      for (const property of properties) {
        const cell = cells.get(property);
        const value = cell ? visibleText(cell) : '';
        if (value) return value;
      }
      return undefined;
    };
    const subject = text('subject');
    const number = text('courseNumber');
    const hours = text('creditHours', 'creditHourLow');
    const offering: RawOffering = {
      ...only('reference', text('courseReferenceNumber')),
      ...only('section', text('sequenceNumber')),
      ...only('kind', text('scheduleTypeDescription', 'scheduleType')),
      ...only('term', text('termDescription', 'term')),
      ...only('credit', hours && /\d/.test(hours) ? `${hours} credit hours` : undefined),
      ...only('mode', instructionalMethod(text('instructionalMethodDescription', 'instructionalMethod'))),
      ...only('location', text('campusDescription', 'campus')),
      ...meetingsOf(cells.get('meetingTime'), cells.get('instructor')),
    };
    const code = subject && number ? `${subject} ${number}` : text('subjectCourse');
    return [{ ...only('title', text('courseTitle')), ...only('code', code), offering }];
  });
}

const only = <K extends string>(key: K, value: string | undefined) =>
  (value ? { [key]: collapseWhitespace(value) } : {}) as Partial<Record<K, string>>;

/** The grid shows the method's name alone; the label keeps it readable next to the other modes. */
function instructionalMethod(name: string | undefined): string | undefined {
  return name ? `Instructional Method: ${name}` : undefined;
}

const TIMES = /(\d{1,2}:\d{2}\s*[AP]M)\s*-\s*(\d{1,2}:\d{2}\s*[AP]M)/i;

/** Days, times and dates from the meeting cell's title ("Monday,Wednesday SMTWTFS 10:00 AM - 11:15 AM … Start Date: 01/13/2025 End Date: 05/09/2025"). */
function meetingsOf(
  meeting: DomElement | undefined,
  instructor: DomElement | undefined,
): Partial<RawOffering> {
  const described = meeting ? (meeting.attribs.title ?? visibleText(meeting)) : '';
  const dates = [...described.matchAll(/(?:Start|End) Date:\s*([\d/]+)/gi)].flatMap((match) =>
    readBannerDates(match[1]!),
  );
  const days = /^(.*?)\s*SMTWTFS/i.exec(described)?.[1]?.trim();
  const times = TIMES.exec(described);
  const schedule = [days && !/^none$/i.test(days) ? days : '', times ? `${times[1]} - ${times[2]}` : '']
    .filter(Boolean)
    .join(' ');
  const links = instructor
    ? elementsUnder(instructor).filter((element) => element.tagName.toLowerCase() === 'a')
    : [];
  const names =
    links.length > 0 ? links.map((link) => visibleText(link)) : instructor ? [visibleText(instructor)] : [];
  return summariseMeetings([
    { dates, instructors: instructorNames(names), ...(schedule ? { schedule } : {}) },
  ]);
}
