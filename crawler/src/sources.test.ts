import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadSourceFile, loadSources } from './sources.ts';

function write(config: unknown, name = 'tafe-digital.json') {
  const dir = mkdtempSync(join(tmpdir(), 'shortlist-sources-'));
  const file = join(dir, name);
  writeFileSync(file, typeof config === 'string' ? config : JSON.stringify(config));
  return { dir, file };
}

const valid = {
  id: 'tafe-digital',
  name: 'TAFE Digital',
  providerType: 'college',
  country: 'AU',
  url: 'https://tafe.example/',
  startUrls: ['https://tafe.example/courses/'],
};

describe('source configs', () => {
  it('fills in polite defaults', () => {
    const source = loadSourceFile(write(valid).file);
    expect(source.politeness).toEqual({
      delayMs: 1000,
      maxPages: 5000,
      maxDepth: 10,
      timeoutMs: 30_000,
      maxBytes: 5_000_000,
      retries: 2,
    });
    expect(source.withdrawAfter).toBe(3);
    expect(source.scheduleHours).toBe(24);
    expect(source.follow.ignoreParams).toEqual([]);
  });

  it('names the file, the field and the fix for each mistake', () => {
    const { file } = write({
      ...valid,
      country: 'Australia',
      politeness: { delayMs: -5, delay: 1000 },
      follow: { detail: ['^/courses/(['] },
    });
    let message = '';
    try {
      loadSourceFile(file);
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toContain(`${file} is not a valid source config`);
    expect(message).toContain('country: use an ISO 3166-1 alpha-2 code such as "GB"');
    expect(message).toContain('politeness.delayMs: milliseconds between requests, 0 or more; 1000 is polite');
    expect(message).toContain('"delay" in politeness: not a source setting; check the spelling or remove it');
    expect(message).toMatch(/follow\.detail\.0: must be a valid regular expression/);
  });

  it('says which field is missing, and that the id must match the file name', () => {
    const nameless: Partial<typeof valid> = { ...valid };
    delete nameless.name;
    expect(() => loadSourceFile(write(nameless).file)).toThrow(/name: missing; add it/);
    expect(() => loadSourceFile(write(valid, 'other.json').file)).toThrow(
      /id "tafe-digital" must match the file name \(tafe-digital\.json\)/,
    );
    expect(() => loadSourceFile(write('{ "id": ').file)).toThrow(/tafe-digital\.json is not valid JSON/);
  });

  it('asks for a start URL or a sitemap', () => {
    const nowhere: Partial<typeof valid> = { ...valid };
    delete nowhere.startUrls;
    expect(() => loadSources(write(nowhere).dir)).toThrow(
      /startUrls: give at least one of startUrls or sitemaps/,
    );
  });
});
