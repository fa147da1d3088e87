import { collapseWhitespace } from './course-record.ts';

/**
 * A schema.org thing as read from JSON-LD, microdata or RDFa. All three readers produce this one shape
 * so that one mapper turns it into a course record.
 */
export interface SchemaNode {
  /** schema.org type names without the vocabulary, e.g. `Course` */
  types: string[];
  id?: string;
  properties: Map<string, SchemaValue[]>;
}

export type SchemaValue = string | SchemaNode;

const SCHEMA_ORG = /^(?:https?:\/\/(?:www\.)?schema\.org\/?|schema:|sdo:)/i;

/** `https://schema.org/Course`, `schema:Course` and `Course` are all `Course`. */
export function schemaTerm(name: string): string {
  return name.trim().replace(SCHEMA_ORG, '');
}

export function isSchemaOrgVocabulary(iri: string): boolean {
  return /^https?:\/\/(?:www\.)?schema\.org\/?$/i.test(iri.trim());
}

export function createNode(types: readonly string[], id?: string): SchemaNode {
  const node: SchemaNode = { types: types.map(schemaTerm).filter(Boolean), properties: new Map() };
  if (id) node.id = id;
  return node;
}

export function addValue(node: SchemaNode, property: string, value: SchemaValue): void {
  const name = schemaTerm(property);
  const values = node.properties.get(name);
  if (values) values.push(value);
  else node.properties.set(name, [value]);
}

export function hasType(node: SchemaNode, types: ReadonlySet<string>): boolean {
  return node.types.some((type) => types.has(type));
}

export function valuesOf(node: SchemaNode, ...properties: string[]): SchemaValue[] {
  return properties.flatMap((property) => node.properties.get(property) ?? []);
}

export function nodesOf(node: SchemaNode, ...properties: string[]): SchemaNode[] {
  return valuesOf(node, ...properties).filter((value): value is SchemaNode => typeof value !== 'string');
}

/** Properties that name a thing when it is given as an object rather than a string, in order of preference. */
const NAMING_PROPERTIES = ['name', 'alternateName', 'targetName', 'credentialCategory', 'termCode', 'value'];

/** The text a value stands for: the string itself, or the name of an object such as an Organization or DefinedTerm. */
export function textOf(value: SchemaValue, depth = 0): string | undefined {
  if (typeof value === 'string') return collapseWhitespace(value) || undefined;
  if (depth > 3) return undefined;
  for (const property of NAMING_PROPERTIES) {
    for (const inner of valuesOf(value, property)) {
      const text = textOf(inner, depth + 1);
      if (text) return text;
    }
  }
  return undefined;
}

export function textsOf(node: SchemaNode, ...properties: string[]): string[] {
  const texts = valuesOf(node, ...properties)
    .map((value) => textOf(value))
    .filter((text): text is string => text !== undefined);
  return [...new Set(texts)];
}

export function firstTextOf(node: SchemaNode, ...properties: string[]): string | undefined {
  return textsOf(node, ...properties)[0];
}
