import type { Preset } from './preset.ts';

/**
 * LearnDash course pages (WordPress `sfwd-courses`): the title from the theme, the price in the course status
 * bar (`.ld-course-status-price`, "Free", or a subscription with its interval), the content in the tabs.
 */
export const learndash: Preset = {
  name: 'learndash',
  platform: 'WordPress + LearnDash course',
  detect: {
    any: [{ className: 'single-sfwd-courses' }, { className: 'ld-course-status' }],
  },
  maps: [
    {
      title: ['.ld-course-title', 'h1.entry-title', 'h1.page-title', 'h1'],
      cost: ['.ld-course-status-seg-price .ld-course-status-price', '.ld-course-status-price'],
      description: ['.ld-tab-content', '.entry-content'],
    },
  ],
  // "Closed" and "Enrolled" stand where the price would; they are not prices
  rewrite: { cost: [[/^\s*(?:closed|enrolled|not enrolled)\s*$/i, '']] },
};
