import { FeedError, type FeedFormat } from './problems.ts';

/**
 * Tells the format of a feed from its content type, its file name and, above all, its content: CTDL and
 * ELM by their vocabularies, schema.org by its context or course types, plain JSON by having neither, CSV
 * by not being JSON. HTML, XML and other text that is no feed at all are refused here.
 */
export function detectFormat(sample: string, contentType = '', fileName = ''): FeedFormat {
  const start = sample.replace(/^[\s\uFEFF]+/, '');
  const type = contentType.toLowerCase();
  if (start.startsWith('<')) {
    const what = /^<(?:!doctype html|html)/i.test(start) ? 'an HTML page' : 'XML';
    throw new FeedError(
      `This is not a feed: the content is ${what}.`,
      'Send the catalogue as CSV, JSON, or JSON-LD (schema.org, CTDL or ELM). To list courses from web pages, add the site as a crawl source instead.',
      { line: 1, column: 1 },
    );
  }
  if (start.startsWith('{') || start.startsWith('[')) {
    if (/credreg\.net|"ceterms:|"envelope_(?:type|ctdl_type|id)"|purl\.org\/ctdl/.test(start)) return 'ctdl';
    if (
      /data\.europa\.eu\/snb|"(?:LearningOpportunity|LearningAchievementSpecification|EuropeanDigitalCredential)"/.test(
        start,
      )
    )
      return 'elm';
    if (
      /"@context"\s*:\s*[^,}]*schema\.org|"@type"\s*:\s*"(?:Course|CourseInstance|EducationalOccupationalProgram|ItemList|OfferCatalog)"/.test(
        start,
      )
    )
      return 'schemaorg';
    return 'json';
  }
  if (type.includes('json') || /\.(?:json|jsonld)$/i.test(fileName)) {
    throw new FeedError(
      `This is not JSON: it starts with "${start.slice(0, 30)}".`,
      'A JSON feed starts with [ or {. If this is a CSV file, send it as text/csv.',
      { line: 1, column: 1 },
    );
  }
  return 'csv';
}
