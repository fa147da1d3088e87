import { describe, expect, it } from 'vitest';
import { presetPageCourses } from '../test-pages.ts';

describe('Open edX preset', () => {
  it('reads the about page: title, course number, start date, weekly effort and price', () => {
    const url = 'https://learn.lakeview.example/courses/course-v1:LakeviewX+CDL101+2027_T1/about';
    const { courses } = presetPageCourses('open-edx-about.html', url);
    expect(courses).toHaveLength(1);
    expect(courses[0]).toMatchObject({
      title: 'Climate Data Literacy',
      code: 'CDL101',
      startDates: ['2027-02-01'],
      workload: { hoursPerWeek: { min: 4, max: 4 } },
      cost: { amount: 49, currency: 'USD' },
      provenance: { title: 'preset:open-edx', workload: 'preset:open-edx' },
    });
  });
});
