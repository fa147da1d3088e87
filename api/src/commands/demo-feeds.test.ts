import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { CatalogueStore } from '@shortlist/indexer';
import { PartnerAccounts } from '@shortlist/indexer/partners';
import { setUpDemoFeeds } from './demo-feeds.ts';

it('the demo imports one partner feed per format without a rejected row, and prints a working key once per start', async () => {
  const store = new CatalogueStore(join(mkdtempSync(join(tmpdir(), 'demo-feeds-')), 'catalogue.db'));
  const printed: string[] = [];
  await setUpDemoFeeds(store, 'http://localhost:3000', (line) => printed.push(line));
  const jobs = store.feedJobs;
  const providers = [
    'harbour-institute',
    'lakeshore-community-college',
    'atlantic-technological-university',
    'brightside-academy',
    'meridian-skills',
  ];
  const imported = providers.map((id) => jobs.history(id)[0]!);
  expect(imported.map((job) => job.summary!.format).sort()).toEqual([
    'csv',
    'ctdl',
    'elm',
    'json',
    'schemaorg',
  ]);
  for (const job of imported) expect(job.summary).toMatchObject({ applied: true, rejected: 0, error: null });
  const key = /^\s+(slk_\S+)$/m.exec(printed.join('\n'))![1]!;
  expect(await new PartnerAccounts(store).authenticate(key)).toMatchObject({
    partner: { providerId: 'harbour-institute' },
  });

  const again: string[] = [];
  await setUpDemoFeeds(store, 'http://localhost:3000', (line) => again.push(line));
  expect(again.join('\n')).not.toContain('imported');
  expect(await new PartnerAccounts(store).authenticate(key)).toEqual({ refused: 'revoked' });
  store.close();
});
