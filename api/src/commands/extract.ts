import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { coursesFromPage } from '@shortlist/crawler';
import { Source } from '@shortlist/schemas';

const ANY_PROVIDER = Source.parse({
  id: 'unknown-provider',
  name: 'Unknown provider',
  providerType: 'company',
  country: 'US',
  url: 'https://example.invalid/',
  startUrls: ['https://example.invalid/'],
});

/** `shortlist extract <file> [--url URL]`: the records one saved page yields, as a JSON array. */
export function extractCommand(file: string, pageUrl: string | undefined): void {
  const html = readFileSync(file, 'utf8');
  const url = pageUrl ?? pathToFileURL(resolve(file)).href;
  const page = coursesFromPage(html, url, ANY_PROVIDER, new Date().toISOString());
  for (const warning of page.warnings) console.error(`warning: ${warning}`);
  for (const rejected of page.rejected) console.error(`rejected ${rejected.url}: ${rejected.reason}`);
  console.log(JSON.stringify(page.courses, null, 2));
}
