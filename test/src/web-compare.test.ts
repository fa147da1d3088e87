import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser } from './browser.ts';
import { startSystem, type System } from './system.ts';
import { cardTitles, expectAccessible, openPage, resultsShown, tabTo } from './web-page.ts';

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

const columnHeads = (page: import('playwright-core').Page) =>
  page.locator('.compare-table thead th a').allTextContents();

describe('comparing courses in Chromium', () => {
  it('compares 3 courses chosen from cards: the tray stays across pages, the view marks differences and exports CSV', async () => {
    const page = await openPage(browser, `${system.url}/?q=data`);
    await resultsShown(page);
    const titles = (await cardTitles(page)).slice(0, 3);
    for (let n = 0; n < 3; n++)
      await page
        .locator('#results .result')
        .nth(n)
        .getByRole('button', { name: /^Add to compare/ })
        .click();
    await expect.poll(() => page.locator('#tray .tray-name').allTextContents()).toEqual(titles);
    await expectAccessible(page);

    // the tray is still there on another page
    await page.locator('#results .result h3 a').nth(3).click();
    await page.waitForURL(/course\.html/);
    await page.locator('h1').waitFor();
    expect(await page.locator('#tray .tray-name').allTextContents()).toEqual(titles);
    await page.getByRole('link', { name: 'Compare 3 courses' }).click();
    await page.waitForURL(/compare\.html\?courses=/);
    await page.locator('.compare-table').waitFor();
    expect(await columnHeads(page)).toEqual(titles);
    expect(await page.locator('h1').textContent()).toBe('Comparing 3 courses');
    const rows = await page.locator('.compare-table tbody th').allTextContents();
    expect(rows).toEqual(expect.arrayContaining(['Cost per hour of work (EUR)', 'Cost per credit (EUR)', 'Does not state'])); // prettier-ignore
    const differing = await page.locator('.compare-table tr.differs').count();
    expect(await page.textContent('#compare .summary')).toContain(`${differing} facts differ`);
    await expectAccessible(page);

    // showing only the differences hides the rows that are the same
    await page.getByLabel('Show only the facts that differ').check();
    expect(await page.locator('.compare-table tbody tr:visible').count()).toBe(differing);

    // the link to share opens the same comparison where the tray is empty
    const shared = await page.inputValue('#share');
    const elsewhere = await openPage(browser, shared);
    await elsewhere.locator('.compare-table').waitFor();
    expect(await columnHeads(elsewhere)).toEqual(titles);
    await elsewhere.close();

    const csv = await fetch(new URL((await page.getAttribute('#compare-csv', 'href'))!, system.url));
    expect(csv.headers.get('content-type')).toContain('text/csv');
    const table = await csv.text();
    for (const title of titles) expect(table).toContain(title.includes(',') ? `"${title}"` : title);
    await page.close();
  });

  it('marks the lowest cost per hour of work, which is in one currency for every course', async () => {
    const { hits } = (await (
      await fetch(`${system.url}/v1/search?sort=costPerHour:asc&perPage=50`)
    ).json()) as { hits: { id: string; cost: { perHour: number | null } }[] };
    const priced = hits.filter((hit) => hit.cost.perHour !== null);
    const cheapest = priced[0]!;
    const dearer = priced.find((hit) => hit.cost.perHour! > cheapest.cost.perHour!)!;
    const page = await openPage(browser, `${system.url}/compare.html?courses=${dearer.id},${cheapest.id}`);
    const perHour = page.locator('.compare-table tbody tr', {
      has: page.getByRole('rowheader', { name: /^Cost per hour of work \(EUR\)/ }),
    });
    await perHour.waitFor();
    expect(await perHour.locator('td').evaluateAll((cells) => cells.map((cell) => cell.classList.contains('lowest')))).toEqual([false, true]); // prettier-ignore
    expect(await perHour.locator('td.lowest').textContent()).toMatch(/Lowest$/);
    await expectAccessible(page);
    await page.close();
  });

  it('keeps a comparison to 4 courses and says why a fifth is not added', async () => {
    const page = await openPage(browser, `${system.url}/?q=course`);
    await resultsShown(page);
    const add = (n: number) => page.locator('#results .result').nth(n).locator('.tray-toggle').click();
    for (let n = 0; n < 5; n++) await add(n);
    expect(await page.locator('#tray .tray-name').count()).toBe(4);
    expect(await page.textContent('#tray-status')).toMatch(/holds 4 courses: take one out/);
    await page
      .locator('#tray')
      .getByRole('button', { name: /^Take .* out of the comparison$/ })
      .first()
      .click();
    expect(await page.locator('#tray .tray-name').count()).toBe(3);
    await page.close();
  });

  it('adds courses and compares them with the keyboard alone', async () => {
    const page = await openPage(browser, `${system.url}/?q=data`);
    await resultsShown(page);
    await tabTo(page, '#results .result:nth-child(1) .tray-toggle');
    await page.keyboard.press('Enter');
    await tabTo(page, '#results .result:nth-child(2) .tray-toggle');
    await page.keyboard.press(' ');
    await tabTo(page, '#tray a');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Compare 2 courses');
    await page.keyboard.press('Enter');
    await page.waitForURL(/compare\.html/);
    await page.locator('.compare-table').waitFor();
    expect((await columnHeads(page)).length).toBe(2);
    await tabTo(page, '.compare-table thead .loosen');
    await page.keyboard.press('Enter');
    await page.locator('.compare-table').waitFor({ state: 'detached' });
    expect(await page.textContent('#compare')).toContain('Choose 2 to 4 courses');
    await page.close();
  });
});

describe('a course page in Chromium', () => {
  it('gives each fact its provenance, the price history, what is missing and the link to enrol', async () => {
    const { hits } = (await (await fetch(`${system.url}/v1/search?q=data`)).json()) as {
      hits: { id: string }[];
    };
    const page = await openPage(browser, `${system.url}/course.html?id=${hits[0]!.id}`);
    await page.locator('h1').waitFor();
    expect(await page.locator('.fact-row .provenance').first().textContent()).toMatch(
      /^(From|Read from) .*, (today|yesterday|\d+ days ago)/,
    );
    expect(await page.locator('h2', { hasText: 'Price history' }).count()).toBe(1);
    expect(await page.getByRole('link', { name: 'Enrol on the provider’s site →' }).getAttribute('href')).toMatch(/^http/); // prettier-ignore
    expect(await page.textContent('.completeness-panel')).toMatch(/\d+% complete/);
    await page.getByRole('button', { name: /^Add to compare/ }).click();
    expect(await page.locator('#tray .tray-name').count()).toBe(1);
    await expectAccessible(page);
    await page.close();
  });
  it('lists each price the course has had, newest last, once the provider changes it', async () => {
    const { hits } = (await (await fetch(`${system.url}/v1/search?freeClass=paid`)).json()) as {
      hits: { id: string }[];
    };
    const course = system.store.getCourse(hits[0]!.id)!;
    const raised = course.cost.amount! + 100;
    system.store.upsertCourses([
      { ...course, cost: { ...course.cost, amount: raised }, contentHash: `${course.contentHash}-raised` },
    ]);
    const page = await openPage(browser, `${system.url}/course.html?id=${course.id}`);
    const rows = page.locator('.price-history tbody tr');
    await rows.first().waitFor();
    expect(await rows.count()).toBe(2);
    expect(await rows.last().textContent()).toContain(raised.toLocaleString('en'));
    await expectAccessible(page);
    await page.close();
  });
});

describe('providers in Chromium', () => {
  it('shows a provider: who they are, their statistics and their courses', async () => {
    const page = await openPage(browser, `${system.url}/?q=data`);
    await resultsShown(page);
    const provider = page.locator('#results .result .provider a').first();
    const name = await provider.textContent();
    await provider.click();
    await page.waitForURL(/provider\.html\?id=/);
    await expect.poll(() => page.textContent('h1')).toBe(name);
    const id = new URL(page.url()).searchParams.get('id')!;
    const stats = (await (await fetch(`${system.url}/v1/providers/${id}`)).json()) as { courseCount: number; courses: { hits: { title: string }[] } }; // prettier-ignore
    expect(await page.textContent('#courses-heading')).toBe(`Courses (${stats.courseCount})`);
    expect(await page.locator('.result h3').allTextContents()).toEqual(
      stats.courses.hits.map((hit) => hit.title),
    );
    expect(await page.textContent('.stats')).toContain('Median cost');
    await expectAccessible(page);
    await page.close();
  });

  it('compares two providers side by side, for advisers', async () => {
    const page = await openPage(browser, `${system.url}/provider.html`);
    const cards = page.locator('#provider .result');
    await cards.first().waitFor();
    await expectAccessible(page);
    const names = [
      await cards.nth(0).locator('h2').textContent(),
      await cards.nth(1).locator('h2').textContent(),
    ];
    await cards
      .nth(0)
      .getByRole('button', { name: /^Add to compare/ })
      .click();
    await cards
      .nth(1)
      .getByRole('button', { name: /^Add to compare/ })
      .click();
    await page.getByRole('link', { name: 'Compare 2 providers' }).click();
    await page.waitForURL(/compare\.html\?providers=/);
    await page.locator('.compare-table').waitFor();
    expect(await columnHeads(page)).toEqual(names);
    expect(await page.locator('.compare-table tbody th').allTextContents()).toEqual(
      expect.arrayContaining([expect.stringMatching(/^Courses/)]),
    );
    await expectAccessible(page);
    await page.close();
  });
});

describe('compare, course and provider pages on a phone 360 px wide', () => {
  it('fit the screen and pass axe-core', async () => {
    const { hits } = (await (await fetch(`${system.url}/v1/search?q=data`)).json()) as {
      hits: { id: string; provider: { id: string } }[];
    };
    const ids = hits.slice(0, 3).map((hit) => hit.id);
    for (const [path, shown] of [
      [`/compare.html?courses=${ids.join(',')}`, '.compare-table'],
      [`/course.html?id=${ids[0]}`, '.fact-sheet'],
      [`/provider.html?id=${hits[0]!.provider.id}`, '#courses-heading'],
      ['/provider.html', '#provider .result'],
    ] as const) {
      const page = await openPage(browser, `${system.url}${path}`, { width: 360, height: 740 });
      await page.locator(shown).first().waitFor();
      // nothing but the comparison table (which scrolls in its own region) is wider than the screen
      expect(await page.evaluate(() => document.documentElement.scrollWidth), path).toBeLessThanOrEqual(360);
      await expectAccessible(page);
      await page.close();
    }
  });
});
