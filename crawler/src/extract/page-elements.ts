import type { CheerioAPI } from 'cheerio';
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

const indexed = new WeakMap<DomNode, PageElements>();

/** Indexed once per parsed page: the crawler reads links and robots meta from the same index the extractors use. */
export function indexPage($: CheerioAPI): PageElements {
  const root = $.root()[0]!;
  const known = indexed.get(root);
  if (known) return known;
  const all = elementsUnder(root);
  const tags = new Map<string, DomElement[]>();
  for (const element of all) {
    const tag = element.tagName.toLowerCase();
    const list = tags.get(tag);
    if (list) list.push(element);
    else tags.set(tag, [element]);
  }
  const byTag = (tag: string) => tags.get(tag) ?? [];
  const page = { root, body: byTag('body')[0] ?? root, all, byTag };
  indexed.set(root, page);
  return page;
}

/** The text inside an element such as `<script>`, exactly as written. */
export function rawText(element: DomElement): string {
  return element.children
    .map((child) => ('data' in child && child.nodeType === 3 ? child.data : ''))
    .join('');
}
