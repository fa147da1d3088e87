import type { Preset } from './preset.ts';

/**
 * Acalog (Modern Campus Catalog) course pages, `preview_course_nopop.php?catoid=…&coid=…`: the heading
 * "ACCT 2301 - Principles of Accounting I" (or "CSC 1350 Computer Science I for Majors (4)"), then the
 * description and "Credits: 3" as loose text in the content cell, which labelled text reads.
 */
export const acalog: Preset = {
  name: 'acalog',
  platform: 'Acalog / Modern Campus Catalog course page',
  detect: {
    any: [{ id: 'course_preview_title' }],
  },
  maps: [{ title: '#course_preview_title' }],
  titleHasCode: true,
};
