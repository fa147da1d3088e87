import { newEvidence } from './evidence.ts';
import type { RawCourse } from '@shortlist/schemas';
import { resolveUrl } from './dom.ts';
import type { PageElements } from './page-elements.ts';

/** The URL relative links on the page resolve against: `<base href>` when the page sets one. */
export function documentBaseUrl(page: PageElements, pageUrl: string): string {
  const base = page.byTag('base').find((element) => element.attribs.href !== undefined);
  return resolveUrl(base?.attribs.href, pageUrl) ?? pageUrl;
}

/** `<link rel="canonical">` resolved against the page; one on another origin is ignored, as search engines would. */
export function readCanonicalUrl(page: PageElements, pageUrl: string, warnings: string[]): string | null {
  const link = page
    .byTag('link')
    .find(
      (element) =>
        element.attribs.href !== undefined && /(?:^|\s)canonical(?:\s|$)/i.test(element.attribs.rel ?? ''),
    );
  if (!link) return null;
  const href = link.attribs.href ?? '';
  const canonical = resolveUrl(href, pageUrl);
  if (!canonical) {
    warnings.push(`canonical link "${href}" is not an http(s) URL; ignored it`);
    return null;
  }
  if (new URL(canonical).origin !== new URL(pageUrl).origin) {
    warnings.push(`canonical link "${canonical}" is on another origin than the page ${pageUrl}; ignored it`);
    return null;
  }
  return canonical.replace(/#.*$/, '');
}

/**
 * Gives every record a URL: its own, else the canonical URL or the page's. Several courses on one page without
 * URLs of their own get the page URL plus `#` and a slug of their title, so each stays a distinct course.
 */
export function assignRecordUrls(
  records: readonly RawCourse[],
  pageUrl: string,
  canonicalUrl: string | null,
): void {
  const page = pageUrl.replace(/#.*$/, '');
  const used = new Set(records.map((record) => record.url).filter(Boolean));
  records.forEach((record, index) => {
    if (record.url) return;
    let url = canonicalUrl ?? page;
    if (records.length > 1) {
      const base = `${page}#${slugOf(record.title ?? '') || `course-${index + 1}`}`;
      url = base;
      for (let suffix = 2; used.has(url); suffix++) url = `${base}-${suffix}`;
    }
    used.add(url);
    record.url = url;
    // the course's own extractor placed it at this address
    const placedBy = record.provenance?.title ?? Object.values(record.provenance ?? {})[0];
    if (!placedBy) return;
    (record.provenance ??= {}).url = placedBy;
    const where = records.length > 1 ? 'the page address with the course named' : canonicalUrl ? 'the canonical link' : 'the page address'; // prettier-ignore
    (record.evidence ??= {}).url = newEvidence(placedBy, url, { evidence: `${where}: ${url}` });
  });
}

export function slugOf(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80)
    .replace(/-+$/, '');
}
