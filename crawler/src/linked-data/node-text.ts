import { collapseWhitespace } from '../extract/course-record.ts';
import { valuesOf, type SchemaNode, type SchemaValue } from '../extract/schema-org-node.ts';

/** Properties that name a thing, in order of preference, across schema.org, CTDL and ELM. */
const LABELS = [
  'name',
  'title',
  'prefLabel',
  'targetNodeName',
  'legalName',
  'noteLiteral',
  'value',
  'contentURL',
  'targetNode',
  'notation',
];

/** The text a value stands for: a string, or the label of a node (an organisation, concept, note …). */
export function labelOf(value: SchemaValue | undefined, depth = 0): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value === 'string') return collapseWhitespace(value) || undefined;
  if (depth > 4) return undefined;
  for (const property of LABELS) {
    for (const inner of valuesOf(value, property)) {
      const text = labelOf(inner, depth + 1);
      if (text) return text;
    }
  }
  return undefined;
}

export function labelsOf(node: SchemaNode, ...properties: string[]): string[] {
  const labels = valuesOf(node, ...properties).map((value) => labelOf(value));
  return [...new Set(labels.filter((label): label is string => label !== undefined))];
}

export function labelOfProperty(node: SchemaNode, ...properties: string[]): string | undefined {
  return labelsOf(node, ...properties)[0];
}
