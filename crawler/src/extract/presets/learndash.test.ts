import { describe, expect, it } from 'vitest';
import { fixturePage, presetPageCourses, testSource } from '../test-pages.ts';
import { coursesFromPage } from '../page-courses.ts';

const URL = 'https://northgate.example/courses/safeguarding-essentials/';

describe('LearnDash preset', () => {
  it('reads the title and the price from the course status bar', () => {
    const { courses } = presetPageCourses('learndash-course.html', URL, testSource('GB'));
    expect(courses[0]).toMatchObject({
      title: 'Safeguarding Essentials',
      cost: { amount: 45, currency: 'GBP' },
      provenance: { cost: 'preset:learndash' },
    });
  });

  it('reads no price, and no free course, from "Closed" where the price would stand', () => {
    const html = fixturePage('presets/learndash-course.html').replace(
      '<span class="ld-currency">&pound;</span>45',
      'Closed',
    );
    const course = coursesFromPage(html, URL, testSource('GB'), '2026-07-02T09:00:00.000Z').courses[0]!;
    expect(course.title).toBe('Safeguarding Essentials');
    expect(course.cost).toMatchObject({ amount: null, currency: null, freeClass: 'unknown' });
    expect(course.provenance.cost).not.toBe('preset:learndash');
  });
});
