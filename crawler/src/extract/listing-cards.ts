import { collapseWhitespace } from './course-record.ts';
import { resolveUrl } from './dom.ts';
import type { DomElement, DomNode } from './dom.ts';
import { fieldForLabel } from './labels.ts';
import type { PageElements } from './page-elements.ts';
import { visibleText } from './visible-text.ts';

/** One course's card on a listing: its container, its title element and where its title links to. */
export interface CourseCard {
  element: DomElement;
  title: string;
  url: string | undefined;
}

/** Repeated cards of one design, in document order, and how many show a course fact. */
export interface CardGroup {
  cards: CourseCard[];
  withFacts: number;
  withLinks: number;
  /** titled by headings rather than by links */
  headings: boolean;
  /** position of the first card in the page */
  start: number;
}

/** Words and marks that say a card shows a course fact: a length, a price, a workload, a mode. */
const FACT_HINT =
  /\d\s*-?\s*(?:h\b|hrs?\b|hours?|horas?|heures?|stunden|days?|d[ií]as?|jours?|tage?|weeks?|semanas?|semaines?|wochen|months?|meses|mois|monate?|years?|semesters?|terms?)|[$€£¥₹]|S\/|\b(?:free|gratis|gratuit[oa]?|paid|online|in[- ]person|on campus|self[- ]paced|precio|price|fee|tuition|cost|duraci[oó]n|duration)\b/i;
const HEADINGS = ['h2', 'h3', 'h4', 'h5', 'h6'] as const;
/** "Computer Science 8,446 courses", "Coursera Specialization (818)": a category with its count, not a course. */
const COUNTED =
  /(?:\(\s*\d[\d,.]*\s*\)|\b\d[\d,.]*\s+(?:courses|programs|programmes|results|items|cursos|cours|kurse))$/i;
const MIN_TITLE = 4;
const MAX_TITLE = 200;

function parentOf(element: DomElement): DomElement | null {
  const parent = element.parent;
  return parent && 'tagName' in parent ? parent : null;
}

function ancestors(element: DomElement): DomElement[] {
  const chain: DomElement[] = [];
  for (let node: DomElement | null = element; node; node = parentOf(node)) chain.push(node);
  return chain.reverse();
}

/** The child of the two elements' lowest common ancestor that holds `a`, or null when one holds the other. */
function cardOf(a: DomElement, b: DomElement): DomElement | null {
  const left = ancestors(a);
  const right = ancestors(b);
  let depth = 0;
  while (depth < left.length && depth < right.length && left[depth] === right[depth]) depth++;
  return depth < left.length && depth < right.length ? left[depth]! : null;
}

function linkOf(card: DomElement, title: DomElement, baseUrl: string): string | undefined {
  for (let node: DomElement | null = title; node && node !== card; node = parentOf(node))
    if (node.tagName === 'a' && node.attribs.href) return resolveUrl(node.attribs.href, baseUrl);
  if (card.tagName === 'a') return resolveUrl(card.attribs.href, baseUrl);
  const inside = title.tagName === 'a' ? title : (findLink(title) ?? findLink(card));
  return inside ? resolveUrl(inside.attribs.href, baseUrl) : undefined;
}

function findLink(root: DomElement): DomElement | undefined {
  const stack: DomNode[] = [...root.children];
  while (stack.length > 0) {
    const node = stack.shift()!;
    if (!('tagName' in node)) continue;
    const element = node;
    if (element.tagName === 'a' && element.attribs.href && !element.attribs.href.startsWith('#'))
      return element;
    stack.push(...element.children);
  }
  return undefined;
}

const signature = (element: DomElement) =>
  `${element.tagName}.${element.attribs.class ?? ''}.${parentOf(element)?.tagName ?? ''}`;

/**
 * Groups of repeated course cards: titles of one design (the same heading tag and class, or for lists of links
 * the same link design) each inside its own repeated container. Containers come from pairs of neighbouring
 * titles: the child of their common ancestor that holds each one. Titles that are labels ("Duration") make fact
 * boxes, not cards.
 */
export function findCardGroups(
  page: PageElements,
  baseUrl: string,
  order: (element: DomElement) => number,
  skipped: (element: DomElement) => boolean,
  links = false,
): CardGroup[] {
  const candidates = links
    ? page.byTag('a').filter((link) => link.attribs.href && !link.attribs.href.startsWith('#'))
    : HEADINGS.flatMap((tag) => page.byTag(tag));
  const bySignature = new Map<string, { element: DomElement; text: string }[]>();
  for (const element of candidates) {
    const text = collapseWhitespace(visibleText(element));
    if (text.length < MIN_TITLE || text.length > MAX_TITLE || fieldForLabel(text) || COUNTED.test(text))
      continue;
    if (links && !/\s/.test(text)) continue;
    if (skipped(element)) continue;
    const key = signature(element);
    const list = bySignature.get(key);
    if (list) list.push({ element, text });
    else bySignature.set(key, [{ element, text }]);
  }
  const groups: CardGroup[] = [];
  for (const titles of bySignature.values()) {
    if (titles.length < 2) continue;
    titles.sort((a, b) => order(a.element) - order(b.element));
    const cards: CourseCard[] = [];
    const seen = new Set<DomElement>();
    titles.forEach((title, index) => {
      // the closer neighbour decides: the last card of a grid row pairs with the one before it
      const element = [titles[index - 1], titles[index + 1]]
        .map((neighbour) => (neighbour ? cardOf(title.element, neighbour.element) : null))
        .filter((card): card is DomElement => card !== null)
        .sort((a, b) => ancestors(b).length - ancestors(a).length)[0];
      if (!element || seen.has(element)) return;
      seen.add(element);
      cards.push({ element, title: title.text, url: linkOf(element, title.element, baseUrl) });
    });
    if (cards.length < 2 || new Set(cards.map((card) => card.title.toLowerCase())).size < 2) continue;
    const texts = cards.map((card) => visibleText(card.element));
    // a link with nothing beside it is a menu entry, not a course card
    if (links && !cards.some((card, index) => texts[index]!.length > card.title.length + 3)) continue;
    groups.push({
      cards,
      withFacts: texts.filter((text) => FACT_HINT.test(text)).length,
      withLinks: cards.filter((card) => card.url !== undefined).length,
      headings: !links,
      start: order(cards[0]!.element),
    });
  }
  return groups;
}
