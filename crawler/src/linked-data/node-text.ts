import { collapseWhitespace } from '../extract/course-record.ts';
import { valuesOf, type SchemaNode, type SchemaValue } from './schema-org-node.ts';

/**
 * Properties that name a thing given as a node rather than a string, in order of preference, across schema.org
 * (name, alternateName, credentialCategory …), SKOS and ELM (prefLabel, legalName, noteLiteral) and CTDL.
 */
const NAMING_PROPERTIES = [
  'name',
  'title',
  'prefLabel',
  'alternateName',
  'legalName',
  'targetName',
  'targetNodeName',
  'credentialCategory',
  'termCode',
  'noteLiteral',
  'value',
  'contentURL',
  'targetNode',
  'notation',
];

/** How many nodes deep a name is looked for, counting the node itself: enough for a label in a concept in a credential. */
export const MAX_TEXT_DEPTH = 5;

/** The text a value stands for: the string itself, or the name of a node (an organisation, concept, note …). */
export function textOf(value: SchemaValue | undefined, depth = 0): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value === 'string') return collapseWhitespace(value) || undefined;
  if (depth >= MAX_TEXT_DEPTH) return undefined;
  for (const property of NAMING_PROPERTIES) {
    for (const inner of valuesOf(value, property)) {
      const text = textOf(inner, depth + 1);
      if (text) return text;
    }
  }
  return undefined;
}

/** The distinct texts of a node's properties, in order. */
export function textsOf(node: SchemaNode, ...properties: string[]): string[] {
  const texts = valuesOf(node, ...properties)
    .map((value) => textOf(value))
    .filter((text): text is string => text !== undefined);
  return [...new Set(texts)];
}

export function firstTextOf(node: SchemaNode, ...properties: string[]): string | undefined {
  return textsOf(node, ...properties)[0];
}
