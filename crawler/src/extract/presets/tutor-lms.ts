import type { Preset } from './preset.ts';

/**
 * Tutor LMS course pages: `.tutor-course-details-title`, the price in the sidebar card (a WooCommerce or
 * Tutor amount, or "Free"), and the meta list where each value is followed by its label ("1 hour 15 minutes
 * Duration", "Beginner").
 */
export const tutorLms: Preset = {
  name: 'tutor-lms',
  platform: 'WordPress + Tutor LMS course',
  detect: {
    any: [
      { className: 'tutor-course-details-title' },
      { className: 'tutor-course-details-page' },
      { className: 'tutor-single-course-sidebar' },
    ],
  },
  maps: [
    {
      title: ['.tutor-course-details-title', '.tutor-course-header-h1'],
      cost: [
        '.tutor-course-sidebar-card-pricing ins .woocommerce-Price-amount',
        '.tutor-course-sidebar-card-pricing .woocommerce-Price-amount',
        '.tutor-course-sidebar-card-pricing',
        '.tutor-course-price',
      ],
      duration: '[aria-labelledby="Duration"] + span',
      level: '[aria-labelledby="Level"] + span',
      description: ['.tutor-course-details-content', '.tutor-course-summery'],
      subjects: '.tutor-course-details-category a',
    },
  ],
  rewrite: { duration: [[/\s*Duration$/i, '']] },
};
