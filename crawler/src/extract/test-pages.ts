import { readFileSync } from 'node:fs';

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
