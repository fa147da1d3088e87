import { describe, expect, it } from 'vitest';
import { presetPageCourses } from '../test-pages.ts';

const URL = 'https://catalog.brookfield.example/preview_course_nopop.php?catoid=12&coid=4410';

describe('Acalog preset', () => {
  it('reads the course code out of the heading and keeps the title, with the credits stated below it', () => {
    const { courses } = presetPageCourses('acalog-course.html', URL);
    expect(courses).toHaveLength(1);
    expect(courses[0]).toMatchObject({
      title: 'Principles of Financial Accounting',
      code: 'ACCT 2301',
      credit: { value: 3 },
      provenance: { title: 'preset:acalog', code: 'preset:acalog' },
    });
  });

  it('takes no price from a fee the catalogue left as a template placeholder', () => {
    const course = presetPageCourses('acalog-course.html', URL).courses[0]!;
    expect(course.cost).toMatchObject({ text: null, amount: null });
  });
});
