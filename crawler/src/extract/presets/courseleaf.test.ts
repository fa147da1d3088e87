import { describe, expect, it } from 'vitest';
import { presetPageCourses } from '../test-pages.ts';

describe('CourseLeaf preset', () => {
  it('reads every course block of a department page as a course of its own, code and credits apart', () => {
    const { courses } = presetPageCourses('courseleaf-listing.html', 'https://catalog.harlow.example/cis/');
    expect(
      courses.map((course) => [course.code, course.title, course.credit.text, course.credit.value]),
    ).toEqual([
      ['CIS 110', 'Introduction to Databases', '3 Credits', 3],
      ['CIS 115L', 'Database Lab', '0 Credits', 0],
      ['CIS 240', 'Cloud Fundamentals', '1-3 Credits', 1],
    ]);
    expect(courses[0]!.description).toBe(
      'Relational models, SQL queries and the design of small databases for business.',
    );
    // the department heading is not a course
    expect(courses.map((course) => course.title)).not.toContain('Computer Information Systems (CIS)');
    expect(new Set(courses.map((course) => course.url)).size).toBe(3);
  });
});
