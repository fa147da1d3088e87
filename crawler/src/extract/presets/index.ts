import type { Extractor, RawCourse } from '@shortlist/schemas';
import { fillCourse } from '../course-merge.ts';
import { putField, removeField } from '../course-record.ts';
import type { CourseField } from '../course-record.ts';
import { readSelectorMap } from '../selectors.ts';
import { readLabelledFacts } from '../text-heuristics.ts';
import { acalog } from './acalog.ts';
import { banner } from './banner.ts';
import { readCourseHeading } from './course-heading.ts';
import { courseleaf } from './courseleaf.ts';
import { drupal } from './drupal.ts';
import { learndash } from './learndash.ts';
import { moodle } from './moodle.ts';
import { openEdx } from './open-edx.ts';
import type { Preset, PresetPage } from './preset.ts';
import { tutorLms } from './tutor-lms.ts';
import { woocommerce } from './woocommerce.ts';

export { detectPreset } from './detect.ts';
export type { Preset, PresetPage } from './preset.ts';

/** Every bundled preset, most specific first: a Tutor LMS or LearnDash page is a WooCommerce page too. */
export const PRESETS: readonly Preset[] = [
  banner,
  acalog,
  courseleaf,
  openEdx,
  moodle,
  tutorLms,
  learndash,
  woocommerce,
  drupal,
];

export interface PresetCourses {
  records: RawCourse[];
  /** the page lists several courses, each a record of its own */
  listing: boolean;
}

/** The courses a preset finds: its own reader's, else those of the first of its maps that finds any. */
export function readPreset(preset: Preset, page: PresetPage): PresetCourses {
  const extractor: Extractor = `preset:${preset.name}`;
  const read = preset.read?.(page) ?? [];
  if (read.length > 0)
    return { records: read.map((record) => tidy(record, preset)), listing: read.length > 1 };
  for (const map of preset.maps) {
    // a map that does not fit this page (the listing map on a course page) is not worth a warning
    // a course needs its name: a map that finds none here is meant for another kind of page
    const found = readSelectorMap(page.$, map, page.baseUrl, [], extractor).filter(
      ({ record }) => record.title,
    );
    if (found.length === 0) continue;
    for (const { record, container } of found)
      if (container) fillCourse(record, readLabelledFacts(container), []);
    return {
      records: found.map(({ record }) => tidy(record, preset)),
      listing: found.some(({ container }) => container !== null),
    };
  }
  return { records: [], listing: false };
}

/** The preset's rewrites, then a course code and credits read out of a title that carries them. */
function tidy(record: RawCourse, preset: Preset): RawCourse {
  const extractor = record.provenance?.title ?? `preset:${preset.name}`;
  if (preset.titleHasCode && record.title) {
    const heading = readCourseHeading(record.title);
    putField(record, 'title', heading.title, extractor);
    if (record.code === undefined) putField(record, 'code', heading.code, extractor);
    if (record.credit === undefined) putField(record, 'credit', heading.credit, extractor);
  }
  for (const [field, rules] of Object.entries(preset.rewrite ?? {}) as [CourseField, [RegExp, string][]][]) {
    const value = record[field];
    if (typeof value !== 'string') continue;
    const rewritten = rules.reduce(
      (text, [pattern, replacement]) => text.replace(pattern, replacement),
      value,
    );
    if (rewritten === value) continue;
    const by = record.provenance?.[field] ?? extractor;
    removeField(record, field);
    putField(record, field, rewritten, by);
  }
  return record;
}
