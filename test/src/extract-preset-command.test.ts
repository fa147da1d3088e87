import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Course } from '@shortlist/schemas';

const BIN = fileURLToPath(new URL('../../api/bin/shortlist.js', import.meta.url));
const PAGE = fileURLToPath(
  new URL('../../crawler/src/extract/fixtures/presets/banner-one-course.html', import.meta.url),
);

function shortlist(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, [BIN, ...args], {
    env: { ...process.env, SHORTLIST_DATA: mkdtempSync(join(tmpdir(), 'shortlist-extract-')) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve) => child.once('exit', (code) => resolve({ code, stdout, stderr })));
}

describe('shortlist extract on a page of a known platform', () => {
  it('says which preset read the page, and each field it read names it', async () => {
    const url = 'https://ssb.lakeshore.example/prod/bwckschd.p_get_crse_unsec';
    const { code, stdout, stderr } = await shortlist(['extract', PAGE, '--url', url]);
    expect(code).toBe(0);
    expect(stderr).toMatch(/^preset: banner\b/m);
    const courses = JSON.parse(stdout) as Course[];
    expect(courses).toHaveLength(1);
    expect(courses[0]).toMatchObject({ title: 'Introduction to Biology', code: 'BIO 101' });
    expect(courses[0]!.provenance.title).toBe('preset:banner');
    expect(courses[0]!.offerings).toHaveLength(3);
    // a whole command process, started from source: as the other command tests, it gets minutes, not seconds
  }, 120_000);
});
