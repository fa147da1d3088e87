import type { Preset } from './preset.ts';

/**
 * Moodle: the course boxes of an enrolment or category page (`.coursebox`, one per course, with the summary and
 * custom fields such as "Duration: 6 weeks", which labelled text reads), or a course page's header.
 */
export const moodle: Preset = {
  name: 'moodle',
  platform: 'Moodle course page',
  detect: {
    any: [
      { meta: 'keywords', content: /^\s*moodle\b/i },
      { id: 'page-enrol-index' },
      { idMatching: /^page-course-(?:view|info|index)/ },
      { classMatching: /^path-(?:course|enrol)$/ },
    ],
  },
  maps: [
    {
      item: '.coursebox',
      title: '.coursename',
      summary: ['.summary', '.course-summary-section'],
    },
    {
      title: ['.page-header-headings h1', '#page-header h1', 'h1'],
      summary: ['.course-summary', '.summary'],
    },
  ],
};
