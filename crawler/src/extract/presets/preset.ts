import type { CheerioAPI } from 'cheerio';
import type { RawCourse, SelectorMap } from '@shortlist/schemas';
import type { CourseField } from '../course-record.ts';
import type { PageElements } from '../page-elements.ts';

/** One thing a page of a platform shows about itself. */
export type Signal =
  /** `<meta name="generator">`, e.g. "Drupal 10 (https://www.drupal.org)" */
  | { generator: RegExp }
  /** another `<meta name>`, e.g. Moodle's keywords that start with "moodle" */
  | { meta: string; content: RegExp }
  /** an element with this class (one class name, exactly) */
  | { className: string }
  /** an element with a class name that matches, e.g. Drupal's `node--type-short-course` */
  | { classMatching: RegExp }
  | { id: string }
  | { idMatching: RegExp }
  /** an element with this attribute value, e.g. Banner 9's `data-property="courseReferenceNumber"` */
  | { attribute: string; value: string }
  /** the page's own URL */
  | { url: RegExp }
  /** the text of `<title>` */
  | { title: RegExp };

/** A page is the platform's when it shows every `all` signal and at least one `any` signal. */
export interface Detection {
  all?: readonly Signal[];
  any: readonly Signal[];
}

/** What a preset's own reader gets: the parsed page, its CSS engine and the address links resolve against. */
export interface PresetPage {
  page: PageElements;
  $: CheerioAPI;
  baseUrl: string;
}

/**
 * A bundled selector map for a platform that many institutions share (a student-information system, a
 * catalogue product, an LMS), with the signs that a page was made by it.
 */
export interface Preset {
  /** short and lower-case: provenance names the extractor `preset:<name>` */
  name: string;
  /** the platform, for people: "Ellucian Banner class schedule" */
  platform: string;
  detect: Detection;
  /** selector maps tried in order (course page, listing …); the first that finds a course is used */
  maps: readonly SelectorMap[];
  /**
   * Text rewrites per field, applied in order to what the maps found: `[pattern, replacement]`. A value left
   * empty is dropped, so `[/^Closed$/i, '']` keeps a word that is not a price out of the cost.
   */
  rewrite?: Partial<Record<CourseField, readonly (readonly [RegExp, string])[]>>;
  /** the title carries the course code and sometimes the credits: "ACCT 201. Financial Accounting. 3 Credits." */
  titleHasCode?: boolean;
  /** reads pages a selector map cannot describe (schedule sections in sibling rows); tried before the maps */
  read?: (page: PresetPage) => RawCourse[];
}
