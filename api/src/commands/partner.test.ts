import { execFile } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const BIN = fileURLToPath(new URL('../../bin/shortlist.js', import.meta.url));
const run = promisify(execFile);

async function partnerCreate(env: Record<string, string>) {
  const args = ['partner', 'create', '--name', 'Harbour', '--provider', 'harbour', '--country', 'IE'];
  const { stdout } = await run(process.execPath, [BIN, ...args, '--url', 'https://harbour.example/'], {
    env: { ...process.env, SHORTLIST_DATA: mkdtempSync(join(tmpdir(), 'partner-cli-')), ...env },
  });
  return /--data-binary @courses\.csv (\S+)/.exec(stdout)?.[1];
}

describe('shortlist partner create', () => {
  it('prints the address the server really answers on, from PORT and HOST', async () => {
    expect(await partnerCreate({ PORT: '4321', HOST: '' })).toBe('http://localhost:4321/v1/partner/feeds');
    expect(await partnerCreate({ PORT: '8080', HOST: 'courses.example.org' })).toBe(
      'http://courses.example.org:8080/v1/partner/feeds',
    );
  });
});
