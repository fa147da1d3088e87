import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { accessibilityViolations } from './axe.ts';
import { launchBrowser } from './browser.ts';
import { startSystem, type System } from './system.ts';
import { cardTitles, expectAccessible, foundCount, openPage, resultsShown, tabTo } from './web-page.ts';

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

async function api(query: string) {
  const response = await fetch(`${system.url}/v1/search?${query}`);
  expect(response.status).toBe(200);
  return (await response.json()) as { total: number; hits: { title: string }[] };
}

describe('browsing and searching in Chromium', () => {
  it('opens on fields of education and ways in, each a search that finds as many courses as it says', async () => {
    const page = await openPage(browser, system.url);
    await resultsShown(page);
    const field = page.locator('.field-tree > li > a').first();
    await field.waitFor();
    await expectAccessible(page);
    const fieldCount = Number(
      (await field.locator('.count').textContent())!.split(' ')[0]!.replaceAll(',', ''),
    );
    const fieldName = (await field.evaluate((link) => link.firstChild!.textContent))!;
    await field.click();
    await page.waitForURL(/field=\d\d$/);
    await resultsShown(page);
    expect(await foundCount(page)).toBe(fieldCount);
    await page.locator('#browse').waitFor({ state: 'hidden' });
    // the field chosen is a chip, named, and one click takes it away
    expect(await page.locator('#chips .chip').first().textContent()).toContain(fieldName);
    await page.locator('#chips .chip').first().click();
    await resultsShown(page);
    // the browse view comes back, drawn after the first results so that it never delays them
    await page.locator('#browse').waitFor({ state: 'visible' });

    const free = page.locator('.entry-points a', { hasText: 'Free to study' });
    const freeCount = Number((await free.locator('.count').textContent())!.split(' ')[0]);
    await free.click();
    await page.waitForURL(/free=true/);
    await resultsShown(page);
    expect(await foundCount(page)).toBe(freeCount);
    expect(await page.locator('#chips').textContent()).toContain('Free to study');
    await page.close();
  });

  it('shows results as you type, and a slower answer to older words never replaces newer ones', async () => {
    const page = await openPage(browser, system.url);
    await resultsShown(page);
    // the answer to "welding" is held back until the answer to "data" is on screen
    let release: () => void = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    const asked = new Promise<void>(
      (resolve) =>
        void page.route(/\/v1\/search\?q=welding/, async (route) => {
          resolve();
          await held;
          await route.continue().catch(() => {});
        }),
    );
    await page.fill('#q', 'welding');
    await asked;
    await page.fill('#q', 'data');
    await page.waitForURL(/q=data/);
    await resultsShown(page);
    const data = await api('q=data');
    expect(await foundCount(page)).toBe(data.total);
    release();
    await page.waitForLoadState('networkidle');
    expect(await foundCount(page)).toBe(data.total);
    expect(await cardTitles(page)).toEqual(data.hits.map((hit) => hit.title));
    // typing made one history entry, not one per search
    await page.goBack();
    await resultsShown(page);
    expect(new URL(page.url()).search).toBe('');
    await page.close();
  });

  it('narrows by a duration range, a start date range and total hours, shown as chips that remove in one click', async () => {
    const page = await openPage(browser, system.url);
    await resultsShown(page);
    await page.fill('#minWeeks', '4');
    await page.press('#minWeeks', 'Tab');
    await page.waitForURL(/minWeeks=4/);
    await page.fill('#maxWeeks', '8');
    await page.press('#maxWeeks', 'Tab');
    await page.waitForURL(/maxWeeks=8/);
    await resultsShown(page);
    expect(await foundCount(page)).toBe((await api('minWeeks=4&maxWeeks=8')).total);
    expect(await page.locator('#chips .chip').allTextContents()).toEqual([
      expect.stringContaining('At least 4 weeks'),
      expect.stringContaining('At most 8 weeks'),
    ]);
    await expectAccessible(page);
    await page.locator('#chips .chip', { hasText: 'At most 8 weeks' }).click();
    await resultsShown(page);
    expect(page.url()).not.toContain('maxWeeks');
    expect(await page.inputValue('#maxWeeks')).toBe('');
    expect(await foundCount(page)).toBe((await api('minWeeks=4')).total);

    await page.fill('#startsAfter', '2020-01-01');
    await page.press('#startsAfter', 'Tab');
    await page.waitForURL(/startsAfter=2020-01-01/);
    await resultsShown(page);
    expect(await foundCount(page)).toBe((await api('minWeeks=4&startsAfter=2020-01-01')).total);
    expect(await page.locator('#chips').textContent()).toContain('Starts from 1 Jan 2020');

    await page.fill('#maxTotalHours', '40');
    await page.press('#maxTotalHours', 'Tab');
    await page.waitForURL(/maxTotalHours=40/);
    await resultsShown(page);
    expect(await foundCount(page)).toBe(
      (await api('minWeeks=4&startsAfter=2020-01-01&maxTotalHours=40')).total,
    );
    expect(await page.locator('#chips').textContent()).toContain('At most 40 hours in all');

    // a value the API refuses is said, naming the parameter, and the results stay as they were
    await page.fill('#minWeeks', '-3');
    await page.press('#minWeeks', 'Tab');
    await page.waitForURL(/minWeeks=-3/);
    await resultsShown(page);
    expect(await page.textContent('#summary')).toMatch(/^Search failed: .*minWeeks/);
    await page.close();
  });

  it('sorts by cost and pages through the results, each page its own URL that back returns to', async () => {
    const page = await openPage(browser, system.url);
    await resultsShown(page);
    await page.selectOption('#sort', 'cost:asc');
    await page.waitForURL(/sort=cost%3Aasc/);
    await resultsShown(page);
    const first = await api('sort=cost:asc');
    expect(await cardTitles(page)).toEqual(first.hits.map((hit) => hit.title));
    await page.getByRole('link', { name: 'Next page' }).click();
    await page.waitForURL(/page=2/);
    await resultsShown(page);
    expect(await cardTitles(page)).toEqual((await api('sort=cost:asc&page=2')).hits.map((hit) => hit.title));
    expect(await page.textContent('#pager [aria-current="page"]')).toMatch(/^Page 2 of \d+$/);
    await page.goBack();
    await resultsShown(page);
    expect(await cardTitles(page)).toEqual(first.hits.map((hit) => hit.title));
    await page.close();
  });

  it('restores the whole search from a shared URL, and back undoes the next change', async () => {
    const shared = `${system.url}/?q=data&mode=online&sort=duration%3Aasc&maxWeeks=20`;
    const page = await openPage(browser, shared);
    await resultsShown(page);
    expect(await page.inputValue('#q')).toBe('data');
    expect(await page.inputValue('#sort')).toBe('duration:asc');
    expect(await page.inputValue('#maxWeeks')).toBe('20');
    expect(await page.getAttribute('#facet-mode [data-value="online"]', 'aria-pressed')).toBe('true');
    const expected = await api('q=data&mode=online&sort=duration:asc&maxWeeks=20');
    expect(await foundCount(page)).toBe(expected.total);
    expect(await cardTitles(page)).toEqual(expected.hits.map((hit) => hit.title));

    await page.locator('#chips .chip', { hasText: 'Online' }).click();
    await page.waitForURL((url) => !url.search.includes('mode='));
    await resultsShown(page);
    await page.goBack();
    await resultsShown(page);
    expect(page.url()).toBe(shared);
    expect(await page.getAttribute('#facet-mode [data-value="online"]', 'aria-pressed')).toBe('true');
    expect(await foundCount(page)).toBe(expected.total);
    await page.close();
  });

  it('suggests which filter to loosen when nothing matches', async () => {
    const page = await openPage(browser, `${system.url}/?q=data&maxCost=1&currency=EUR&minWeeks=50`);
    await resultsShown(page);
    expect(await foundCount(page)).toBe(0);
    const loosen = page.locator('#empty .loosen');
    await loosen.first().waitFor();
    const first = (await loosen.first().textContent())!;
    const total = Number(/: ([\d,]+) courses?$/.exec(first)![1]!.replaceAll(',', ''));
    expect(total).toBeGreaterThan(0);
    await expectAccessible(page);
    await loosen.first().click();
    await resultsShown(page);
    expect(await foundCount(page)).toBe(total);
    await page.close();
  });

  it('offers the search as an Atom feed to follow and as CSV and JSON files', async () => {
    const page = await openPage(browser, `${system.url}/?q=data&mode=online`);
    await resultsShown(page);
    const follow = page.getByRole('link', { name: 'Follow this search (Atom feed)' });
    const atom = new URL((await follow.getAttribute('href'))!, system.url);
    expect(Object.fromEntries(atom.searchParams)).toEqual({ q: 'data', mode: 'online' });
    const feed = await fetch(atom);
    expect(feed.headers.get('content-type')).toContain('application/atom+xml');
    const xml = await feed.text();
    expect(xml).toContain('<feed xmlns="http://www.w3.org/2005/Atom"');
    const shown = await cardTitles(page);
    expect((xml.match(/<entry>/g) ?? []).length).toBe(shown.length);

    const csv = await fetch(new URL((await page.getAttribute('#export-csv', 'href'))!, system.url));
    expect(csv.headers.get('content-type')).toContain('text/csv');
    const rows = (await csv.text()).trim().split('\r\n');
    expect(rows.length - 1).toBe(await foundCount(page));
    const json = await fetch(new URL((await page.getAttribute('#export-json', 'href'))!, system.url));
    expect(((await json.json()) as { total: number }).total).toBe(await foundCount(page));
    await page.close();
  });

  it('searches and filters with the keyboard alone, focus always visible, and announces the count', async () => {
    const page = await openPage(browser, system.url);
    await resultsShown(page);
    await tabTo(page, '#q');
    await page.keyboard.type('data');
    await page.keyboard.press('Enter');
    await page.waitForURL(/q=data/);
    await resultsShown(page);
    expect(await page.getAttribute('#summary', 'role')).toBe('status');
    await tabTo(page, '#facet-mode [data-value="online"]');
    await page.keyboard.press('Enter');
    await page.waitForURL(/mode=online/);
    await resultsShown(page);
    expect(await foundCount(page)).toBe((await api('q=data&mode=online')).total);
    // the facet is drawn anew with the results, and focus stays on the value pressed
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-pressed'))).toBe('true');
    expect(await page.evaluate(() => (document.activeElement as HTMLElement).dataset.value)).toBe('online');
    await tabTo(page, '#sort');
    await page.keyboard.press('ArrowDown');
    await page.waitForURL(/sort=start/);
    await resultsShown(page);
    await tabTo(page, '#chips .chip');
    await page.keyboard.press('Enter');
    await resultsShown(page);
    expect(page.url()).not.toContain('q=data');
    // focus moves to the chip that took the removed one's place
    await expect.poll(() => page.evaluate(() => document.activeElement?.className)).toBe('chip');
    await expectAccessible(page);
    await page.close();
  });
});

describe('result cards in Chromium', () => {
  it('shows a duration in the provider’s own unit, a cost in its own currency, and the words matched', async () => {
    const page = await openPage(browser, `${system.url}/?q=${encodeURIComponent('HR Business Partnering')}`);
    await resultsShown(page);
    const card = page.locator('#results .result', { hasText: 'HR Business Partnering' }).first();
    const facts = await card.locator('.fact').allTextContents();
    expect(facts).toContain('3 months');
    expect(facts.join(' ')).not.toMatch(/13\.0 weeks|13 weeks/);
    const { hits } = (await (await fetch(`${system.url}/v1/search?q=HR%20Business%20Partnering`)).json()) as {
      hits: { title: string; cost: { amount: number; currency: string; reference: { amount: number } } }[];
    };
    const hit = hits.find((one) => one.title === 'HR Business Partnering')!;
    const money = (amount: number, currency: string) =>
      new Intl.NumberFormat('en', { style: 'currency', currency, maximumFractionDigits: amount % 1 ? 2 : 0 }).format(amount); // prettier-ignore
    expect(await card.locator('.cost').textContent()).toBe(
      hit.cost.currency === 'EUR'
        ? money(hit.cost.amount, 'EUR')
        : `${money(hit.cost.amount, hit.cost.currency)} (≈ ${money(hit.cost.reference.amount, 'EUR')})`,
    );
    expect(await card.locator('h3 mark').allTextContents()).toEqual(
      expect.arrayContaining([expect.stringMatching(/^(HR|Business|Partnering)$/)]),
    );
    await page.close();
  });
});

describe('on a phone 360 px wide', () => {
  it('shows results first and opens the filters in a drawer', async () => {
    const page = await openPage(browser, `${system.url}/?q=data`, { width: 360, height: 740 });
    await resultsShown(page);
    const card = await page.locator('#results .result').first().boundingBox();
    expect(card!.y).toBeLessThan(740);
    expect(await page.locator('#filters').isHidden()).toBe(true);
    await expectAccessible(page);
    await page.getByRole('button', { name: /^Filters/ }).click();
    expect(await page.locator('#filters').isVisible()).toBe(true);
    expect(await page.getAttribute('#filters-toggle', 'aria-expanded')).toBe('true');
    // the page behind the drawer takes no focus while it is open
    expect(await page.evaluate(() => document.getElementById('results-region')!.inert)).toBe(true);
    await expectAccessible(page);
    await page.locator('#facet-mode [data-value="online"]').click();
    await page.waitForURL(/mode=online/);
    await resultsShown(page);
    await page.getByRole('button', { name: 'Show results' }).click();
    expect(await page.locator('#filters').isHidden()).toBe(true);
    expect(await page.textContent('#filters-toggle')).toMatch(/Filters\s*\(2\)/);
    expect(await foundCount(page)).toBe((await api('q=data&mode=online')).total);
    // Escape closes the drawer too, and focus goes back to the button that opened it
    await page.getByRole('button', { name: /^Filters/ }).click();
    await page.keyboard.press('Escape');
    expect(await page.locator('#filters').isHidden()).toBe(true);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('filters-toggle');
    await page.close();
  });
});

describe('the accessibility check', () => {
  it('fails when a page has a violation: text too faint to read', async () => {
    const page = await openPage(browser, system.url);
    await resultsShown(page);
    await page.evaluate(() => {
      const faint = document.createElement('p');
      faint.textContent = 'Hard to read';
      faint.style.cssText = 'color: #d0d0d0; background: #ffffff';
      document.querySelector('main')!.prepend(faint);
    });
    const violations = await accessibilityViolations(page);
    expect(violations).toEqual([expect.stringMatching(/^color-contrast /)]);
    await page.close();
  });
});
