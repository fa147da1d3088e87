import { spawn } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, writeFileSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CatalogueStore, startBundledMeilisearch, type MeiliConnection } from '@shortlist/indexer';
import { catalogueSnapshot } from '@shortlist/indexer/testing';
import { buildCourse, type Provider } from '@shortlist/schemas';

const BIN = fileURLToPath(new URL('../../api/bin/shortlist.js', import.meta.url));
const dataDir = mkdtempSync(join(tmpdir(), 'shortlist-feed-faults-'));
const catalogueFile = join(dataDir, 'catalogue.db');
let meili: MeiliConnection;

beforeAll(async () => {
  // one Meilisearch for the test and every command it runs (they find it through the data folder)
  meili = await startBundledMeilisearch(dataDir);
}, 60_000);
afterAll(async () => {
  await meili?.stop();
});

/** Runs `shortlist …`; resolves when it exits, or kills it with SIGKILL as soon as `killWhen` is printed. */
function shortlist(
  args: string[],
  killWhen?: RegExp,
): Promise<{ code: number | null; output: string; killed: boolean }> {
  const child = spawn(process.execPath, [BIN, ...args], {
    env: { ...process.env, SHORTLIST_DATA: dataDir },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  let killed = false;
  const listen = (chunk: Buffer) => {
    output += chunk.toString();
    if (killWhen && !killed && killWhen.test(output)) {
      killed = true;
      child.kill('SIGKILL');
    }
  };
  child.stdout.on('data', listen);
  child.stderr.on('data', listen);
  return new Promise((resolve) => child.once('exit', (code) => resolve({ code, output, killed })));
}

const withStore = <T>(read: (store: CatalogueStore) => T): T => {
  const store = new CatalogueStore(catalogueFile);
  try {
    return read(store);
  } finally {
    store.close();
  }
};

describe('SIGKILL during a 50,000-record bulk import (issue 5)', () => {
  const provider: Provider = {
    id: 'bulk-academy',
    name: 'Bulk Academy',
    type: 'company',
    country: 'GB',
    url: 'https://bulk.example/',
  };
  const file = join(dataDir, 'records.json');
  const ids: string[] = [];

  beforeAll(() => {
    const out = openSync(file, 'w');
    writeSync(out, `{"providers": [${JSON.stringify(provider)}],\n"courses": [\n`);
    for (let n = 0; n < 50_000; n++) {
      const built = buildCourse(
        {
          title: `Bulk course ${n}`,
          url: `https://bulk.example/courses/${n}`,
          duration: `${1 + (n % 20)} weeks`,
          cost: `£${n % 900}`,
          mode: 'online',
        },
        {
          providerId: provider.id,
          country: 'GB',
          source: 'feed',
          sourceUrl: provider.url,
          fetchedAt: '2026-11-01T00:00:00.000Z',
          key: `bulk-${n}`,
          extractor: 'feed',
        },
      );
      if ('error' in built) throw new Error(built.error);
      ids.push(built.course.id);
      writeSync(out, `${n > 0 ? ',\n' : ''}${JSON.stringify(built.course)}`);
    }
    writeSync(out, '\n]}\n');
    closeSync(out);
  }, 120_000);

  it('leaves whole batches only, and a rerun completes the import without duplicates', async () => {
    const interrupted = await shortlist(['import', file, '--format', 'json'], /imported 5,000 records/);
    expect(interrupted.killed).toBe(true);

    const batch = new Map(ids.map((id, n) => [id, Math.floor(n / 1000)]));
    const perBatch = new Map<number, number>();
    for (const { recordId } of catalogueSnapshot(catalogueFile).records) {
      const b = batch.get(recordId)!;
      perBatch.set(b, (perBatch.get(b) ?? 0) + 1);
    }
    const stored = [...perBatch.values()].reduce((sum, n) => sum + n, 0);
    expect(stored).toBeGreaterThanOrEqual(5000);
    expect(stored).toBeLessThan(50_000);
    expect([...perBatch.values()].every((n) => n === 1000)).toBe(true);

    const rerun = await shortlist(['import', file, '--format', 'json']);
    expect(rerun.code).toBe(0);
    expect(rerun.output).toMatch(
      /50000 records: 50000 imported \(\d+ new, 0 changed, \d+ unchanged\), 0 invalid/,
    );
    const { listings, records } = catalogueSnapshot(catalogueFile);
    const bulk = records.filter((record) => record.providerId === 'bulk-academy');
    expect(bulk).toHaveLength(50_000);
    expect(
      listings.filter((listing) => listing.providerId === 'bulk-academy' && listing.status === 'active'),
    ).toHaveLength(50_000);
    expect(new Set(records.map((record) => record.urlKey)).size).toBe(records.length);
  }, 300_000);
});

describe('SIGKILL while a partner feed is applied (issue 6)', () => {
  const provider: Provider = {
    id: 'harbour-institute',
    name: 'Harbour Institute',
    type: 'college',
    country: 'GB',
    url: 'https://www.harbour.example/',
  };
  const feed = (count: number, price: number) =>
    ['course_id,title,url,duration,cost,mode']
      .concat(
        Array.from(
          { length: count },
          (_, n) =>
            `H${n},Harbour course ${n},https://www.harbour.example/c/${n},${1 + (n % 30)} weeks,£${price + (n % 50)},Online`,
        ),
      )
      .join('\n');
  const small = join(dataDir, 'harbour-v1.csv');
  const large = join(dataDir, 'harbour-v2.csv');

  beforeAll(async () => {
    withStore((store) => store.upsertProvider(provider));
    writeFileSync(small, feed(100, 100));
    writeFileSync(large, feed(30_000, 200));
    const first = await shortlist(['import', small, '--provider', provider.id]);
    expect(first.code).toBe(0);
  }, 120_000);

  it('shows the catalogue as it was before the feed, and re-sending the feed completes it', async () => {
    const state = () => catalogueSnapshot(catalogueFile);
    const before = state();
    const killed = await shortlist(
      ['import', large, '--provider', provider.id],
      /applying 30,000 courses in one transaction/,
    );
    expect(killed.killed).toBe(true);
    expect(state()).toEqual(before);

    const resent = await shortlist(['import', large, '--provider', provider.id]);
    expect(resent.code).toBe(0);
    expect(resent.output).toContain(
      '30000 rows: 30000 accepted (29900 new, 100 changed, 0 unchanged), 0 rejected',
    );
    const active = catalogueSnapshot(catalogueFile).listings.filter(
      (listing) => listing.providerId === provider.id && listing.status === 'active',
    );
    expect(active).toHaveLength(30_000);
  }, 300_000);
});
