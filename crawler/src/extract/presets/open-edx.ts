import type { Preset } from './preset.ts';

/**
 * Open edX course "about" pages (`/courses/<course-id>/about`): the heading group, the "important dates" list
 * (course number, classes start, estimated effort, price, requirements) and the overview.
 */
export const openEdx: Preset = {
  name: 'open-edx',
  platform: 'Open edX course about page',
  detect: {
    any: [{ className: 'important-dates-item-text' }, { className: 'course-about' }],
  },
  maps: [
    {
      title: ['.course-profile .heading-group h1', '.heading-group h1', '.course-title'],
      code: '.important-dates-item-text.course-number',
      startDates: [
        '.important-dates-item-text.start-date@data-datetime',
        '.important-dates-item-text.start-date',
      ],
      workload: '.important-dates-item-text.effort',
      cost: 'li.important-dates-item:has(.fa-money) .important-dates-item-text',
      prerequisites: '.important-dates-item-text.prerequisites',
      description: ['section.about', '.course-info .details'],
    },
  ],
  // Studio's "hours of effort per week" is written as a time: "5:00"
  rewrite: { workload: [[/^(\d+):00$/, '$1 hours per week']] },
};
