import { tooDeepAt, tooDeepMessage } from '../linked-data/json-depth.ts';
import { LinkedDataGraph } from '../linked-data/graph.ts';
import { rawText, type PageElements } from './page-elements.ts';
import type { SchemaNode } from '../linked-data/schema-org-node.ts';

/** Reads every `<script type="application/ld+json">` and returns the top-level nodes of the page's graph. */
export function readJsonLd(page: PageElements, warnings: string[]): SchemaNode[] {
  const scripts = page
    .byTag('script')
    .filter((script) => /^\s*application\/ld\+json\s*(?:;|$)/i.test(script.attribs.type ?? ''));
  const documents: unknown[] = [];
  scripts.forEach((script, index) => {
    const text = rawText(script);
    const where = `JSON-LD block ${index + 1} of ${scripts.length}`;
    const tooDeep = tooDeepAt(text);
    if (tooDeep) return warnings.push(`${where} ${tooDeepMessage(tooDeep)}; skipped it`);
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
  return new LinkedDataGraph(documents, { bareIdReferences: false, languages: pageLanguages(page) }).roots();
}

/** Language maps are read in the page's own language (`<html lang>`), else English. */
function pageLanguages(page: PageElements): string[] {
  const primary = /^[a-z]{2,3}(?=-|$)/i.exec(page.byTag('html')[0]?.attribs.lang?.trim() ?? '')?.[0];
  return [...new Set([primary?.toLowerCase() ?? 'en', 'en'])];
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
