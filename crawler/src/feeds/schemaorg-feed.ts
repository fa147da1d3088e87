import { findCourseNodes } from '../extract/course-nodes.ts';
import { mapCourseNode } from '../extract/schema-org-course.ts';
import { addValue, hasType, nodesOf, type SchemaNode } from '../linked-data/schema-org-node.ts';
import { firstTextOf } from '../linked-data/node-text.ts';
import { LinkedDataGraph } from '../linked-data/graph.ts';
import type { FeedRecord } from './feed-record.ts';
import { FeedError, problem } from './problems.ts';

const OFFER: ReadonlySet<string> = new Set(['Offer', 'AggregateOffer']);

/**
 * A schema.org JSON-LD feed: `Course`, `CourseInstance`, `EducationalOccupationalProgram` or credential nodes,
 * alone, in an array, in `@graph`, or offered through an `Offer` / `OfferCatalog` / `ItemList`.
 */
export function readSchemaOrgFeed(document: unknown, baseUrl: string): FeedRecord[] {
  // as on web pages, a course's url is often its own @id: strings stay strings
  const roots = new LinkedDataGraph([document], { bareIdReferences: false }).roots();
  attachOffersToCourses(roots);
  const courses = findCourseNodes(roots);
  if (courses.length === 0) {
    const types = [...new Set(roots.flatMap((root) => root.types))];
    throw new FeedError(
      `The JSON-LD has no schema.org course: no Course, CourseInstance, EducationalOccupationalProgram or EducationalOccupationalCredential (it has ${types.length > 0 ? types.join(', ') : 'no typed nodes'}).`,
      'Describe each course as {"@context": "https://schema.org", "@type": "Course", "name": …, "url": …}, in an array or "@graph".',
    );
  }
  return courses.map((node, index) => {
    const row = index + 1;
    const warnings: string[] = [];
    const raw = mapCourseNode(node, 'feed', baseUrl, warnings);
    const record: FeedRecord = {
      row,
      raw,
      problems: warnings.map((warning) =>
        problem(
          row,
          'warning',
          null,
          null,
          warning,
          'Give one price per course, or one Offer per course instance.',
        ),
      ),
    };
    const key =
      firstTextOf(node, 'courseCode', 'identifier', 'programCode') ??
      (node.id && !node.id.startsWith('_:') ? node.id : undefined);
    if (key) record.key = key;
    return record;
  });
}

/** An Offer whose `itemOffered` is a course carries that course's price: give it to the course. */
function attachOffersToCourses(roots: SchemaNode[]): void {
  const seen = new Set<SchemaNode>();
  const visit = (node: SchemaNode) => {
    if (seen.has(node)) return;
    seen.add(node);
    if (hasType(node, OFFER)) {
      for (const item of nodesOf(node, 'itemOffered')) {
        if (
          nodesOf(item, 'offers').length === 0 &&
          nodesOf(item, 'hasCourseInstance').every((i) => nodesOf(i, 'offers').length === 0)
        )
          addValue(item, 'offers', node);
      }
    }
    for (const values of node.properties.values())
      for (const value of values) if (typeof value !== 'string') visit(value);
  };
  roots.forEach(visit);
}
