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
      // only a course's own page: a category page without course boxes is no course
      title: [
        'body[id^="page-course-view"] .page-header-headings h1',
        'body[id^="page-course-info"] .page-header-headings h1',
        'body[id^="page-course-view"] #page-header h1',
      ],
      summary: ['body[id^="page-course"] .course-summary', 'body[id^="page-course"] .summary'],
    },
  ],
};
