import type { Browser, Page } from 'playwright-core';
import { expect } from 'vitest';
import { accessibilityViolations } from './axe.ts';

/** A page of the web in its own context (its own localStorage), at a desktop or a phone's width. */
export async function openPage(
  browser: Browser,
  url: string,
  { width = 1280, height = 900 } = {},
): Promise<Page> {
  // bypassCSP lets the test inject axe-core; the page's own scripts are what the policy allows
  const context = await browser.newContext({ viewport: { width, height }, bypassCSP: true });
  const page = await context.newPage();
  await page.goto(url);
  return page;
}

/** Waits until the results on screen answer the latest search (the region is busy until then). */
export const resultsShown = (page: Page) => page.locator('#results-region[aria-busy="false"]').waitFor();

/** The number of courses the page says it found ("1,234 courses found"). */
export async function foundCount(page: Page): Promise<number> {
  const text = (await page.textContent('#summary')) ?? '';
  const match = /^([\d,]+)\+? courses? found/.exec(text);
  if (!match) throw new Error(`the summary says "${text}", not a count of courses`);
  return Number(match[1]!.replaceAll(',', ''));
}

export const cardTitles = (page: Page) => page.locator('#results .result h3').allTextContents();

/** Presses Tab until the focused element matches the selector; fails when it never does. */
export async function tabTo(page: Page, selector: string, most = 300): Promise<void> {
  for (let presses = 0; presses < most; presses++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate((wanted) => document.activeElement?.matches(wanted) ?? false, selector)) {
      // focus must be visible: an outline the page draws
      const outline = await page.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle);
      expect(outline, `focus on ${selector} is visible`).not.toBe('none');
      return;
    }
  }
  throw new Error(`Tab never reached ${selector}`);
}

/** axe-core finds no WCAG 2.0/2.1/2.2 A or AA violation on the page as it is now. */
export async function expectAccessible(page: Page) {
  expect(await accessibilityViolations(page)).toEqual([]);
}
