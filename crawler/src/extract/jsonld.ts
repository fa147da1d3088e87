import { rawText } from './page-elements.ts';
import type { PageElements } from './page-elements.ts';
import { addValue, createNode } from './schema-org-node.ts';
import type { SchemaNode, SchemaValue } from './schema-org-node.ts';

type JsonObject = { [key: string]: unknown };

/** Deeper JSON than this is not a course description; stop rather than exhaust the call stack. */
const MAX_DEPTH = 64;

const isObject = (value: unknown): value is JsonObject =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Reads every `<script type="application/ld+json">` and returns the top-level nodes of the page's graph. */
export function readJsonLd(page: PageElements, warnings: string[]): SchemaNode[] {
  const scripts = page
    .byTag('script')
    .filter((script) => /^\s*application\/ld\+json\s*(?:;|$)/i.test(script.attribs.type ?? ''));
  const documents: unknown[] = [];
  scripts.forEach((script, index) => {
    const text = rawText(script);
    const where = `JSON-LD block ${index + 1} of ${scripts.length}`;
    const parsed = parseJsonLd(text);
    if ('error' in parsed) warnings.push(`${where} is not valid JSON (${parsed.error}); skipped it`);
    else {
      if (parsed.repaired)
        warnings.push(
          `${where} is not strict JSON; read it after removing comments, raw line breaks or trailing commas`,
        );
      documents.push(parsed.value);
    }
  });
  return new JsonLdGraph(documents).roots();
}

function parseJsonLd(text: string): { value: unknown; repaired: boolean } | { error: string } {
  try {
    return { value: JSON.parse(text), repaired: false };
  } catch (error) {
    try {
      return { value: JSON.parse(repairJson(text)), repaired: true };
    } catch {
      return { error: error instanceof Error ? error.message : String(error) };
    }
  }
}

/** Fixes the mistakes CMS templates commonly make; anything worse is reported, not guessed at. */
function repairJson(text: string): string {
  return text
    .replace(/^\uFEFF/, '')
    .replace(/^\s*(?:<!--|\/\*\s*<!\[CDATA\[\s*\*\/|<!\[CDATA\[)/, '')
    .replace(/(?:-->|\/\*\s*\]\]>\s*\*\/|\]\]>)\s*$/, '')
    .replace(/\p{Cc}+/gu, ' ')
    .replace(/,\s*([}\]])/g, '$1');
}

/** Converts parsed JSON-LD into SchemaNodes, resolving `{ "@id": … }` references across all blocks of the page. */
class JsonLdGraph {
  private readonly described = new Map<string, JsonObject[]>();
  private readonly nodes = new Map<string, SchemaNode>();

  constructor(private readonly documents: unknown[]) {
    for (const document of documents) this.index(document);
  }

  roots(): SchemaNode[] {
    const roots = this.documents
      .flatMap((document) => this.topLevel(document))
      .flatMap((value) => this.toValues(value));
    return [...new Set(roots.filter((value): value is SchemaNode => typeof value !== 'string'))];
  }

  private topLevel(document: unknown): unknown[] {
    if (Array.isArray(document)) return document.flatMap((item) => this.topLevel(item));
    if (!isObject(document)) return [];
    const graph = document['@graph'];
    if (graph === undefined) return [document];
    const rest = Object.keys(document).filter((key) => key !== '@graph' && key !== '@context');
    return [...this.topLevel(graph), ...(rest.length > 0 ? [{ ...document, '@graph': undefined }] : [])];
  }

  private index(value: unknown, depth = 0): void {
    if (depth > MAX_DEPTH) return;
    if (Array.isArray(value)) value.forEach((item) => this.index(item, depth + 1));
    if (!isObject(value)) return;
    const id = value['@id'];
    if (typeof id === 'string' && Object.keys(value).some((key) => key !== '@id' && key !== '@context')) {
      const list = this.described.get(id);
      if (list) list.push(value);
      else this.described.set(id, [value]);
    }
    for (const [key, inner] of Object.entries(value)) if (key !== '@context') this.index(inner, depth + 1);
  }

  private toValues(value: unknown, depth = 0): SchemaValue[] {
    if (value === null || value === undefined || depth > MAX_DEPTH) return [];
    if (typeof value === 'string') return [value];
    if (typeof value === 'number' || typeof value === 'boolean') return [String(value)];
    if (Array.isArray(value)) return value.flatMap((item) => this.toValues(item, depth + 1));
    if (!isObject(value)) return [];
    if ('@value' in value) return this.toValues(value['@value'], depth + 1);
    if ('@list' in value) return this.toValues(value['@list'], depth + 1);
    if ('@set' in value) return this.toValues(value['@set'], depth + 1);
    const id = typeof value['@id'] === 'string' ? value['@id'] : undefined;
    if (id !== undefined) {
      const isReference = Object.keys(value).every((key) => key === '@id' || key === '@context');
      if (isReference && !this.described.has(id)) return [id];
      return [this.identifiedNode(id, depth)];
    }
    if (value['@graph'] !== undefined && value['@type'] === undefined)
      return this.toValues(value['@graph'], depth + 1);
    const node = createNode([]);
    this.describe(node, value, depth);
    return [node];
  }

  /** One node per `@id`, however many places describe it; created before it is filled so cycles terminate. */
  private identifiedNode(id: string, depth: number): SchemaNode {
    const existing = this.nodes.get(id);
    if (existing) return existing;
    const node = createNode([], id);
    this.nodes.set(id, node);
    for (const description of this.described.get(id) ?? []) this.describe(node, description, depth);
    return node;
  }

  private describe(node: SchemaNode, object: JsonObject, depth: number): void {
    const types = this.toValues(object['@type']).filter((type): type is string => typeof type === 'string');
    for (const type of createNode(types).types) if (!node.types.includes(type)) node.types.push(type);
    for (const [key, value] of Object.entries(object)) {
      if (key.startsWith('@')) continue;
      for (const item of this.toValues(value, depth + 1)) addValue(node, key, item);
    }
  }
}
