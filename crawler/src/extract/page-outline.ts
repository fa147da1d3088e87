import { collapseWhitespace } from './course-record.ts';
import type { DomElement } from './dom.ts';
import { findCardGroups, type CardGroup, type CourseCard } from './listing-cards.ts';
import type { PageElements } from './page-elements.ts';
import { visibleText } from './visible-text.ts';

/** A value read from the page with the text it was read from. */
export interface Sourced {
  value: string;
  evidence: string;
}

/** How a page is laid out: whose page it is, what it is about, and which of its text is not about its course. */
export interface PageOutline {
  /** the site's own name: `og:site_name`, or the part of `<title>` that names the host */
  siteName: string | null;
  /** the course's name on a page about one course: its main heading, else its title without the site's name */
  title: Sourced | null;
  /** other spellings of the title (`og:title`, `<title>`), for agreement */
  otherTitles: Sourced[];
  /** the main heading names a collection ("Cursos de Diseño", "Free Online Udacity Courses"), not one course */
  listingHeading: string | null;
  /** one card per course when the page lists courses */
  cards: CourseCard[];
  /** what the site or the listing says of all its courses: its tagline, its heading */
  context: Sourced[];
  /** navigation, footers, shopping carts and other courses' cards: no fact there is this course's */
  skip: Set<DomElement>;
}

/** Title separators: "Course | Site", "Course - Site – Tagline", "Site » Course". */
const SEPARATOR = /\s+(?:\||–|—|-|·|•|::|»|\/\/)\s+/g;
const COLLECTION =
  /\b(?:courses|cursos|kurse|formations|programs|programmes|programas|classes|clases|trainings|workshops|talleres|moocs|micro-?credentials|microcredenciales|certificates|certifications|diplomados|bootcamps|catalog(?:ue)?|cat[aá]logo|offerings|events|eventos)\b/i;
const GENERIC_HEADING =
  /^(?:overview|course (?:details|information|overview|description)|programme? details|about(?: (?:this|the|our) (?:course|program(?:me)?))?|details|home|welcome|menu|search(?: results)?|(?:shopping )?cart|log ?in|sign ?in)$/i;
const SKIP_TAGS = new Set(['nav', 'footer']);
const SKIP_ROLES = new Set(['navigation', 'contentinfo', 'search', 'banner']);
/** Shopping-cart and mini-basket widgets: "Total S/ 0.00" there is no course's price. */
const CART = /(?:^|[\s_-])(?:mini-?cart|cart|basket|carrito|carro|warenkorb|panier|checkout)(?:$|[\s_-])/i;
const NOT_A_SITE_LABEL = new Set(['www', 'm', 'stage', 'staging', 'en', 'es', 'fr', 'de', 'web', 'online']);

const squeeze = (text: string) =>
  text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');

/** "stage.isilgo.com" → "isilgo", "www.harbour-college.ac.uk" → "harbourcollege". */
function hostLabel(pageUrl: string): string | null {
  try {
    const labels = new URL(pageUrl).hostname.split('.').slice(0, -1);
    const label = labels.find((part) => !NOT_A_SITE_LABEL.has(part) && part.length > 2);
    return label ? squeeze(label) : null;
  } catch {
    return null;
  }
}

export function isCollectionHeading(text: string): boolean {
  return COLLECTION.test(text);
}

function metaContent(page: PageElements, attribute: 'name' | 'property', value: string): string {
  const meta = page.byTag('meta').find((element) => element.attribs[attribute]?.toLowerCase() === value);
  return collapseWhitespace(meta?.attribs.content ?? '');
}

/**
 * Splits a page title at its separators into the part before the site's name and the site's tagline after it:
 * "Estrategias de marketing - ISIL GO | Educación Online" → "Estrategias de marketing", tagline "Educación Online".
 */
function splitTitle(title: string, isSite: (text: string) => boolean): { name: string; tagline: string } {
  const parts: { text: string; start: number; end: number }[] = [];
  let start = 0;
  SEPARATOR.lastIndex = 0;
  for (let match = SEPARATOR.exec(title); match; match = SEPARATOR.exec(title)) {
    parts.push({ text: title.slice(start, match.index), start, end: match.index });
    start = match.index + match[0].length;
  }
  parts.push({ text: title.slice(start), start, end: title.length });
  const site = parts.findIndex((part) => isSite(part.text));
  if (site < 0) return { name: title, tagline: '' };
  if (site === 0) return { name: parts.length > 1 ? title.slice(parts[1]!.start) : '', tagline: '' };
  return {
    name: title.slice(0, parts[site - 1]!.end),
    tagline: title.slice(parts[site]!.end).replace(/^\W+/, ''),
  };
}

/** Reads how the page is laid out; `order` gives an element's position in the page. */
export function outlinePage(page: PageElements, pageUrl: string): PageOutline {
  const order = new Map(page.all.map((element, index) => [element, index]));
  const position = (element: DomElement) => order.get(element) ?? 0;
  const ogSite =
    metaContent(page, 'property', 'og:site_name') || metaContent(page, 'name', 'application-name');
  const host = hostLabel(pageUrl);
  const isSite = (text: string) => {
    const key = squeeze(text);
    if (!key) return false;
    if (ogSite && key === squeeze(ogSite)) return true;
    return Boolean(host && (key === host || (key.includes(host) && text.split(/\s+/).length <= 4)));
  };

  const headings = page
    .byTag('h1')
    .map((element) => ({ element, text: collapseWhitespace(visibleText(element)) }));
  const h1 = headings.filter(({ text }) => text && !isSite(text) && !GENERIC_HEADING.test(text));
  const courseHeading = h1.find(({ text }) => !isCollectionHeading(text));
  const listingHeading = h1.find(({ text }) => isCollectionHeading(text))?.text ?? null;

  const rawTitle = collapseWhitespace(visibleText(page.byTag('title')[0] ?? page.root));
  const titleParts = page.byTag('title')[0] ? splitTitle(rawTitle, isSite) : { name: '', tagline: '' };
  const ogTitle = splitTitle(metaContent(page, 'property', 'og:title'), isSite).name;
  const siteName =
    ogSite || (host ? (rawTitle.split(SEPARATOR).find((part) => squeeze(part) === host) ?? null) : null);

  const others: Sourced[] = [
    { value: ogTitle, evidence: `og:title: ${metaContent(page, 'property', 'og:title')}` },
    { value: titleParts.name, evidence: `<title>: ${rawTitle}` },
  ].filter(({ value }) => value && !isSite(value));

  const skip = new Set<DomElement>();
  const headingElements = new Set(headings.map(({ element }) => element));
  for (const element of page.all) {
    const role = element.attribs.role?.toLowerCase();
    const marks = `${element.attribs.class ?? ''} ${element.attribs.id ?? ''}`;
    if (SKIP_TAGS.has(element.tagName) || (role && SKIP_ROLES.has(role)) || CART.test(marks))
      skip.add(element);
    // a page header is the site's, unless the course's heading is in it
    else if (element.tagName === 'header' && !elementsHold(element, headingElements)) skip.add(element);
  }
  const skipped = (element: DomElement) => {
    for (let node: DomElement | null = element; node; node = parentNode(node))
      if (skip.has(node)) return true;
    return false;
  };

  const afterHeading =
    courseHeading ?? (listingHeading ? h1.find(({ text }) => text === listingHeading) : undefined);
  const from = afterHeading ? position(afterHeading.element) : 0;
  const best = (groups: CardGroup[]) =>
    groups
      .filter((group) => group.withLinks >= 2 && (group.withFacts >= 2 || group.withLinks >= 3))
      .sort(
        (a, b) => Number(b.start > from) - Number(a.start > from) || score(b) - score(a) || a.start - b.start,
      )[0];
  const groups = findCardGroups(page, pageUrl, position, skipped);
  // a page lists courses when its heading names a collection, or it has no heading and its title is no course's
  const listing =
    !courseHeading && (listingHeading !== null || others.every(({ value }) => isCollectionHeading(value)));
  let chosen = listing ? best(groups) : undefined;
  if (listing && !chosen && listingHeading)
    chosen = best(findCardGroups(page, pageUrl, position, skipped, true));
  // on a page about one course, other courses' cards ("you may also like") are not its facts
  const heading = courseHeading?.element;
  for (const group of chosen ? [] : groups) {
    if (group.withLinks < 2 || group.withFacts < 2) continue;
    if (heading && group.cards.some((card) => elementsHold(card.element, new Set([heading])))) continue;
    for (const card of group.cards) skip.add(card.element);
  }

  // the heading when it names the course; else the page's title; a collection's heading only as the last resort
  const title: Sourced | null = courseHeading
    ? { value: courseHeading.text, evidence: `<h1>: ${courseHeading.text}` }
    : (others.find(({ value }) => !isCollectionHeading(value)) ??
      (listingHeading && !chosen ? { value: listingHeading, evidence: `<h1>: ${listingHeading}` } : null));
  const context: Sourced[] = [];
  if (titleParts.tagline) context.push({ value: titleParts.tagline, evidence: `<title>: ${rawTitle}` });
  if (chosen && listingHeading) context.push({ value: listingHeading, evidence: `<h1>: ${listingHeading}` });
  if (chosen && titleParts.name && isCollectionHeading(titleParts.name))
    context.push({ value: titleParts.name, evidence: `<title>: ${rawTitle}` });

  return {
    siteName,
    title: chosen ? null : title,
    otherTitles: others.filter(({ value }) => value !== title?.value),
    listingHeading,
    cards: chosen?.cards ?? [],
    context,
    skip,
  };
}

const score = (group: CardGroup) =>
  group.withFacts * 2 + group.withLinks + (group.headings ? group.cards.length : 0);

function parentNode(element: DomElement): DomElement | null {
  const parent = element.parent;
  return parent && 'tagName' in parent ? parent : null;
}

function elementsHold(container: DomElement, elements: ReadonlySet<DomElement>): boolean {
  for (const element of elements)
    for (let node: DomElement | null = element; node; node = parentNode(node))
      if (node === container) return true;
  return false;
}
