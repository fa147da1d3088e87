import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CatalogueStore, createMeiliClient, SearchIndex } from '@shortlist/indexer';
import { createApp } from './app.ts';

const store = new CatalogueStore(join(mkdtempSync(join(tmpdir(), 'headers-')), 'catalogue.db'));
afterAll(() => store.close());
// headers only: no request here reaches the search engine
const app = createApp({ store, index: new SearchIndex(createMeiliClient('http://127.0.0.1:9', undefined)) });

function policy(response: Response): Map<string, string> {
  const header = response.headers.get('content-security-policy') ?? '';
  return new Map(
    header
      .split(';')
      .map((directive) => directive.trim().split(/\s+/))
      .map(([name, ...values]) => [name!, values.join(' ')]),
  );
}

describe('security headers', () => {
  it('forbid <base> elements, forms posting elsewhere, framing and foreign scripts, on every answer', async () => {
    for (const path of ['/openapi.json', '/v1/courses/nothing-here']) {
      const directives = policy(await app.request(path));
      expect(directives.get('base-uri')).toBe("'none'");
      expect(directives.get('form-action')).toBe("'self'");
      expect(directives.get('frame-ancestors')).toBe("'none'");
      expect(directives.get('script-src')).toBe("'self'");
      expect(directives.get('default-src')).toBe("'self'");
    }
  });
});
