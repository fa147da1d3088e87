import { describe, expect, it } from 'vitest';
import { presetPageCourses, testSource } from '../test-pages.ts';

describe('Moodle preset', () => {
  it('reads the course box of an enrolment page with its custom fields, and no start date from a {{startdate}} placeholder', () => {
    const { courses } = presetPageCourses(
      'moodle-enrol.html',
      'https://learn.riverbend.example/enrol/index.php?id=41',
      testSource('GB'),
    );
    expect(courses).toHaveLength(1);
    expect(courses[0]).toMatchObject({
      title: 'Introduction to Bookkeeping',
      url: 'https://learn.riverbend.example/course/view.php?id=41',
      duration: { minWeeks: 8 },
      cost: { amount: 240, currency: 'GBP' },
      startDates: [],
      provenance: { title: 'preset:moodle' },
    });
    expect(JSON.stringify(courses[0])).not.toContain('{{');
  });
});
