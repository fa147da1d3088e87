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
