import type { RawOffering } from '@shortlist/schemas';
import { collapseWhitespace } from '../course-record.ts';
import { readStartDates } from '../start-dates.ts';

/** One meeting pattern of a section: when it meets and who teaches it. */
export interface Meeting {
  dates: string[];
  schedule?: string;
  instructors: string[];
}

/** The section's first and last day, its meeting times and its instructors, from all its meetings. */
export function summariseMeetings(meetings: readonly Meeting[]): Partial<RawOffering> {
  const dates = meetings.flatMap((meeting) => meeting.dates).sort();
  const schedules = [...new Set(meetings.flatMap((meeting) => meeting.schedule ?? []))];
  const instructors = [...new Set(meetings.flatMap((meeting) => meeting.instructors))];
  return {
    ...(dates.length > 0 ? { startDate: dates[0]!, endDate: dates.at(-1)! } : {}),
    ...(schedules.length > 0 ? { schedule: schedules.join('; ') } : {}),
    ...(instructors.length > 0 ? { instructors } : {}),
  };
}

const US_DATE = /\b(\d{1,2})\/(\d{1,2})\/(\d{4})\b/g;

/**
 * Dates as Banner writes them: "Aug 24, 2022 - Dec 14, 2022", or "08/24/2022" (month first, Banner's default;
 * day first only where the first number cannot be a month). ISO dates out.
 */
export function readBannerDates(text: string): string[] {
  const written = text.replace(US_DATE, (whole, first: string, second: string, year: string) => {
    const [month, day] = Number(first) > 12 ? [second, first] : [first, second];
    return `${year}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`;
  });
  return readStartDates(written).filter((date) => /^\d{4}-\d{2}-\d{2}$/.test(date));
}

/** Instructor names without Banner's "(P)" / "(Primary)" mark; "TBA" and "Staff" name no one. */
export function instructorNames(names: readonly string[]): string[] {
  return names
    .map((name) => collapseWhitespace(name.replace(/\((?:P|Primary)\)/gi, '')))
    .filter((name) => name && !/^(?:TBA|TBD|Staff)$/i.test(name));
}
