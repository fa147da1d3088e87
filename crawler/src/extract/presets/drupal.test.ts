import { describe, expect, it } from 'vitest';
import { presetPageCourses } from '../test-pages.ts';

describe('Drupal preset', () => {
  it('reads the fields of a course content type by their usual names', () => {
    const { courses } = presetPageCourses(
      'drupal-course.html',
      'https://westmoor.example/courses/bookkeeping',
    );
    expect(courses).toHaveLength(1);
    expect(courses[0]).toMatchObject({
      title: 'Certificate in Digital Bookkeeping',
      code: 'WAL-BK12',
      duration: { text: '10 weeks', minWeeks: 10 },
      cost: { amount: 295, currency: 'GBP' },
      delivery: { mode: 'blended' },
      startDates: ['2027-01-18'],
      provenance: { title: 'preset:drupal', cost: 'preset:drupal', duration: 'preset:drupal' },
    });
  });
});
