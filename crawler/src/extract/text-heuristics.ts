import type { RawCourse } from '@shortlist/schemas';
import { addStartDates } from './course-merge.ts';
import { collapseWhitespace, emptyCourse, putField } from './course-record.ts';
import type { CourseField } from './course-record.ts';
import { childElements, elementsUnder, isElement, nextElement } from './dom.ts';
import type { DomElement, DomNode } from './dom.ts';
import type { PageElements } from './page-elements.ts';
import { readStartDates } from './start-dates.ts';
import { visibleLines, visibleText } from './visible-text.ts';

/** Labels a provider writes next to a fact ("Duration: 6 weeks"), matched against the whole label. */
const LABELS: readonly [RegExp, CourseField][] = [
  [/^(?:course |programme |program )?(?:duration|length)$/i, 'duration'],
  [/^(?:course |tuition |programme |program )?(?:cost|fees?|price|tuition)(?: \([^)]*\))?$/i, 'cost'],
  [
    /^(?:workload|(?:estimated )?effort|(?:time )?commitment|study (?:time|load|hours)|hours per week)$/i,
    'workload',
  ],
  [/^(?:delivery(?: mode| method)?|mode(?: of (?:study|delivery))?|study mode|format|attendance)$/i, 'mode'],
  [/^(?:pace|pacing)$/i, 'pacing'],
  [/^(?:course |study )?level$/i, 'level'],
  [
    /^(?:cpd ?\/ ?)?(?:credits?|credit points|credit value|ects(?: credits)?|cats points|cpd points)$/i,
    'credit',
  ],
  [
    /^(?:starts?|starting|(?:next |further |upcoming )?(?:start dates?|intakes?|cohorts?|dates))$/i,
    'startDates',
  ],
  [/^(?:location|venue|campus|city|where)$/i, 'city'],
  [/^(?:languages?|taught in|language of instruction)$/i, 'languages'],
  [/^(?:award|awarded|credential|qualification|certification)$/i, 'credential'],
  [/^(?:prerequisites?|(?:entry |admission )?requirements?|admission)$/i, 'prerequisites'],
  [/^(?:assessment|assessed by|assessment method)$/i, 'assessment'],
];
/** A "Location:" that names no place. */
const NOT_A_PLACE = /\b(?:online|virtual|remote|anywhere|web|distance|various|tbc|tba)\b/i;
/** "Label: value" or "Label – value" on one line; the label is short and starts with a letter. */
const LABELLED_LINE = /^([\p{L}][\p{L}\p{N} ()/&'’-]{0,38}?)\s*(?::|\s[-–—]\s|[–—])\s*(\S.*)$/u;
const MAX_VALUE_LENGTH = 160;
const MAX_LABEL_LENGTH = 48;

const LABEL_SEPARATOR = /[:–—]| - /;

/** A cheap test before the labelled-line pattern, which most lines of a page fail. */
function mayBeLabelled(line: string): boolean {
  if (line.length > MAX_LABEL_LENGTH + MAX_VALUE_LENGTH) return false;
  return LABEL_SEPARATOR.test(line);
}

/** Every label above starts with one of these words: most lines of a page are ruled out by this one test. */
const LABEL_START =
  /^\s*(?:course|programme|program|tuition|duration|length|cost|fee|price|workload|estimated|effort|time|commitment|study|hours|delivery|mode|format|attendance|pac|level|cpd|credit|ects|cats|start|next|further|upcoming|intake|cohort|dates|location|venue|campus|city|where|language|taught|award|credential|qualification|certification|prerequisite|entry|admission|requirement|assessment|assessed)/i;

function fieldForLabel(label: string): CourseField | undefined {
  if (label.length > MAX_LABEL_LENGTH || !LABEL_START.test(label)) return undefined;
  const cleaned = collapseWhitespace(label.replace(/[:：]\s*$/, ''));
  return LABELS.find(([pattern]) => pattern.test(cleaned))?.[1];
}

/** "Duration: 6 weeks" → "6 weeks", when a selector's element carries its own label; other text is unchanged. */
export function withoutLabel(text: string): string {
  const labelled = mayBeLabelled(text) ? LABELLED_LINE.exec(text) : null;
  return labelled && fieldForLabel(labelled[1]!) ? labelled[2]! : text;
}

/** Course facts found next to labels in `<dt>/<dd>`, `<th>/<td>` and "Label: value" lines inside `scope`. */
export function readLabelledFacts(scope: DomNode): RawCourse {
  const record = emptyCourse();
  const found = (field: CourseField | undefined, value: string) => {
    if (!field) return;
    const text = collapseWhitespace(value);
    if (!text || text.length > MAX_VALUE_LENGTH) return;
    if (field === 'startDates' && record.startDates) return addStartDates(record, readStartDates(text));
    if (record[field] !== undefined || (field === 'city' && NOT_A_PLACE.test(text))) return;
    const values =
      field === 'startDates' ? readStartDates(text) : field === 'languages' ? text.split(/,|\band\b/) : text;
    putField(record, field, values, 'text');
  };
  // one walk over the elements: css-select passes cost more than the rest of this function
  const elements = elementsUnder(scope);

  for (const term of elements.filter((element) => element.tagName === 'dt')) {
    const field = fieldForLabel(visibleText(term));
    const definitions: string[] = [];
    for (let next = nextElement(term); next && next.tagName !== 'dt'; next = nextElement(next)) {
      if (next.tagName === 'dd') definitions.push(visibleText(next));
    }
    if (field) found(field, definitions.join(', '));
  }
  for (const row of elements.filter((element) => element.tagName === 'tr')) {
    const cells = childElements(row).filter((cell) => cell.tagName === 'th' || cell.tagName === 'td');
    if (cells.length >= 2) found(fieldForLabel(visibleText(cells[0]!)), visibleText(cells[1]!));
  }
  const lines = visibleLines(scope);
  lines.forEach((line, index) => {
    const labelled = mayBeLabelled(line) ? LABELLED_LINE.exec(line) : null;
    const next = lines[index + 1];
    if (labelled) found(fieldForLabel(labelled[1]!), labelled[2]!);
    // a label alone on its line, its value on the next (cards, definition lists, table cells)
    else if (next !== undefined && line.length <= 40) {
      const field = fieldForLabel(line);
      if (field && !LABELLED_LINE.test(next) && !fieldForLabel(next)) found(field, next);
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
      found(field, visibleText(value));
  }
  return record;
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

/** What the page says about itself: `og:title` or the first `<h1>`, the meta description, and `<html lang>`. */
export function readPageMetadata(page: PageElements): RawCourse {
  const record = emptyCourse();
  const metas = page.byTag('meta');
  const meta = (attribute: 'name' | 'property', value: string) =>
    collapseWhitespace(
      metas.find((element) => element.attribs[attribute]?.toLowerCase() === value)?.attribs.content ?? '',
    );
  const heading = page.byTag('h1')[0];
  putField(record, 'title', meta('property', 'og:title') || (heading ? visibleText(heading) : ''), 'text');
  putField(record, 'summary', meta('name', 'description') || meta('property', 'og:description'), 'text');
  putField(record, 'languages', page.byTag('html')[0]?.attribs.lang, 'text');
  return record;
}
