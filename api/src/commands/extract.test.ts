import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { explainCourses } from './explain.ts';
import { extractSavedPage, unknownProvider } from './extract.ts';

const PAGE = `<!doctype html><html><head><title>Welding Basics | Harbour College</title>
  <meta property="og:site_name" content="Harbour College"></head>
  <body><h1>Welding Basics</h1><p>Duration: 3 days</p><p>Course fee: Rs. 12,000</p>
  <p>Classes are held on campus.</p></body></html>`;

describe('shortlist extract', () => {
  it('assumes no country for a page no source describes, except its country-code domain', () => {
    expect(unknownProvider('https://harbour.example/welding').country).toBe('ZZ');
    expect(unknownProvider('https://harbour.lk/welding').country).toBe('LK');
    expect(unknownProvider('https://harbour.co.uk/welding').country).toBe('GB');
    expect(unknownProvider('https://harbour.io/welding').country).toBe('ZZ');
    const [course] = extractSavedPage(Buffer.from(PAGE), 'https://harbour.lk/welding').courses;
    expect(course!.cost).toMatchObject({ amount: 12000, currency: 'LKR' });
    expect(extractSavedPage(Buffer.from(PAGE), 'https://harbour.example/welding').courses[0]!.cost.currency).toBe('INR'); // prettier-ignore
  });

  it('explains each field: where it was read, how sure, and the candidates that agreed or differed', () => {
    const explained = explainCourses(
      extractSavedPage(Buffer.from(PAGE), 'https://harbour.lk/welding').courses,
    );
    expect(explained).toContain('course 1: Welding Basics  (https://harbour.lk/welding)');
    expect(explained).toContain('title: high confidence, from text: "<h1>: Welding Basics"');
    expect(explained).toContain(
      'agrees: text "Welding Basics" in "<title>: Welding Basics | Harbour College"',
    );
    expect(explained).toContain('duration: medium confidence, from text: "Duration: 3 days"');
    expect(explained).toContain('mode: low confidence, from text: "Classes are held on campus."');
  });

  it('prints the explanation from the command line with --explain', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'extract-')), 'welding.html');
    writeFileSync(file, PAGE);
    const bin = new URL('../../bin/shortlist.js', import.meta.url).pathname;
    const { stdout } = await promisify(execFile)(process.execPath, [bin, 'extract', file, '--url', 'https://harbour.lk/welding', '--explain']); // prettier-ignore
    expect(stdout).toContain('cost: medium confidence, from text: "Course fee: Rs. 12,000"');
  });
});
