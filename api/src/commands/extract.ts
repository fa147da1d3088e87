import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  coursesFromPage,
  decodeHtml,
  DisallowedByRobots,
  loadSources,
  politeFetch,
  type PageRecords,
} from '@shortlist/crawler';
import { Source } from '@shortlist/schemas';
import type { ApiEnv } from '../env.ts';
import { pickSources } from './crawl.ts';
import { explainCourses } from './explain.ts';
import { userAgent } from './demo.ts';

/** Country-code domains used worldwide for their letters, which say nothing of where a provider is. */
const GENERIC_COUNTRY_DOMAINS = new Set(['ai', 'io', 'co', 'tv', 'me', 'fm', 'ly', 'gg', 'cc', 'ws', 'to', 'la', 'is', 'it']); // prettier-ignore

/**
 * The provider of a page no source describes: its country is the page's country-code domain ("cased.lk" → LK,
 * so "Rs." reads as Sri Lankan rupees), or unknown (ZZ), so no currency is assumed for a bare amount.
 */
export function unknownProvider(pageUrl: string): Source {
  let country = 'ZZ';
  try {
    const tld = new URL(pageUrl).hostname.split('.').pop() ?? '';
    if (/^[a-z]{2}$/.test(tld) && !GENERIC_COUNTRY_DOMAINS.has(tld))
      country = tld === 'uk' ? 'GB' : tld.toUpperCase();
  } catch {
    // a file: URL or no URL at all: the country stays unknown
  }
  return Source.parse({
    id: 'unknown-provider',
    name: 'Unknown provider',
    providerType: 'company',
    country,
    url: 'https://example.invalid/',
    startUrls: ['https://example.invalid/'],
  });
}

export interface ExtractOptions {
  /** the page's address, for a saved file: resolves its links and names its courses */
  url?: string;
  /** a source config file or id: its selector map, country and politeness apply */
  source?: string;
  /** print, per field, where its value was read, the confidence and the other candidates, instead of JSON */
  explain?: boolean;
}

/** What `extract` makes of a saved page: the bytes decoded as a browser would, then the crawler's own path. */
export function extractSavedPage(
  bytes: Uint8Array,
  url: string,
  source: Source = unknownProvider(url),
  fetchedAt = new Date().toISOString(),
): PageRecords {
  return coursesFromPage(decodeHtml(bytes).text, url, source, fetchedAt);
}

async function readPage(input: string, source: Source, env: ApiEnv) {
  if (!/^https?:\/\//i.test(input)) {
    return { bytes: readFileSync(input), url: pathToFileURL(resolve(input)).href };
  }
  try {
    const response = await politeFetch(input, {
      userAgent: userAgent(env),
      delayMs: source.politeness.delayMs,
      timeoutMs: source.politeness.timeoutMs,
      maxBytes: source.politeness.maxBytes,
    });
    const html = decodeHtml(response.body, response.headers.get('content-type')).text;
    return { html, url: response.url };
  } catch (error) {
    if (error instanceof DisallowedByRobots)
      throw new Error(
        `${error.message}; save the page from a browser and run extract on the file with --url ${input}`,
      );
    throw new Error(`could not fetch ${input}: ${(error as Error).message}`);
  }
}

/** `shortlist extract <file-or-url>`: the normalised records one page yields, with per-field provenance, as a JSON array. */
export async function extractCommand(env: ApiEnv, input: string, options: ExtractOptions): Promise<void> {
  const source = options.source
    ? pickSources(env.SHORTLIST_SOURCES ? loadSources(env.SHORTLIST_SOURCES) : [], options.source)[0]!
    : unknownProvider(options.url ?? input);
  const page = await readPage(input, source, env);
  const url = options.url ?? page.url;
  const result =
    page.html === undefined
      ? extractSavedPage(page.bytes, url, source)
      : coursesFromPage(page.html, url, source, new Date().toISOString());
  if (result.preset) console.error(`preset: ${result.preset} (fields it read say "preset:${result.preset}")`);
  for (const warning of result.warnings) console.error(`warning: ${warning}`);
  for (const rejected of result.rejected) console.error(`rejected ${rejected.url}: ${rejected.reason}`);
  console.log(options.explain ? explainCourses(result.courses) : JSON.stringify(result.courses, null, 2));
}
