import type { Extractor, RawCourse } from '@shortlist/schemas';
import { addStartDates } from './course-merge.ts';
import { collapseWhitespace, emptyCourse, putField } from './course-record.ts';
import type { CourseField } from './course-record.ts';
import { childElements, elementsUnder, isElement, nextElement } from './dom.ts';
import type { DomElement, DomNode } from './dom.ts';
import type { PageElements } from './page-elements.ts';
import { fieldForLabel, MAX_LABEL_LENGTH } from './labels.ts';
import { readStartDates } from './start-dates.ts';
import { visibleLines, visibleText } from './visible-text.ts';

/** A "Location:" that names no place. */
const NOT_A_PLACE = /\b(?:online|virtual|remote|anywhere|web|distance|various|tbc|tba)\b/i;
/** "Label: value" or "Label – value" on one line; the label is short and starts with a letter. */
const LABELLED_LINE = /^([\p{L}][\p{L}\p{N} ()/&'’-]{0,38}?)\s*(?::|\s[-–—]\s|[–—])\s*(\S.*)$/u;
const MAX_VALUE_LENGTH = 160;

const LABEL_SEPARATOR = /[:–—]| - /;

/** A cheap test before the labelled-line pattern, which most lines of a page fail. */
function mayBeLabelled(line: string): boolean {
  if (line.length > MAX_LABEL_LENGTH + MAX_VALUE_LENGTH) return false;
  return LABEL_SEPARATOR.test(line);
}

/** "Duration: 6 weeks" → "6 weeks", when a selector's element carries its own label; other text is unchanged. */
export function withoutLabel(text: string): string {
  const labelled = mayBeLabelled(text) ? LABELLED_LINE.exec(text) : null;
  return labelled && fieldForLabel(labelled[1]!) ? labelled[2]! : text;
}

/** A value found next to a label, with the text it was read from. */
export interface LabelledFact {
  field: CourseField;
  value: string;
  /** the label and the value as they read on the page */
  evidence: string;
}

/**
 * Every fact found next to a label in `<dt>/<dd>`, `<th>/<td>`, "Label: value" lines, a label alone on its line
 * with its value on the next, and label/value element pairs, in that order; `lines` are the scope's visible lines.
 */
export function readLabelled(
  scope: DomNode,
  lines: readonly string[],
  skip?: ReadonlySet<DomElement>,
): LabelledFact[] {
  const facts: LabelledFact[] = [];
  const found = (field: CourseField | undefined, value: string, label: string) => {
    if (!field) return;
    const text = collapseWhitespace(value);
    if (!text || text.length > MAX_VALUE_LENGTH || (field === 'city' && NOT_A_PLACE.test(text))) return;
    facts.push({ field, value: text, evidence: `${collapseWhitespace(label)}: ${text}` });
  };
  // one walk over the elements: css-select passes cost more than the rest of this function
  const elements = elementsUnder(scope, skip);

  for (const term of elements.filter((element) => element.tagName === 'dt')) {
    const label = visibleText(term);
    const field = fieldForLabel(label);
    if (!field) continue;
    const definitions: string[] = [];
    for (let next = nextElement(term); next && next.tagName !== 'dt'; next = nextElement(next)) {
      if (next.tagName === 'dd') definitions.push(visibleText(next));
    }
    found(field, definitions.join(', '), label);
  }
  for (const row of elements.filter((element) => element.tagName === 'tr')) {
    const cells = childElements(row).filter((cell) => cell.tagName === 'th' || cell.tagName === 'td');
    if (cells.length < 2) continue;
    const label = visibleText(cells[0]!);
    const field = fieldForLabel(label);
    if (field) found(field, visibleText(cells[1]!), label);
  }
  lines.forEach((line, index) => {
    const labelled = mayBeLabelled(line) ? LABELLED_LINE.exec(line) : null;
    const next = lines[index + 1];
    if (labelled) found(fieldForLabel(labelled[1]!), labelled[2]!, labelled[1]!);
    // a label alone on its line, its value on the next (cards, definition lists, table cells)
    else if (next !== undefined && line.length <= MAX_LABEL_LENGTH) {
      const field = fieldForLabel(line);
      if (field && !LABELLED_LINE.test(next) && !fieldForLabel(next)) found(field, next, line);
    }
  });
  // a label element and its value element as the only content of their parent: <span>Effort</span><span>4 hours</span>
  for (const label of elements) {
    if (!LABEL_TAGS.has(label.tagName) || !label.parent) continue;
    const text = ownText(label);
    const field = text === undefined ? undefined : fieldForLabel(text);
    const value = field ? nextElement(label) : undefined;
    if (!field || !value) continue;
    const squeeze = (words: string) => words.replace(/\s+/g, '');
    if (squeeze(visibleText(label.parent)) === squeeze(text + visibleText(value)))
      found(field, visibleText(value), text!);
  }
  return facts;
}

/** The first value per field among labelled facts, with its evidence; later start dates join the first. */
export function firstLabelled(facts: readonly LabelledFact[], extractor: Extractor = 'text'): RawCourse {
  const record = emptyCourse();
  for (const { field, value, evidence } of facts) {
    if (field === 'startDates' && record.startDates) {
      addStartDates(record, readStartDates(value));
      continue;
    }
    if (record[field] !== undefined) continue;
    const values =
      field === 'startDates'
        ? readStartDates(value)
        : field === 'languages'
          ? value.split(/,|\band\b/)
          : value;
    putField(record, field, values, extractor, { evidence });
  }
  return record;
}

/** Course facts found next to labels inside `scope` (see `readLabelled`), the first per field. */
export function readLabelledFacts(scope: DomNode): RawCourse {
  return firstLabelled(readLabelled(scope, visibleLines(scope)));
}

const LABEL_TAGS: ReadonlySet<string> = new Set([
  'span',
  'strong',
  'b',
  'div',
  'p',
  'dt',
  'h3',
  'h4',
  'h5',
  'h6',
  'label',
]);

/** The text of an element that holds only text (and line breaks); undefined when it holds other elements. */
function ownText(element: DomElement): string | undefined {
  let text = '';
  for (const child of element.children) {
    if (isElement(child)) {
      if (child.tagName !== 'br') return undefined;
    } else if ('data' in child && child.nodeType === 3) text += child.data;
    if (text.length > MAX_LABEL_LENGTH * 2) return undefined;
  }
  return collapseWhitespace(text);
}

/** What the page says about itself: the meta description and `<html lang>`. */
export function readPageMetadata(page: PageElements): RawCourse {
  const record = emptyCourse();
  const metas = page.byTag('meta');
  const meta = (attribute: 'name' | 'property', value: string) =>
    collapseWhitespace(
      metas.find((element) => element.attribs[attribute]?.toLowerCase() === value)?.attribs.content ?? '',
    );
  const description = meta('name', 'description');
  const summary = description || meta('property', 'og:description');
  putField(record, 'summary', summary, 'text', { evidence: `${description ? 'meta description' : 'og:description'}: ${summary}` }); // prettier-ignore
  const lang = page.byTag('html')[0]?.attribs.lang;
  putField(record, 'languages', lang, 'text', { evidence: `<html lang="${lang}">` });
  return record;
}
