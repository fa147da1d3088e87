import { childElements, resolveUrl, URL_ATTRIBUTE } from './dom.ts';
import type { DomElement } from './dom.ts';
import type { PageElements } from './page-elements.ts';
import { addValue, createNode, isSchemaOrgVocabulary } from '../linked-data/schema-org-node.ts';
import type { SchemaNode } from '../linked-data/schema-org-node.ts';
import { visibleText } from './visible-text.ts';

interface RdfaContext {
  /** the typed node that properties inside this element describe */
  subject: SchemaNode | null;
  /** a `rel` with no object of its own links the typed elements below it (RDFa Core's "hanging rel") */
  hanging: { subject: SchemaNode; properties: string[] } | null;
  vocab: string | null;
  prefixes: ReadonlyMap<string, string>;
}

const tokens = (value: string | undefined): string[] => (value ?? '').split(/\s+/).filter(Boolean);

/** Reads RDFa Lite (`vocab` / `typeof` / `property`, `prefix`, plus `rel`) into nodes: one per top-level `typeof`. */
export function readRdfa(page: PageElements, baseUrl: string): SchemaNode[] {
  if (!page.all.some((element) => element.attribs.typeof !== undefined)) return [];
  const roots: SchemaNode[] = [];
  const start: RdfaContext = { subject: null, hanging: null, vocab: null, prefixes: new Map() };
  for (const element of childElements(page.root)) walk(element, start, roots, baseUrl);
  return roots;
}

/** Walks the elements with an explicit stack, so a page nested thousands deep cannot overflow the call stack. */
function walk(root: DomElement, start: RdfaContext, roots: SchemaNode[], baseUrl: string): void {
  const pending: [DomElement, RdfaContext][] = [[root, start]];
  while (pending.length > 0) {
    const [element, outer] = pending.pop()!;
    const inner = visit(element, outer, roots, baseUrl);
    const children = childElements(element);
    for (let index = children.length - 1; index >= 0; index--) pending.push([children[index]!, inner]);
  }
}

/** Records what one element says about its subject and returns the context its children are read in. */
function visit(element: DomElement, outer: RdfaContext, roots: SchemaNode[], baseUrl: string): RdfaContext {
  const context = withDeclarations(element, outer);
  const attributes = element.attribs;
  const properties = tokens(attributes.property).map((term) => expandTerm(term, context));
  const rels = tokens(attributes.rel).map((term) => expandTerm(term, context));

  if (attributes.typeof !== undefined) {
    const types = tokens(attributes.typeof).map((term) => expandTerm(term, context));
    const node = createNode(types, attributes.resource ?? attributes.about);
    const links = [...properties, ...rels];
    if (context.subject && links.length > 0) for (const link of links) addValue(context.subject, link, node);
    else if (context.hanging)
      for (const link of context.hanging.properties) addValue(context.hanging.subject, link, node);
    else roots.push(node);
    return { ...context, subject: node, hanging: null };
  }
  if (!context.subject) return context;
  if (properties.length > 0) {
    const value = literalValue(element, baseUrl);
    for (const property of properties) addValue(context.subject, property, value);
  }
  if (rels.length > 0) {
    const target = resolveUrl(attributes.href ?? attributes.resource ?? attributes.src, baseUrl);
    if (!target) return { ...context, hanging: { subject: context.subject, properties: rels } };
    for (const rel of rels) addValue(context.subject, rel, target);
  }
  return context;
}

function withDeclarations(element: DomElement, context: RdfaContext): RdfaContext {
  const { vocab, prefix } = element.attribs;
  if (vocab === undefined && prefix === undefined) return context;
  const prefixes = new Map(context.prefixes);
  const pairs = (prefix ?? '').trim().split(/\s+/);
  for (let index = 0; index + 1 < pairs.length; index += 2) {
    const name = pairs[index]!;
    if (name.endsWith(':')) prefixes.set(name.slice(0, -1).toLowerCase(), pairs[index + 1]!);
  }
  return { ...context, vocab: vocab === undefined ? context.vocab : vocab.trim() || null, prefixes };
}

/** Turns a term, CURIE or IRI into an IRI, or a bare schema.org term when the vocabulary is schema.org. */
function expandTerm(term: string, context: RdfaContext): string {
  const colon = term.indexOf(':');
  if (colon > 0) {
    const iri = context.prefixes.get(term.slice(0, colon).toLowerCase());
    return iri ? iri + term.slice(colon + 1) : term;
  }
  if (!context.vocab || isSchemaOrgVocabulary(context.vocab)) return term;
  return context.vocab + term;
}

/** RDFa's literal or IRI object: `content`, then a link on an element without `typeof`, then `datetime`, then text. */
function literalValue(element: DomElement, baseUrl: string): string {
  const attributes = element.attribs;
  if (attributes.content !== undefined) return attributes.content;
  const urlAttribute =
    URL_ATTRIBUTE[element.tagName.toLowerCase()] ?? (attributes.resource ? 'resource' : undefined);
  if (urlAttribute && attributes[urlAttribute] !== undefined)
    return resolveUrl(attributes[urlAttribute], baseUrl) ?? '';
  if (attributes.datetime !== undefined) return attributes.datetime;
  return visibleText(element);
}
