import { resolve } from 'node:path';
import { readIndexerEnv } from '@shortlist/indexer';
import { describe, expect, it } from 'vitest';
import { readApiEnv } from './env.ts';

describe('settings from the environment', () => {
  it('take a variable set to nothing as unset, so its default applies', () => {
    expect(readApiEnv({ PORT: '', HOST: '' })).toMatchObject({ PORT: 3000, HOST: '127.0.0.1' });
    expect(readIndexerEnv({ SHORTLIST_DATA: '', MEILI_URL: '' })).toMatchObject({
      dataDir: resolve('data'),
      meiliUrl: undefined,
    });
  });

  it('refuse a wrong value, naming every variable at fault', () => {
    expect(() => readApiEnv({ PORT: 'eighty', DEMO_PORT: '99999' })).toThrow(
      /^Invalid environment: PORT: .*; DEMO_PORT: /,
    );
    expect(() => readIndexerEnv({ MEILI_MASTER_KEY: 'short' })).toThrow(
      /^Invalid environment: MEILI_MASTER_KEY: MEILI_MASTER_KEY must be at least 16 bytes/,
    );
  });
});
