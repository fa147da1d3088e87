import { describe, expect, it } from 'vitest';
import { readCourseHeading } from './course-heading.ts';

describe('readCourseHeading', () => {
  it.each([
    ['ACCT 2301 - Principles of Accounting I', 'Principles of Accounting I', 'ACCT 2301', undefined],
    ['CSC 1350 Computer Science I for Majors (4)', 'Computer Science I for Majors', 'CSC 1350', '4 credits'],
    [
      'ACCT\u00a0201.  Principles of Financial Accounting.  3 Credits.',
      'Principles of Financial Accounting',
      'ACCT 201',
      '3 Credits',
    ],
    ['CS 5004. Design. (4 Hours)', 'Design', 'CS 5004', '4 Hours'],
    ['AERO E4101 Aerospace Structures. 3.00 points.', 'Aerospace Structures', 'AERO E4101', '3.00 points'],
    ['MAC 1105 College Algebra Credit Hours: 3', 'College Algebra', 'MAC 1105', 'Credit Hours: 3'],
    ['PSY 7190 Seminars in Psychology II (3 units)', 'Seminars in Psychology II', 'PSY 7190', '3 units'],
    ['BIOL 1010L: General Biology Lab. 0-1 Credits', 'General Biology Lab', 'BIOL 1010L', '0-1 Credits'],
    ['Introduction to Welding', 'Introduction to Welding', undefined, undefined],
    ['MBA Leadership in 2 Days', 'MBA Leadership in 2 Days', undefined, undefined],
  ])('reads %j', (heading, title, code, credit) => {
    const read = readCourseHeading(heading);
    expect(read).toEqual({ title, ...(code ? { code } : {}), ...(credit ? { credit } : {}) });
  });
});
