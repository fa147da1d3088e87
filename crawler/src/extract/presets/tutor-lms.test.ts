import { describe, expect, it } from 'vitest';
import { presetPageCourses } from '../test-pages.ts';

describe('Tutor LMS preset', () => {
  it('reads the price from the sidebar card and the duration and level without their trailing labels', () => {
    const { courses } = presetPageCourses(
      'tutor-course.html',
      'https://studionine.example/courses/podcast-production/',
    );
    expect(courses).toHaveLength(1);
    expect(courses[0]).toMatchObject({
      title: 'Podcast Production from Scratch',
      cost: { amount: 120, currency: 'USD' },
      duration: { text: '6 hours 30 minutes' },
      level: { text: 'Beginner', label: 'introductory' },
      provenance: { title: 'preset:tutor-lms', duration: 'preset:tutor-lms' },
    });
  });
});
