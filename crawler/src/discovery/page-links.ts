import type { DomElement } from '../extract/dom.ts';
import type { PageElements } from '../extract/page-elements.ts';
import { crawlUrl } from './crawl-url.ts';

export interface RobotsMeta {
  /** do not store what the page says */
  noindex: boolean;
  /** do not follow its links */
  nofollow: boolean;
}

/**
 * `<meta name="robots">` (or one naming our product token) and the X-Robots-Tag header: a provider's way of saying
 * "don't list this" or "don't follow these links".
 */
export function readRobotsMeta(page: PageElements, productToken: string, header: string | null): RobotsMeta {
  const names = new Set(['robots', productToken.toLowerCase()]);
  const directives = [header ?? ''];
  for (const meta of page.byTag('meta')) {
    const { name, content } = meta.attribs;
    if (name && content && names.has(name.toLowerCase())) directives.push(content);
  }
  const words = new Set(
    directives
      .join(',')
      .toLowerCase()
      .split(/[\s,]+/),
  );
  return {
    noindex: words.has('noindex') || words.has('none'),
    nofollow: words.has('nofollow') || words.has('none'),
  };
}

export interface PageLinks {
  /** what relative links resolve against: the page URL, or its `<base href>` */
  base: string;
  /** as written in the page; `rel="nofollow"` links are left out */
  hrefs: string[];
}

/** Every link on the page worth considering: anchors, image-map areas and `<link rel="next|prev">`. */
export function pageLinks(page: PageElements, pageUrl: string): PageLinks {
  let base = pageUrl;
  const declared = page.byTag('base').find((element) => element.attribs.href)?.attribs.href;
  if (declared) {
    try {
      base = new URL(declared, pageUrl).href;
    } catch {
      // a broken <base> is ignored, as browsers do
    }
  }
  const hrefs: string[] = [];
  const add = (href: string | undefined, rel = '') => {
    if (href && !/\bnofollow\b/i.test(rel)) hrefs.push(href);
  };
  for (const tag of ['a', 'area'])
    for (const link of page.byTag(tag)) add(link.attribs.href, link.attribs.rel);
  for (const link of page.byTag('link'))
    if (/\b(?:next|prev)\b/i.test(link.attribs.rel ?? '')) add(link.attribs.href);
  return { base, hrefs };
}

/** Longest `<meta http-equiv="refresh">` delay still read as "this page has moved" rather than a timed reload. */
const MAX_REFRESH_SECONDS = 5;

/** `0; url='/new-page'` → the delay and the URL as written, or null. Linear: no pattern that can backtrack. */
function readRefresh(content: string): { seconds: number; href: string } | null {
  const match = /^(\d+(?:\.\d*)?)(?:\s*[;,]\s*|\s+)(?:url\s*=\s*)?(.*)$/is.exec(content.trim());
  if (!match) return null;
  let href = match[2]!;
  const quote = href[0];
  if (quote === '"' || quote === "'") {
    const end = href.indexOf(quote, 1);
    href = href.slice(1, end < 0 ? undefined : end);
  }
  return { seconds: Number(match[1]), href: href.trim() };
}

/** A `<meta>` inside `<noscript>` or `<template>` is not acted on by a browser that runs the page. */
function inert(element: DomElement): boolean {
  for (let parent = element.parent; parent; parent = parent.parent)
    if ('tagName' in parent && /^(?:noscript|template)$/i.test(parent.tagName)) return true;
  return false;
}

/**
 * Where the page has moved, if `<meta http-equiv="refresh" content="0; url=/new-page">` sends visitors elsewhere at
 * once: old CMS pages move this way rather than with an HTTP redirect. A delay over a few seconds, no URL, a
 * non-HTTP URL, or the page itself (once session ids and tracking parameters are stripped) is not a move.
 */
export function movedTo(
  page: PageElements,
  base: string,
  pageUrl: string,
  ignoreParams: readonly string[] = [],
): string | undefined {
  for (const meta of page.byTag('meta')) {
    if (meta.attribs['http-equiv']?.trim().toLowerCase() !== 'refresh' || inert(meta)) continue;
    const refresh = readRefresh(meta.attribs.content ?? '');
    if (!refresh?.href || refresh.seconds > MAX_REFRESH_SECONDS) continue;
    const target = crawlUrl(refresh.href, base, ignoreParams);
    if (target && target.key !== crawlUrl(pageUrl, undefined, ignoreParams)?.key) return target.url;
  }
  return undefined;
}
