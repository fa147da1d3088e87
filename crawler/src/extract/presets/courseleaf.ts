import type { Preset } from './preset.ts';

/**
 * CourseLeaf catalogues: each course a `div.courseblock` with a `courseblocktitle` ("ACCT 201. Principles of
 * Financial Accounting. 3 Credits.") or, in newer themes, separate code, title and hours spans, then
 * `courseblockdesc` and `courseblockextra` paragraphs. A page lists a department's courses: one record each.
 */
export const courseleaf: Preset = {
  name: 'courseleaf',
  platform: 'CourseLeaf catalogue',
  detect: {
    any: [{ className: 'courseblock' }, { className: 'courseblocktitle' }],
  },
  maps: [
    {
      item: '.courseblock',
      title: ['.detail-title', '.courseblocktitle .title', '.courseblocktitle'],
      code: ['.detail-code', '.courseblockcode'],
      credit: [
        '.detail-hours_html',
        '.courseblockhours',
        '.courseblockcredits',
        '.courseblocktitle .hours',
        '.detail-hours',
      ],
      description: ['.courseblockdesc', '.cb_desc', '.courseblockextra'],
    },
  ],
  rewrite: {
    title: [[/[\s.]+$/, '']],
    code: [[/[\s.]+$/, '']],
    credit: [[/^\((.*)\)\.?$/, '$1']],
  },
  titleHasCode: true,
};
