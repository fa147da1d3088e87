import { childElements, resolveUrl, URL_ATTRIBUTE } from './dom.ts';
import type { DomElement } from './dom.ts';
import type { PageElements } from './page-elements.ts';
import { addValue, createNode } from '../linked-data/schema-org-node.ts';
import type { SchemaNode, SchemaValue } from '../linked-data/schema-org-node.ts';
import { visibleText } from './visible-text.ts';

const tokens = (value: string | undefined): string[] => (value ?? '').split(/\s+/).filter(Boolean);

/** Reads HTML microdata (`itemscope` / `itemtype` / `itemprop`) into nodes: one per top-level item. */
export function readMicrodata(page: PageElements, baseUrl: string): SchemaNode[] {
  const scopes = page.all.filter((element) => element.attribs.itemscope !== undefined);
  if (scopes.length === 0) return [];
  const byId = new Map<string, DomElement>();
  for (const element of page.all) {
    const id = element.attribs.id;
    if (id && !byId.has(id)) byId.set(id, element);
  }
  const items = new Map<DomElement, SchemaNode>();

  const readItem = (scope: DomElement): SchemaNode => {
    const existing = items.get(scope);
    if (existing) return existing;
    const node = createNode(tokens(scope.attribs.itemtype), scope.attribs.itemid);
    items.set(scope, node);
    const visited = new Set<DomElement>([scope]);
    const pending = [
      ...childElements(scope),
      ...tokens(scope.attribs.itemref).flatMap((id) => byId.get(id) ?? []),
    ];
    while (pending.length > 0) {
      const element = pending.shift()!;
      if (visited.has(element)) continue;
      visited.add(element);
      const names = tokens(element.attribs.itemprop);
      const isScope = element.attribs.itemscope !== undefined;
      if (names.length > 0) {
        const value: SchemaValue = isScope ? readItem(element) : propertyValue(element, baseUrl);
        for (const name of names) addValue(node, name, value);
      }
      // an itemscope's own properties belong to it, not to the item around it
      if (!isScope) pending.unshift(...childElements(element));
    }
    return node;
  };

  return scopes.filter((scope) => scope.attribs.itemprop === undefined).map(readItem);
}

/** The value of an `itemprop` element, per the HTML spec; `content` wins on any element, as search engines read it. */
function propertyValue(element: DomElement, baseUrl: string): string {
  const attributes = element.attribs;
  if (attributes.content !== undefined) return attributes.content;
  const tag = element.tagName.toLowerCase();
  const urlAttribute = URL_ATTRIBUTE[tag];
  if (urlAttribute) return resolveUrl(attributes[urlAttribute], baseUrl) ?? '';
  if (tag === 'data' || tag === 'meter') return attributes.value ?? '';
  if (tag === 'time' && attributes.datetime !== undefined) return attributes.datetime;
  return visibleText(element);
}
