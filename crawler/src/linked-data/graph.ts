import { addValue, createNode, type SchemaNode, type SchemaValue } from './schema-org-node.ts';

type JsonObject = Record<string, unknown>;

export interface LinkedDataOptions {
  /** ELM's compact context writes `id` and `type` for `@id` and `@type` */
  keywordAliases?: boolean;
  /** languages preferred when a value is a language map, best first */
  languages?: readonly string[];
  /**
   * A plain string that equals the `@id` of a node described elsewhere stands for that node, as CTDL and ELM
   * write references. Off for web pages, whose `url` is commonly their own node's `@id`.
   */
  bareIdReferences?: boolean;
}

/** Deeper JSON than this is not a course description; stop rather than exhaust the call stack. */
const MAX_DEPTH = 64;
/** A language map key: "en", "en-US", "ar-sa" (two-letter primary language so that "id" or "url" never match). */
const LANGUAGE_TAG = /^[a-z]{2}(?:-[a-z0-9]{2,8})*$/i;
const KEYWORDS = new Set(['@id', '@type', '@value', '@language', '@context', '@graph', '@list', '@set']);

const isObject = (value: unknown): value is JsonObject =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** `ceterms:name`, `schema:value`, `https://purl.org/ctdl/terms/name` and `name` are all `name`. */
function localName(term: string): string {
  const trimmed = term.trim();
  const cut = Math.max(trimmed.lastIndexOf('/'), trimmed.lastIndexOf('#'), trimmed.lastIndexOf(':'));
  return cut >= 0 && cut < trimmed.length - 1 ? trimmed.slice(cut + 1) : trimmed;
}

/**
 * Turns JSON-LD documents (a page's script blocks, schema.org, CTDL and ELM feeds) into nodes whose properties
 * and types are local names, with language maps reduced to the preferred language and `{ "@id": … }` references
 * resolved to the one node that id names, however many places across the documents describe it.
 */
export class LinkedDataGraph {
  private readonly described = new Map<string, JsonObject[]>();
  private readonly nodes = new Map<string, SchemaNode>();
  private readonly languages: readonly string[];

  constructor(
    private readonly documents: unknown[],
    private readonly options: LinkedDataOptions = {},
  ) {
    this.languages = options.languages ?? ['en'];
    for (const document of documents) this.index(document, 0);
  }

  /** The top-level nodes: each document, or the members of its `@graph` (and the document, if it says more). */
  roots(): SchemaNode[] {
    const values = this.documents
      .flatMap((document) => this.topLevel(document))
      .flatMap((value) => this.toValues(value, 0));
    return [...new Set(values.filter((value): value is SchemaNode => typeof value !== 'string'))];
  }

  private key(object: JsonObject, keyword: '@id' | '@type'): unknown {
    return object[keyword] ?? (this.options.keywordAliases ? object[keyword.slice(1)] : undefined);
  }

  private isKeyword(key: string): boolean {
    return KEYWORDS.has(key) || (Boolean(this.options.keywordAliases) && (key === 'id' || key === 'type'));
  }

  private topLevel(document: unknown): unknown[] {
    if (Array.isArray(document)) return document.flatMap((item) => this.topLevel(item));
    if (!isObject(document)) return [];
    const graph = document['@graph'];
    if (graph === undefined) return [document];
    const saysMore = Object.keys(document).some(
      (key) => !['@graph', '@context', '@id'].includes(key) && !(this.options.keywordAliases && key === 'id'),
    );
    return [...this.topLevel(graph), ...(saysMore ? [{ ...document, '@graph': undefined }] : [])];
  }

  private index(value: unknown, depth: number): void {
    if (depth > MAX_DEPTH) return;
    if (Array.isArray(value)) return value.forEach((item) => this.index(item, depth + 1));
    if (!isObject(value)) return;
    const id = this.key(value, '@id');
    if (
      typeof id === 'string' &&
      Object.keys(value).some((key) => !this.isKeyword(key) || key === '@type' || key === 'type')
    ) {
      const list = this.described.get(id);
      if (list) list.push(value);
      else this.described.set(id, [value]);
    }
    for (const [key, inner] of Object.entries(value)) if (key !== '@context') this.index(inner, depth + 1);
  }

  private toValues(value: unknown, depth: number): SchemaValue[] {
    if (value === null || value === undefined || depth > MAX_DEPTH) return [];
    if (typeof value === 'string')
      return this.options.bareIdReferences !== false && this.described.has(value)
        ? [this.identified(value, depth)]
        : [value];
    if (typeof value === 'number' || typeof value === 'boolean') return [String(value)];
    if (Array.isArray(value)) return value.flatMap((item) => this.toValues(item, depth + 1));
    if (!isObject(value)) return [];
    if ('@value' in value) return this.toValues(value['@value'], depth + 1);
    if ('@list' in value) return this.toValues(value['@list'], depth + 1);
    if ('@set' in value) return this.toValues(value['@set'], depth + 1);
    const languageMap = this.fromLanguageMap(value);
    if (languageMap) return this.toValues(languageMap, depth + 1);
    const id = this.key(value, '@id');
    if (typeof id === 'string') {
      const reference = Object.keys(value).every(
        (key) => key === '@id' || key === 'id' || key === '@context',
      );
      if (reference && !this.described.has(id)) return [id];
      return [this.identified(id, depth)];
    }
    if (value['@graph'] !== undefined && this.key(value, '@type') === undefined)
      return this.toValues(value['@graph'], depth + 1);
    const node = createNode([]);
    this.describe(node, value, depth);
    return [node];
  }

  /** `{"en-US": "Nursing", "ar-sa": "…"}` → the text in the preferred language (else the first given). */
  private fromLanguageMap(object: JsonObject): unknown {
    const keys = Object.keys(object);
    if (keys.length === 0 || !keys.every((key) => LANGUAGE_TAG.test(key) && key !== 'id')) return undefined;
    if (!keys.every((key) => typeof object[key] === 'string' || Array.isArray(object[key]))) return undefined;
    for (const language of this.languages) {
      const exact = keys.find((key) => key.toLowerCase() === language);
      const regional = keys.find((key) => key.toLowerCase().startsWith(`${language}-`));
      if (exact ?? regional) return object[(exact ?? regional)!];
    }
    return object[keys[0]!];
  }

  /** One node per `@id`; created before it is filled so that cycles end. */
  private identified(id: string, depth: number): SchemaNode {
    const existing = this.nodes.get(id);
    if (existing) return existing;
    const node = createNode([], id);
    this.nodes.set(id, node);
    for (const description of this.described.get(id) ?? []) this.describe(node, description, depth);
    return node;
  }

  private describe(node: SchemaNode, object: JsonObject, depth: number): void {
    const types = this.toValues(this.key(object, '@type'), depth + 1).filter(
      (type): type is string => typeof type === 'string',
    );
    for (const type of types.map(localName)) if (!node.types.includes(type)) node.types.push(type);
    for (const [key, value] of Object.entries(object)) {
      if (this.isKeyword(key) || key.startsWith('@')) continue;
      for (const item of this.toValues(value, depth + 1)) addValue(node, localName(key), item);
    }
  }
}
