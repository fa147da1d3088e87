import { collapseWhitespace } from './course-record.ts';
import type { DomElement } from './dom.ts';
import { findCardGroups, type CardGroup, type CourseCard } from './listing-cards.ts';
import type { PageElements } from './page-elements.ts';
import { fieldForLabel } from './labels.ts';
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
const SEPARATOR = /\s+(?:\|\|?|–|—|-|·|•|::|»|\/\/)\s+/g;
const COLLECTION =
  /\b(?:courses|cursos|kurse|formations|programs|programmes|programas|classes|clases|trainings|workshops|talleres|moocs|micro-?credentials|microcredenciales|certificates|certifications|diplomados|bootcamps|catalog(?:ue)?|cat[aá]logo|offerings|events|eventos)\b/i;
const GENERIC_HEADING =
  /^(?:overview|course (?:details|information|overview|description)|programme? details|about(?: (?:this|the|our) (?:course|program(?:me)?))?|details|home|welcome|menu|search(?: results)?|(?:shopping )?cart|log ?in|sign ?in)$/i;
/** A page title a template left as it was: "Course Details - Mentor Bootstrap Template", "Page", "Untitled". */
const BOILERPLATE =
  /^(?:page|home|index|default|untitled(?: document)?|course details?|details|new page)$|\b(?:template|theme)\b/i;
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

interface Heading {
  element: DomElement;
  text: string;
}

/** Reads how the page is laid out. */
export function outlinePage(page: PageElements, pageUrl: string): PageOutline {
  // the parser's start index orders elements; a page parsed without it keeps the order it was given
  const position = (element: DomElement) => element.startIndex ?? 0;
  const ogSite =
    metaContent(page, 'property', 'og:site_name') || metaContent(page, 'name', 'application-name');
  const host = hostLabel(pageUrl);
  const isSite = (text: string) => {
    const key = squeeze(text);
    if (!key) return false;
    if (ogSite && key === squeeze(ogSite)) return true;
    // "CASED.LK" on cased.lk; a short host ("tax") is no site name inside a longer heading ("Tax Basics")
    return Boolean(host && (key === host || (host.length >= 5 && key.includes(host) && key.length <= host.length + 5))); // prettier-ignore
  };
  const namesSomething = (text: string) => text.length > 0 && !isSite(text) && !GENERIC_HEADING.test(text);
  const headingsOf = (tags: string[]) =>
    tags
      .flatMap((tag) => page.byTag(tag))
      .map((element) => ({ element, text: collapseWhitespace(visibleText(element)) }))
      .filter(({ text }) => namesSomething(text));

  const rawTitle = collapseWhitespace(visibleText(page.byTag('title')[0] ?? page.root));
  const titleParts = page.byTag('title')[0] ? splitTitle(rawTitle, isSite) : { name: '', tagline: '' };
  const ogTitle = metaContent(page, 'property', 'og:title');
  const others: Sourced[] = [
    { value: splitTitle(ogTitle, isSite).name, evidence: `og:title: ${ogTitle}` },
    { value: titleParts.name, evidence: `<title>: ${rawTitle}` },
  ].filter(({ value }) => value && !isSite(value) && !BOILERPLATE.test(value));

  // a heading that is wholly a link elsewhere ("Click here to view …") leads away; it names nothing here
  const h1 = headingsOf(['h1']).filter(({ element }) => !linksAway(element, pageUrl));
  const skip = skipRegions(page, new Set(h1.map(({ element }) => element)));
  const skipped = (element: DomElement) => {
    for (let node: DomElement | null = element; node; node = parentNode(node))
      if (skip.has(node)) return true;
    return false;
  };
  const sections = headingsOf(['h1', 'h2', 'h3'])
    .filter(({ element }) => !skipped(element) && !linksAway(element, pageUrl))
    .sort((a, b) => position(a.element) - position(b.element));
  // the heading the page's title names is the course's, whatever its level
  const titled = sections.find(({ text }) => others.some(({ value }) => namesSame(text, value)));
  // without a heading of its own, the first section heading outside the site's header names the page
  const main = titled || h1.length > 0 ? undefined : sections[0];
  const headings = titled ? [titled] : main ? [main] : h1;
  const courseHeading = headings.find(({ text }) => !isCollectionHeading(text) && !fieldForLabel(text));
  const listingHeading = headings.find(({ text }) => isCollectionHeading(text))?.text ?? null;

  const siteName = ogSite || (host ? (rawTitle.split(SEPARATOR).find((part) => squeeze(part) === host) ?? null) : null); // prettier-ignore

  // a page lists courses when its heading names a collection, or it has none and its title names no course
  const listing = !courseHeading && (listingHeading !== null || others.every(({ value }) => isCollectionHeading(value))); // prettier-ignore
  const from = position((courseHeading ?? headings.find(({ text }) => text === listingHeading))?.element ?? page.all[0]!); // prettier-ignore
  const groups = findCardGroups(page, pageUrl, position, skipped);
  const chosen = listing
    ? pickListing([...groups, ...findCardGroups(page, pageUrl, position, skipped, true)], from, listingHeading !== null) // prettier-ignore
    : undefined;
  if (!chosen) skipOtherCourses(groups, courseHeading, skip);

  const title = chooseTitle(courseHeading, main !== undefined, others, listingHeading, chosen !== undefined);
  const context: Sourced[] = [];
  if (titleParts.tagline) context.push({ value: titleParts.tagline, evidence: `<title>: ${rawTitle}` });
  if (chosen && listingHeading)
    context.push({ value: listingHeading, evidence: `heading: ${listingHeading}` });
  if (chosen && titleParts.name && isCollectionHeading(titleParts.name))
    context.push({ value: titleParts.name, evidence: `<title>: ${rawTitle}` });

  return {
    siteName,
    title: chosen ? null : title,
    otherTitles: others.filter(({ evidence }) => evidence !== title?.evidence),
    listingHeading,
    cards: chosen?.cards ?? [],
    context,
    skip,
  };
}

/**
 * The course's name: its main heading; else the page's title; else a section heading standing in for a main
 * heading; a collection's heading only as the last resort.
 */
function chooseTitle(
  heading: Heading | undefined,
  sectionHeading: boolean,
  others: Sourced[],
  listingHeading: string | null,
  listing: boolean,
): Sourced | null {
  const headed = heading && {
    value: heading.text,
    evidence: `<${heading.element.tagName}>: ${heading.text}`,
  };
  if (headed && !sectionHeading) return headed;
  const titled = others.find(({ value }) => !isCollectionHeading(value));
  if (titled) return titled;
  if (headed) return headed;
  return listingHeading && !listing
    ? { value: listingHeading, evidence: `heading: ${listingHeading}` }
    : null;
}

/** Navigation, footers, shopping carts, and a page header that does not hold the course's heading. */
function skipRegions(page: PageElements, headings: ReadonlySet<DomElement>): Set<DomElement> {
  const skip = new Set<DomElement>();
  for (const element of page.all) {
    const { role, class: names, id } = element.attribs;
    const cart = (names !== undefined && CART.test(names)) || (id !== undefined && CART.test(id));
    if (SKIP_TAGS.has(element.tagName) || (role && SKIP_ROLES.has(role.toLowerCase())) || cart)
      skip.add(element);
    else if (element.tagName === 'header' && !elementsHold(element, headings)) skip.add(element);
  }
  return skip;
}

/**
 * The listing's cards: groups after the heading first, then by how many cards show course facts and link their
 * title. Cards without facts count only under a heading that names a collection, and then only with links.
 */
function pickListing(groups: CardGroup[], from: number, collection: boolean): CardGroup | undefined {
  const qualifies = (group: CardGroup) =>
    group.withFacts >= 2 || (group.withLinks >= 3 && (group.headings || collection));
  const after = (group: CardGroup) => Number(group.start >= from);
  return groups.filter(qualifies).sort((a, b) => after(b) - after(a) || score(b) - score(a) || a.start - b.start)[0]; // prettier-ignore
}

/**
 * On a page about one course, other courses' cards ("you may also like": titles that link to their pages, with
 * facts of their own) are not its facts.
 */
function skipOtherCourses(groups: CardGroup[], heading: Heading | undefined, skip: Set<DomElement>): void {
  for (const group of groups) {
    if (group.titleLinks < 2 || group.withFacts < 2) continue;
    if (heading && group.cards.some((card) => elementsHold(card.element, new Set([heading.element]))))
      continue;
    for (const card of group.cards) skip.add(card.element);
  }
}

const score = (group: CardGroup) =>
  group.withFacts * 2 + group.withLinks + group.titleLinks + (group.headings ? group.cards.length : 0);

/** Two spellings of one name: the same words, or one holding the other and most of its length. */
function namesSame(heading: string, title: string): boolean {
  const [a, b] = [squeeze(heading), squeeze(title)];
  if (a.length < 6 || b.length < 6) return false;
  return a === b || a.includes(b) || (b.includes(a) && a.length >= 0.6 * b.length);
}

/** A heading whose whole text is one link to another page. */
function linksAway(heading: DomElement, pageUrl: string): boolean {
  const children = heading.children.filter(
    (child) => !('data' in child && child.nodeType === 3 && !child.data.trim()),
  );
  const only = children.length === 1 ? children[0] : undefined;
  const href = only && 'tagName' in only && only.tagName === 'a' ? only.attribs.href : undefined;
  if (!href || href.startsWith('#')) return false;
  try {
    const target = new URL(href, pageUrl);
    const here = new URL(pageUrl);
    return target.pathname !== here.pathname || target.host !== here.host;
  } catch {
    return false;
  }
}

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
