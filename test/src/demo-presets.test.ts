import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractPage } from '@shortlist/crawler';
import { DEMO_SITES_DIR } from '@shortlist/demo';

function htmlFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return htmlFiles(path);
    return entry.name.endsWith('.html') ? [path] : [];
  });
}

describe('platform presets on the demo sites', () => {
  it('recognise no platform on any page of the five demo sites, which are read by their own markup', () => {
    const files = htmlFiles(DEMO_SITES_DIR);
    expect(files.length).toBeGreaterThan(100);
    const recognised = files
      .map((file) => [
        relative(DEMO_SITES_DIR, file),
        extractPage(readFileSync(file, 'utf8'), `https://demo.example/${relative(DEMO_SITES_DIR, file)}`)
          .preset,
      ])
      .filter(([, preset]) => preset !== null);
    expect(recognised).toEqual([]);
  });
});
