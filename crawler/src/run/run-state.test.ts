import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { newCrawlReport, recordError, type CrawlErrorKind } from './crawl-report.ts';
import { RunState } from './run-state.ts';

describe('an interrupted crawl picked up again', () => {
  it('forgets the errors that may pass, whose pages it fetches again, and keeps those that stand', () => {
    const storageDir = mkdtempSync(join(tmpdir(), 'shortlist-run-state-'));
    const saved = newCrawlReport('provider');
    const kinds: CrawlErrorKind[] = ['rate-limited', 'timeout', 'internal', 'unsupported-url', 'http-4xx'];
    for (const kind of kinds) recordError(saved, { url: `https://example.org/${kind}`, kind, message: kind });
    mkdirSync(join(storageDir, 'provider'));
    writeFileSync(join(storageDir, 'provider', 'report.json'), JSON.stringify(saved));

    const run = RunState.open(storageDir, 'provider');
    run.close(false);
    expect(run.report.resumed).toBe(1);
    expect(run.report.errors.map((error) => error.kind)).toEqual(['unsupported-url', 'http-4xx']);
    expect(Object.keys(run.report.errorsByKind)).toEqual(['unsupported-url', 'http-4xx']);
  });
});
