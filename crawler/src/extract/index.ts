import * as cheerio from 'cheerio';
import type { Extractor, RawCourse, SelectorMap } from '@shortlist/schemas';
import { movedTo } from '../discovery/page-links.ts';
import { findCourseNodes } from './course-nodes.ts';
import { fillCourse, mergeCourses } from './course-merge.ts';
import { readJsonLd } from './jsonld.ts';
import { readMicrodata } from './microdata.ts';
import { readRdfa } from './rdfa.ts';
import { indexPage, parseHtml, type PageElements } from './page-elements.ts';
import { assignRecordUrls, documentBaseUrl, readCanonicalUrl } from './record-urls.ts';
import { mapCourseNode } from './schema-org-course.ts';
import type { SchemaNode } from '../linked-data/schema-org-node.ts';
import { hasScheduleSections } from './offerings.ts';
import { detectPreset, PRESETS, readPreset } from './presets/index.ts';
import type { Preset } from './presets/index.ts';
import { readSelectorMap } from './selectors.ts';
import { mergeEmbedded, readEmbedded } from './embedded-json.ts';
import { outlinePage, type PageOutline } from './page-outline.ts';
import { readPageText } from './page-text.ts';
import { applyContextMode } from './text-facts.ts';
import { readLabelledFacts } from './text-heuristics.ts';

export interface ExtractOptions {
  /** the source's selector map, tried after structured data; a source that has one uses no platform preset */
  selectors?: SelectorMap;
}

/** HTML text, or a page the crawler has already parsed and indexed. */
export type HtmlPage = string | PageElements;

export interface PageExtraction {
  /** one record per course on the page, each field's extractor in `provenance` */
  records: RawCourse[];
  canonicalUrl: string | null;
  /** the platform preset the page was recognised as, e.g. "banner"; null when none was */
  preset: string | null;
  /** what a person adding the provider should know: broken markup, conflicts resolved, selectors that matched nothing */
  warnings: string[];
}

/**
 * Finds the courses on one page: linked data (JSON-LD, microdata, RDFa), then JSON embedded for scripts, then the
 * source's selector map or, when the source has none, the preset of the platform the page was made with, then the
 * visible text (labels, fact boxes, phrases). Each later step fills the fields the earlier ones left empty; what it
 * found too is kept beside them as evidence.
 */
export function extractPage(html: HtmlPage, pageUrl: string, options: ExtractOptions = {}): PageExtraction {
  // a crawler that has already parsed the page passes it in rather than paying for a second parse
  const page = typeof html === 'string' ? indexPage(parseHtml(html)) : html;
  const warnings: string[] = [];
  const baseUrl = documentBaseUrl(page, pageUrl);
  const canonicalUrl = readCanonicalUrl(page, pageUrl, warnings);
  const moved = movedTo(page, baseUrl, pageUrl);
  if (moved)
    warnings.push(
      `the page sends visitors to ${moved} at once (meta refresh): the crawler reads that page instead and stores no course from this one`,
    );
  const records: RawCourse[] = [];

  const structured: [Extractor, () => SchemaNode[]][] = [
    ['jsonld', () => readJsonLd(page, warnings)],
    ['microdata', () => readMicrodata(page, baseUrl)],
    ['rdfa', () => readRdfa(page, baseUrl)],
  ];
  for (const [extractor, read] of structured) {
    const courses = findCourseNodes(read()).map((node) => mapCourseNode(node, extractor, baseUrl, warnings));
    mergeCourses(records, courses, warnings);
  }
  let outlined: PageOutline | undefined;
  const outline = () => (outlined ??= outlinePage(page, baseUrl));

  // JSON the page carries for its scripts: __NEXT_DATA__, inline state, data-* attributes
  const embedded = readEmbedded(page, baseUrl, warnings);
  mergeEmbedded(records, embedded.courses, outline, warnings);

  // a platform preset (./presets/), or the source's own selector map, fills what linked data and embedded JSON left
  let preset: Preset | undefined;
  if (!options.selectors) {
    preset = detectPreset(page, pageUrl, PRESETS);
    if (preset) {
      let $: cheerio.CheerioAPI | undefined;
      // a preset that reads the page itself (Banner) never needs cheerio's CSS engine
      const css = {
        page,
        baseUrl,
        get $() {
          return ($ ??= cheerio.load(page.root));
        },
      };
      const found = readPreset(preset, css);
      if (found.records.length === 0)
        warnings.push(
          `the page looks like ${preset.platform} (preset "${preset.name}"), but the preset found no course on it`,
        );
      mergeCourses(records, found.records, warnings, found.listing || records.length === 0);
      // what the site says of all its courses ("online courses") holds for each course a preset listing read
      if (found.listing && records.length > 1) {
        const { context } = outline();
        for (const record of records) if (!hasScheduleSections(record)) applyContextMode(record, context);
      }
    }
  } else {
    // only selector maps need cheerio's CSS engine; it wraps the parsed page as it is
    const $ = cheerio.load(page.root);
    const found = readSelectorMap($, options.selectors, baseUrl, warnings);
    for (const { record, container } of found)
      if (container) fillCourse(record, readLabelledFacts(container), warnings);
    const listing = found.some(({ container }) => container !== null);
    const unmatched = mergeCourses(
      records,
      found.map(({ record }) => record),
      warnings,
      listing || records.length === 0,
    );
    if (unmatched.length > 0) {
      warnings.push(
        `selector map: read one course, but structured data on this page describes ${records.length} courses and none has the title "${unmatched[0]!.title ?? ''}"; ignored the selector map here — set "item" for listing pages`,
      );
    }
  }

  // the page's visible text, then markup its scripts keep in data attributes
  readPageText(records, page, outline(), embedded.html, warnings);

  assignRecordUrls(records, pageUrl, canonicalUrl);
  for (const record of records) {
    if (!record.title) {
      const by = Object.values(record.provenance ?? {})[0] ?? 'extractor';
      warnings.push(
        `a course found by ${by} at ${record.url ?? pageUrl} has no name; give it "name" in the markup or a title selector`,
      );
    }
  }
  if (records.length === 0) {
    warnings.push(
      'no course found: no schema.org Course, CourseInstance, EducationalOccupationalProgram or EducationalOccupationalCredential, no selector map match, and no labelled facts such as "Duration:" or "Cost:"',
    );
  }
  // a bad selector is reported once, not once per listing item
  return { records, canonicalUrl, preset: preset?.name ?? null, warnings: [...new Set(warnings)] };
}
