import type { CheerioAPI } from 'cheerio';

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
export function readRobotsMeta($: CheerioAPI, productToken: string, header: string | null): RobotsMeta {
  const names = new Set(['robots', productToken.toLowerCase()]);
  const directives = [header ?? ''];
  $('meta[name][content]').each((_, element) => {
    if (names.has(($(element).attr('name') ?? '').toLowerCase()))
      directives.push($(element).attr('content') ?? '');
  });
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

/** Every link on the page worth considering, absolute; `rel="nofollow"` links are left alone. */
export function pageLinks($: CheerioAPI, pageUrl: string): string[] {
  let base = pageUrl;
  const declared = $('base[href]').first().attr('href');
  if (declared) {
    try {
      base = new URL(declared, pageUrl).href;
    } catch {
      // a broken <base> is ignored, as browsers do
    }
  }
  const links: string[] = [];
  $('a[href], area[href], link[rel~="next"][href], link[rel~="prev"][href]').each((_, element) => {
    const link = $(element);
    if (/\bnofollow\b/i.test(link.attr('rel') ?? '')) return;
    try {
      links.push(new URL(link.attr('href')!, base).href);
    } catch {
      // not a URL
    }
  });
  return links;
}
