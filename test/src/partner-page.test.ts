import { serve, type ServerType } from '@hono/node-server';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { createApp } from '@shortlist/api';
import {
  CatalogueStore,
  createMeiliClient,
  SearchIndex,
  startBundledMeilisearch,
  startSyncLoop,
  type MeiliConnection,
  type SyncLoop,
} from '@shortlist/indexer';
import { PartnerAccounts } from '@shortlist/indexer/partners';
import { launchBrowser } from './browser.ts';
import { WEB_ROOT } from './system.ts';
import { expectAccessible, openPage, tabTo } from './web-page.ts';

let meili: MeiliConnection;
let store: CatalogueStore;
let sync: SyncLoop;
let server: ServerType;
let url: string;
let key: string;
let browser: Browser;

beforeAll(async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'partner-page-'));
  meili = await startBundledMeilisearch(dataDir);
  store = new CatalogueStore(join(dataDir, 'catalogue.db'));
  store.upsertProvider({
    id: 'harbour-institute',
    name: 'Harbour Institute',
    type: 'college',
    country: 'GB',
    url: 'https://www.harbour.example/',
  });
  key = (await new PartnerAccounts(store).create('Harbour Institute', 'harbour-institute')).key;
  const index = new SearchIndex(createMeiliClient(meili.url, meili.key), 'courses_partner_page_test');
  await index.prepare();
  sync = startSyncLoop(store, index, { intervalMs: 200 });
  server = serve({
    fetch: createApp({ store, index, webRoot: WEB_ROOT }).fetch,
    port: 0,
    hostname: '127.0.0.1',
  });
  await new Promise((resolve) => server.once('listening', resolve));
  const address = server.address();
  url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  browser = await launchBrowser();
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await new Promise((resolve) => server?.close(resolve));
  await sync?.stop();
  store?.close();
  await meili?.stop();
});

const FEED = [
  'course_id,title,url,duration,cost,mode',
  'HI-1,Marine Engineering Basics,https://www.harbour.example/courses/marine,6 weeks,£450,Online',
  'HI-2,,https://www.harbour.example/courses/untitled,4 weeks,£200,Online',
  'HI-3,Boat Electrics,https://www.harbour.example/courses/electrics,3 months,£900,In person',
].join('\n');

async function signIn(page: Page) {
  await page.goto(`${url}/partner.html`);
  await page.fill('#key', key);
  await page.click('#key-form button[type=submit]');
  await page.locator('#who').filter({ hasText: 'Harbour Institute' }).waitFor();
}

describe('partner page in Chromium', () => {
  it('refuses a wrong key and says so', async () => {
    const page = await browser.newPage();
    await page.goto(`${url}/partner.html`);
    await page.fill('#key', 'slk_000000000000_not-a-real-key');
    await page.click('#key-form button[type=submit]');
    await page
      .locator('#who')
      .filter({ hasText: /not a Shortlist partner key|not valid/ })
      .waitFor();
    expect(await page.locator('#partner-tools').isHidden()).toBe(true);
    await page.close();
  });

  it('uploads a CSV with a bad row, highlights that row, offers the annotated file and lists the feed', async () => {
    const page = await browser.newPage();
    await signIn(page);
    await page.setInputFiles('#file', {
      name: 'harbour.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(FEED),
    });
    await page.click('#upload-form button[type=submit]');

    const bad = page.locator('#problems tr.rejected[data-row="3"]');
    await bad.waitFor();
    expect(await bad.textContent()).toContain('title is missing: every course needs a name.');
    const highlight = await bad.evaluate((row) => getComputedStyle(row).backgroundColor);
    expect(highlight).not.toBe('rgba(0, 0, 0, 0)');
    expect(await page.locator('#problems tr.rejected').count()).toBe(1);
    expect(await page.textContent('#outcome')).toMatch(/^Applied, except the rejected rows/);
    expect(await page.textContent('.count-new dd')).toBe('2');

    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#download-annotated')]);
    const annotated = readFileSync(await download.path(), 'utf8');
    expect(annotated).toContain('course_id,title,url,duration,cost,mode,errors');
    expect(annotated).toContain(
      'HI-2,,https://www.harbour.example/courses/untitled,4 weeks,£200,Online,title is missing',
    );

    await page.locator('#history tbody tr').first().waitFor();
    expect(await page.locator('#history tbody tr').first().textContent()).toContain('harbour.csv');
    await page.close();
  });

  it('signs in and uploads with the keyboard alone, and every state passes axe-core', async () => {
    const page = await openPage(browser, `${url}/partner.html`);
    await expectAccessible(page);
    await tabTo(page, '#key');
    await page.keyboard.type(key);
    await page.keyboard.press('Enter');
    await page.locator('#who').filter({ hasText: 'Harbour Institute' }).waitFor();
    await expectAccessible(page);
    await tabTo(page, '#file');
    // the file chooser is the operating system's: the test hands it the file, as a keyboard user picks it there
    await page.setInputFiles('#file', {
      name: 'keyboard.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(FEED),
    });
    await tabTo(page, '#upload-form button[type=submit]');
    await page.keyboard.press('Enter');
    await page.locator('#problems tr.rejected[data-row="3"]').waitFor();
    await expectAccessible(page);
    await page.close();
  });

  it('keeps the listings searchable: the accepted courses are found', async () => {
    await sync.flush();
    const response = await fetch(`${url}/v1/search?q=marine%20engineering`);
    const body = (await response.json()) as { hits: { title: string }[] };
    expect(body.hits.map((hit) => hit.title)).toContain('Marine Engineering Basics');
  });
});
