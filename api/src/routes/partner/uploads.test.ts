import { mkdtempSync, readdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CatalogueStore, createMeiliClient, SearchIndex } from '@shortlist/indexer';
import { PartnerAccounts } from '@shortlist/indexer/partners';
import { createApp } from '../../app.ts';
import { readPartnerSettings } from './env.ts';
import { FeedRunner } from '../../feeds/runner.ts';

const providers = ['harbour', 'rival'].map((name) => ({
  id: `${name}-institute`,
  name: `${name} Institute`,
  type: 'college' as const,
  country: 'GB',
  url: `https://www.${name}.example/`,
}));
const BOUNDARY = 'shortlist-upload-test';
const dataDir = mkdtempSync(join(tmpdir(), 'uploads-'));
const uploadsDir = join(dataDir, 'feed-uploads');
let store: CatalogueStore;
let runner: FeedRunner;
let app: ReturnType<typeof createApp>;
let harbourKey: string;
let rivalKey: string;

beforeAll(async () => {
  store = new CatalogueStore(join(dataDir, 'catalogue.db'));
  const accounts = new PartnerAccounts(store);
  for (const provider of providers) store.upsertProvider(provider);
  harbourKey = (await accounts.create('Harbour', providers[0]!.id)).key;
  rivalKey = (await accounts.create('Rival', providers[1]!.id)).key;
  runner = new FeedRunner(store);
  const settings = { ...readPartnerSettings({}), maxFeedBytes: 4 * 1024 * 1024, maxConcurrentUploads: 2 };
  // these routes never search, so the index is never called
  const index = new SearchIndex(createMeiliClient('http://127.0.0.1:9', 'unused'), 'unused');
  app = createApp({ store, index, partner: { settings, runner, uploadsDir } });
});
afterAll(async () => {
  await runner.idle();
  store.close();
});

const rows = (from: number, count: number, name = 'harbour') =>
  Array.from(
    { length: count },
    (_, n) =>
      `${name}-${from + n},Course ${from + n},https://www.${name}.example/c/${from + n},6 weeks,£300,Online\n`,
  ).join('');
const bytesOnDisk = () =>
  readdirSync(uploadsDir, { withFileTypes: true }).reduce(
    (sum, entry) => sum + statSync(join(uploadsDir, entry.name)).size,
    0,
  );
const filesOnDisk = () => readdirSync(uploadsDir).length;

/** A multipart upload whose body the test sends piece by piece, as a slow client would. */
function upload(key: string) {
  let controller!: ReadableStreamDefaultController<Uint8Array>;
  const body = new ReadableStream<Uint8Array>({ start: (opened) => void (controller = opened) });
  const send = (text: string) => controller.enqueue(new TextEncoder().encode(text));
  const response = app.request('/v1/partner/feeds', {
    method: 'POST',
    body,
    duplex: 'half',
    headers: { Authorization: `Bearer ${key}`, 'Content-Type': `multipart/form-data; boundary=${BOUNDARY}` },
  } as RequestInit);
  send(
    `--${BOUNDARY}\r\nContent-Disposition: form-data; name="file"; filename="courses.csv"\r\nContent-Type: text/csv\r\n\r\ncourse_id,title,url,duration,cost,mode\n`,
  );
  return {
    send,
    async finish(fields: Record<string, string> = {}) {
      for (const [name, value] of Object.entries(fields))
        send(`\r\n--${BOUNDARY}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}`);
      send(`\r\n--${BOUNDARY}--\r\n`);
      controller.close();
      const answer = await response;
      return { status: answer.status, body: await answer.json(), headers: answer.headers };
    },
  };
}

describe('feed uploads', () => {
  it('streams a multipart upload to disk as it arrives, not whole in memory', async () => {
    const slow = upload(harbourKey);
    slow.send(rows(0, 3000));
    // the first rows are on disk while the rest has not even been sent
    await expect.poll(bytesOnDisk).toBeGreaterThan(200_000);
    slow.send(rows(3000, 3000));
    const { status, body } = await slow.finish({ mode: 'upsert' });
    expect(status).toBe(202);
    await runner.idle();
    const job = await (
      await app.request(body.links.self, { headers: { Authorization: `Bearer ${harbourKey}` } })
    ).json();
    expect(job).toMatchObject({ status: 'done', source: 'courses.csv', counts: { new: 6000 } });
    // only their owner may read the uploads
    expect(statSync(uploadsDir).mode & 0o777).toBe(0o700);
    for (const name of readdirSync(uploadsDir))
      expect(statSync(join(uploadsDir, name)).mode & 0o777).toBe(0o600);
  });

  it('answers 429 with Retry-After to a third upload of one partner while two are arriving, and not to another partner', async () => {
    const before = filesOnDisk();
    const [first, second] = [upload(harbourKey), upload(harbourKey)];
    first.send(rows(0, 10));
    second.send(rows(10, 10));
    await expect.poll(filesOnDisk).toBe(before + 2);

    const third = upload(harbourKey);
    const refused = await third.finish();
    expect(refused.status).toBe(429);
    expect(refused.headers.get('retry-after')).toBe('10');
    expect(refused.body.error.message).toBe(
      '2 of your uploads are still arriving; send this one when one of them has finished (at most 2 at a time).',
    );
    const rival = upload(rivalKey);
    rival.send(rows(0, 2, 'rival'));
    expect((await rival.finish({ dryRun: 'true' })).status).toBe(200);

    expect((await first.finish({ dryRun: 'true' })).status).toBe(200);
    const fourth = upload(harbourKey);
    fourth.send(rows(20, 2));
    expect((await fourth.finish({ dryRun: 'true' })).status).toBe(200);
    expect((await second.finish({ dryRun: 'true' })).status).toBe(200);
  });
});
