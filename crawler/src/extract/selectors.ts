import type { Cheerio, CheerioAPI } from 'cheerio';
import type { Extractor, FieldSelector, RawCourse, SelectorMap } from '@shortlist/schemas';
import { emptyCourse, LIST_FIELDS, putField } from './course-record.ts';
import type { CourseField } from './course-record.ts';
import { resolveUrl } from './dom.ts';
import type { DomElement, DomNode } from './dom.ts';
import { readStartDates } from './start-dates.ts';
import { withoutLabel } from './text-heuristics.ts';
import { visibleText } from './visible-text.ts';

export interface SelectorRecord {
  record: RawCourse;
  /** the item container the record was read from; null when the whole page is one course */
  container: DomElement | null;
}

const URL_FIELDS: ReadonlySet<string> = new Set(['url', 'enrolmentUrl']);
/** Fields read as written; any other field's element may carry its own label (`<li><b>Duration:</b> 6 weeks</li>`), which is dropped. */
const PROSE_FIELDS: ReadonlySet<string> = new Set(['title', 'summary', 'description', 'learningOutcomes']);
/** `selector@attr`: the attribute name must be plain, so an `@` inside `[href*="@"]` is not taken for one. */
const ATTRIBUTE_SUFFIX = /^(.+?)@([A-Za-z_:][\w:.-]*)$/;

/**
 * Applies a selector map (a source's own, or a platform preset's): with `item`, one record per matched container
 * with the field selectors evaluated inside it; without, one record for the page. A field given several selectors
 * takes its value from the first that finds one.
 */
export function readSelectorMap(
  $: CheerioAPI,
  selectors: SelectorMap,
  baseUrl: string,
  warnings: string[],
  extractor: Extractor = 'selector',
): SelectorRecord[] {
  const { item, ...fields } = selectors;
  const mapName = extractor === 'selector' ? 'selector map' : extractor;
  const select = (selector: string, within: Cheerio<DomNode>): Cheerio<DomElement> | undefined => {
    try {
      return within.find(selector);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      warnings.push(
        `${mapName}: "${selector}" is not a valid CSS selector (${reason}); fix it in the source config`,
      );
      return undefined;
    }
  };
  const containers = item ? select(item, $.root())?.toArray() : [null];
  if (!containers) return [];
  if (item && containers.length === 0)
    warnings.push(`${mapName}: item selector "${item}" matched nothing on this page`);

  return containers.flatMap((container) => {
    const within = container ? $(container) : $.root();
    const record = emptyCourse();
    for (const [field, choices] of Object.entries(fields) as [CourseField, FieldSelector | undefined][]) {
      for (const selector of typeof choices === 'string' ? [choices] : (choices ?? [])) {
        const [, css = selector, attribute] = ATTRIBUTE_SUFFIX.exec(selector) ?? [];
        const matches = select(css, within)?.toArray() ?? [];
        const values = (LIST_FIELDS.has(field) ? matches : matches.slice(0, 1)).map((element) =>
          readValue(element, attribute, field, baseUrl),
        );
        putField(record, field, field === 'startDates' ? values.flatMap(readStartDates) : values, extractor);
        if (record[field] !== undefined) break;
      }
    }
    if (container && record.url === undefined)
      putField(record, 'url', linkOfTitle($, container, fields.title, baseUrl), extractor);
    if (container && record.title === undefined) return [];
    return Object.keys(record.provenance ?? {}).length > 0 ? [{ record, container }] : [];
  });
}

function readValue(
  element: DomElement,
  attribute: string | undefined,
  field: string,
  baseUrl: string,
): string {
  if (attribute) {
    const value = element.attribs[attribute] ?? '';
    return URL_FIELDS.has(field) ? (resolveUrl(value, baseUrl) ?? '') : value;
  }
  const text = visibleText(element);
  if (URL_FIELDS.has(field)) return resolveUrl(text, baseUrl) ?? '';
  return PROSE_FIELDS.has(field) ? text : withoutLabel(text);
}

/** On a listing, a course's title usually links to its own page: that link is the record's URL. */
function linkOfTitle(
  $: CheerioAPI,
  container: DomElement,
  titleSelectors: FieldSelector,
  baseUrl: string,
): string | undefined {
  let title: Cheerio<DomElement> | undefined;
  for (const selector of typeof titleSelectors === 'string' ? [titleSelectors] : titleSelectors) {
    const css = ATTRIBUTE_SUFFIX.exec(selector)?.[1] ?? selector;
    try {
      title = $(container).find(css).first();
    } catch {
      continue;
    }
    if (title.length > 0) break;
  }
  if (!title) return undefined;
  const link = title.is('a[href]') ? title : title.closest('a[href]').add(title.find('a[href]')).first();
  return resolveUrl(link.attr('href'), baseUrl);
}
