import { parseDocument } from 'htmlparser2';
import { elementsUnder } from './dom.ts';
import type { DomElement, DomNode } from './dom.ts';

/**
 * Every element of a page, gathered in one walk and grouped by tag. The extractors look things up here: each
 * CSS query on the whole document is a walk of its own, and they added up to a third of the extraction time.
 */
export interface PageElements {
  root: DomNode;
  /** `<body>`, or the document when a parser did not make one */
  body: DomNode;
  all: readonly DomElement[];
  byTag(tag: string): readonly DomElement[];
}

/**
 * Parses HTML as Crawlee's CheerioCrawler does (htmlparser2, entities decoded), so `extract` on a saved page agrees
 * with a crawl. Straight to htmlparser2: each `cheerio.load` defines a class that keeps its page alive past young GCs.
 */
export function parseHtml(html: string): DomNode {
  // start indices give every element its place in the page for free, for ordering what extractors find
  return parseDocument(html, { xmlMode: false, decodeEntities: true, withStartIndices: true });
}

/** Indexed once per parsed page: the crawler reads links and robots meta from the same index the extractors use. */
export function indexPage(root: DomNode): PageElements {
  const all = elementsUnder(root);
  const tags = new Map<string, DomElement[]>();
  for (const element of all) {
    const tag = element.tagName.toLowerCase();
    const list = tags.get(tag);
    if (list) list.push(element);
    else tags.set(tag, [element]);
  }
  const byTag = (tag: string) => tags.get(tag) ?? [];
  return { root, body: byTag('body')[0] ?? root, all, byTag };
}

/** The text inside an element such as `<script>`, exactly as written. */
export function rawText(element: DomElement): string {
  return element.children
    .map((child) => ('data' in child && child.nodeType === 3 ? child.data : ''))
    .join('');
}
