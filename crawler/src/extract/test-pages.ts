import { readFileSync } from 'node:fs';
import { Source, type SelectorMap } from '@shortlist/schemas';
import { coursesFromPage } from './page-courses.ts';

/** A realistic page from `fixtures/`. */
export function fixturePage(name: string): string {
  return readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');
}

/** A minimal page carrying the given JSON-LD blocks (raw text, so broken JSON can be tested) and body. */
export function pageWithJsonLd(blocks: readonly (string | object)[], body = ''): string {
  const scripts = blocks
    .map((block) => (typeof block === 'string' ? block : JSON.stringify(block)))
    .map((json) => `<script type="application/ld+json">${json}</script>`)
    .join('\n');
  return `<!doctype html><html><head><title>Course</title>${scripts}</head><body>${body}</body></html>`;
}

/** A provider to normalise a page's courses for, as a crawl would; with a selector map of its own when given. */
export function testSource(country = 'US', selectors?: SelectorMap): Source {
  return Source.parse({
    id: 'test-provider',
    name: 'Test Provider',
    providerType: 'college',
    country,
    url: 'https://www.example.edu/',
    startUrls: ['https://www.example.edu/'],
    ...(selectors ? { extraction: { selectors } } : {}),
  });
}

/** The courses a saved page of `fixtures/presets/` yields for an unknown provider, normalised as a crawl would. */
export function presetPageCourses(name: string, url: string, source = testSource()) {
  return coursesFromPage(fixturePage(`presets/${name}`), url, source, '2026-07-02T09:00:00.000Z');
}
