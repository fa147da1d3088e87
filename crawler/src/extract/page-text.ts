import type { RawCourse } from '@shortlist/schemas';
import { fillCourse } from './course-merge.ts';
import { creditTo, presentFields } from './course-record.ts';
import { withoutSectionFacts } from './offerings.ts';
import type { PageOutline } from './page-outline.ts';
import { parseHtml, type PageElements } from './page-elements.ts';
import { applyContextMode, readTextFacts } from './text-facts.ts';
import { readPageMetadata } from './text-heuristics.ts';

/** Fields every page has; a page with only these is not a course. */
const PAGE_METADATA: ReadonlySet<string> = new Set(['title', 'summary', 'languages', 'url']);

/**
 * The visible-text step of the cascade, on a page where structured data found at most one course: a listing's
 * cards become one record each; otherwise the page's own text (less navigation, carts and other courses' cards)
 * fills the one course, then markup kept in data attributes fills what the visible text left empty.
 */
export function readPageText(
  records: RawCourse[],
  page: PageElements,
  outline: PageOutline,
  hiddenHtml: readonly string[],
  warnings: string[],
): void {
  if (records.length > 1) return;
  if (records.length === 0 && outline.cards.length > 0) {
    for (const card of outline.cards) {
      const record = readTextFacts(card.element, outline.skip, { title: { value: card.title, evidence: card.title }, url: card.url }); // prettier-ignore
      applyContextMode(record, outline.context);
      records.push(record);
    }
    return;
  }
  const facts = readTextFacts(page.body, outline.skip, outline);
  for (const html of hiddenHtml) fillCourse(facts, creditTo(readTextFacts(parseHtml(html), undefined), 'embedded'), warnings); // prettier-ignore
  fillCourse(facts, readPageMetadata(page), warnings);
  const course = records[0];
  if (!course && !(facts.title && presentFields(facts).some((field) => !PAGE_METADATA.has(field)))) return;
  applyContextMode(facts, outline.context);
  // a course whose schedule sections a preset read: the page's other text does not speak for its offerings
  if (course) fillCourse(course, withoutSectionFacts(course, facts), warnings);
  else records.push(facts);
}
