import type * as cheerio from 'cheerio';

/** cheerio does not re-export domhandler's node types; derive them from its API instead of importing domhandler. */
export type DomNode = Parameters<typeof cheerio.contains>[1];
export type DomElement = Extract<DomNode, { tagName: string }>;

export function isElement(node: DomNode): node is DomElement {
  return 'tagName' in node && 'attribs' in node;
}

/** Whether an element carries a class name (compared without regard to case, as old markup varies it). */
export function hasClass(element: DomElement, name: string): boolean {
  const classes = element.attribs.class;
  return classes !== undefined && classes.toLowerCase().split(/\s+/).includes(name.toLowerCase());
}

export function childElements(element: DomNode): DomElement[] {
  return 'children' in element ? element.children.filter(isElement) : [];
}

export function nextElement(element: DomElement): DomElement | undefined {
  for (let next = element.next; next; next = next.next) if (isElement(next)) return next;
  return undefined;
}

/**
 * Every element below `root` in document order, without recursion (pages can nest thousands deep); elements in
 * `skip` are left out with everything inside them.
 */
export function elementsUnder(root: DomNode, skip?: ReadonlySet<DomElement>): DomElement[] {
  const elements: DomElement[] = [];
  const stack = childElements(root).reverse();
  while (stack.length > 0) {
    const element = stack.pop()!;
    if (skip?.has(element)) continue;
    elements.push(element);
    const children = childElements(element);
    for (let index = children.length - 1; index >= 0; index--) stack.push(children[index]!);
  }
  return elements;
}

/** Resolves a link against the page; only http(s) URLs are kept. */
export function resolveUrl(value: string | undefined, base: string): string | undefined {
  if (!value?.trim()) return undefined;
  try {
    const url = new URL(value.trim(), base);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}

/** The attribute that holds an element's link, per the HTML microdata spec's property value rules. */
export const URL_ATTRIBUTE: Readonly<Record<string, string>> = {
  a: 'href',
  area: 'href',
  link: 'href',
  audio: 'src',
  embed: 'src',
  iframe: 'src',
  img: 'src',
  source: 'src',
  track: 'src',
  video: 'src',
  object: 'data',
};
