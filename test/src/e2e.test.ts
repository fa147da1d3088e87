import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser } from './browser.ts';
import { demoExpected } from '@shortlist/demo';
import { startSystem, type System } from './system.ts';

let system: System;
let browser: Browser;

beforeAll(async () => {
  system = await startSystem();
  browser = await launchBrowser();
}, 180_000);
afterAll(async () => {
  await browser?.close();
  await system?.stop();
});

async function search(query: string) {
  const response = await fetch(`${system.url}/v1/search?${query}`);
  expect(response.status).toBe(200);
  return await response.json();
}

describe('demo sites → crawl → catalogue → Meilisearch → API', () => {
  it('crawls every demo course without errors', async () => {
    const expected = demoExpected();
    expect(system.reports.flatMap((report) => report.errors)).toEqual([]);
    expect(system.reports.flatMap((report) => report.rejected)).toEqual([]);
    const { total } = await search('perPage=1');
    expect(total).toBe(expected.length);
    expect(total).toBeGreaterThanOrEqual(150);
  });

  it('normalises every demo course’s mode, duration and cost to the ground truth', () => {
    const listings = [...system.store.activeCourses()].flat();
    const mismatches = demoExpected().flatMap((expected) => {
      const course = listings.find(
        (listing) => listing.providerId === expected.providerId && listing.title === expected.title,
      );
      if (!course) return [`${expected.title}: missing`];
      const actual = {
        mode: course.delivery.mode,
        minWeeks: course.duration.minWeeks,
        maxWeeks: course.duration.maxWeeks,
        costAmount: course.cost.amount,
        costCurrency: expected.costCurrency === null ? null : course.cost.currency,
      };
      const wanted = {
        mode: expected.mode,
        minWeeks: expected.minWeeks,
        maxWeeks: expected.maxWeeks,
        costAmount: expected.costAmount,
        costCurrency: expected.costCurrency,
      };
      return JSON.stringify(actual) === JSON.stringify(wanted)
        ? []
        : [`${expected.title}: ${JSON.stringify(actual)} ≠ ${JSON.stringify(wanted)}`];
    });
    expect(mismatches).toEqual([]);
  });

  it('finds demo courses about data', async () => {
    const body = await search('q=data&perPage=50');
    expect(body.total).toBeGreaterThan(2);
    expect(body.hits.some((hit: any) => /data/i.test(hit.title))).toBe(true);
  });

  it('returns only online courses of at most 8 weeks, as many as the facet says and the demo holds', async () => {
    const body = await search('mode=online&maxWeeks=8&perPage=100');
    expect(body.total).toBeGreaterThan(0);
    for (const hit of body.hits) {
      expect(hit.deliveryMode).toBe('online');
      expect(hit.duration.maxWeeks).toBeLessThanOrEqual(8);
    }
    // the mode facet counts without its own choice: online is chosen, and counts every course found
    expect(body.facets.mode.values.find((value: any) => value.value === 'online')).toEqual({
      value: 'online',
      label: 'Online',
      count: body.total,
      selected: true,
    });
    const expected = demoExpected().filter(
      (course) => course.mode === 'online' && course.maxWeeks !== null && course.maxWeeks <= 8,
    );
    expect(body.total).toBe(expected.length);
  });

  it('filters by every facet it offers: each value’s count is the total when filtering on it', async () => {
    const { facets } = await search('perPage=1');
    for (const [name, { values }] of Object.entries<{ values: { value: string; count: number }[] }>(facets)) {
      expect(values.length, name).toBeGreaterThan(0);
      for (const { value, count } of values.slice(0, 3)) {
        const filtered = await search(`${name}=${encodeURIComponent(value)}&perPage=1`);
        expect(filtered.total, `${name}=${value}`).toBe(count);
      }
    }
  });
});

describe('search page in Chromium', () => {
  it('searches, narrows by a facet and opens a course page', async () => {
    const page = await browser.newPage();
    // the results region is busy until what it shows answers the latest search
    const shown = () => page.locator('#results-region[aria-busy="false"]').waitFor();
    await page.goto(system.url);
    await shown();
    const all = Number((await page.textContent('#summary'))!.split(' ')[0]);
    await page.fill('#q', 'data');
    await page.press('#q', 'Enter');
    await page.waitForURL(/q=data/);
    await shown();
    const before = Number((await page.textContent('#summary'))!.split(' ')[0]);
    expect(before).toBeGreaterThan(0);
    expect(before).toBeLessThan(all);

    const online = page.locator('#facet-mode .facet-value', { hasText: 'Online' });
    const onlineCount = Number(await online.locator('.count').textContent());
    await online.click();
    await page.waitForURL(/mode=online/);
    await shown();
    expect(await page.textContent('#summary')).toMatch(new RegExp(`^${onlineCount} courses? found`));
    expect(onlineCount).toBeLessThanOrEqual(before);
    expect(await page.locator('#results .result').count()).toBe(Math.min(onlineCount, 20));

    const first = page.locator('#results .result h3 a').first();
    const title = await first.textContent();
    await first.click();
    await page.waitForURL(/course\.html\?id=/);
    await expect.poll(() => page.textContent('h1')).toBe(title);
    expect(await page.textContent('.completeness-panel')).toMatch(/\d+% complete/);
    await page.close();
  });

  it('chooses two delivery modes at once, counting courses of either, and marks the words searched for', async () => {
    const page = await browser.newPage();
    const shown = () => page.locator('#results-region[aria-busy="false"]').waitFor();
    await page.goto(`${system.url}/?q=data`);
    await shown();
    expect(await page.locator('#results .result h3 mark').first().textContent()).toMatch(/^data$/i);
    const mode = (label: string) => page.locator('#facet-mode .facet-value', { hasText: label });
    const count = async (label: string) => Number(await mode(label).locator('.count').textContent());
    const [online, blended] = [await count('Online'), await count('Blended')];
    await mode('Online').click();
    await page.waitForURL(/mode=online/);
    await shown();
    // choosing online leaves the other modes' counts as they were
    expect(await count('Blended')).toBe(blended);
    await mode('Blended').click();
    await page.waitForURL(/mode=online%2Cblended/);
    await shown();
    expect(await page.textContent('#summary')).toMatch(new RegExp(`^${online + blended} courses? found`));
    expect(await mode('Online').getAttribute('aria-pressed')).toBe('true');
    expect(await mode('Blended').getAttribute('aria-pressed')).toBe('true');
    await page.close();
  });

  it('shows a description containing <script> as literal text and never runs it', async () => {
    const page = await browser.newPage();
    const dialogs: string[] = [];
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    const { hits } = await search('q=Web%20Application%20Security');
    expect(hits.length).toBeGreaterThan(0);
    await page.goto(`${system.url}/course.html?id=${hits[0].id}`);
    await page.locator('h1').waitFor();
    const text = await page.locator('#course').innerText();
    expect(text).toContain('<script>alert(1)</script>');
    expect(await page.locator('#course script').count()).toBe(0);
    expect(dialogs).toEqual([]);
    await page.close();
  });
});
