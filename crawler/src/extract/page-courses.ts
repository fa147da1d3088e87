import { buildCourse, type Course, type Source } from '@shortlist/schemas';
import { extractPage, type HtmlPage } from './index.ts';

export interface PageRecords {
  courses: Course[];
  /** records that could not become a course, with the reason */
  rejected: { url: string; reason: string }[];
  warnings: string[];
  canonicalUrl: string | null;
  /** the platform preset the page was read with, e.g. "banner"; null when none was */
  preset: string | null;
}

/** Extracts every course on a page (HTML text, or a page the crawler already parsed) and normalises it for the source's provider. */
export function coursesFromPage(
  html: HtmlPage,
  pageUrl: string,
  source: Source,
  fetchedAt: string,
): PageRecords {
  const extraction = extractPage(html, pageUrl, { selectors: source.extraction.selectors });
  const result: PageRecords = {
    courses: [],
    rejected: [],
    warnings: extraction.warnings,
    canonicalUrl: extraction.canonicalUrl,
    preset: extraction.preset,
  };
  for (const raw of extraction.records) {
    const key = raw.url ?? extraction.canonicalUrl ?? pageUrl;
    const built = buildCourse(raw, {
      providerId: source.id,
      country: source.country,
      source: 'crawl',
      sourceUrl: extraction.canonicalUrl ?? pageUrl,
      fetchedAt,
      key,
      extractor: 'text',
    });
    if ('course' in built) result.courses.push(built.course);
    else result.rejected.push({ url: key, reason: built.error });
  }
  return result;
}
