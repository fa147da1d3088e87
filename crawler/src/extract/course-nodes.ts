import { hasType } from '../linked-data/schema-org-node.ts';
import type { SchemaNode } from '../linked-data/schema-org-node.ts';

export const COURSE_TYPES: ReadonlySet<string> = new Set([
  'Course',
  'CourseInstance',
  'EducationalOccupationalProgram',
  'WorkBasedProgram',
  'EducationalOccupationalCredential',
]);
const CREDENTIAL_TYPES: ReadonlySet<string> = new Set(['EducationalOccupationalCredential']);
const INSTANCE_TYPES: ReadonlySet<string> = new Set(['CourseInstance']);

/** Properties through which a page, list, catalogue or offer leads to the courses it presents. */
const LISTING_PROPERTIES: ReadonlySet<string> = new Set([
  'mainEntity',
  'itemListElement',
  'item',
  'itemOffered',
  'hasOfferCatalog',
  'makesOffer',
  'offers',
  'hasPart',
  'hasCourse',
  'about',
]);
/** Properties whose value is a fact about their subject (what it awards, requires, or when it runs), never a course of its own. */
const FACT_PROPERTIES: ReadonlySet<string> = new Set([
  'hasCourseInstance',
  'educationalCredentialAwarded',
  'occupationalCredentialAwarded',
  'coursePrerequisites',
  'programPrerequisites',
  'competencyRequired',
  'qualifications',
  'educationRequirements',
  'hasCredential',
]);
/** Properties through which a course or programme leads to courses that are records of their own. */
const PART_PROPERTIES: ReadonlySet<string> = new Set(['hasCourse', 'hasPart']);

const isCourse = (node: SchemaNode) => hasType(node, COURSE_TYPES);

/**
 * The nodes that each describe one course on the page, in document order. A credential or course that only
 * appears as the value of another property (awarded credential, prerequisite, an instance of a course) is a
 * fact about its parent, not a record.
 */
export function findCourseNodes(roots: readonly SchemaNode[]): SchemaNode[] {
  const embedded = embeddedNodes(roots);
  const found: SchemaNode[] = [];
  const seen = new Set<SchemaNode>();

  const visit = (node: SchemaNode, via: string | null, fromCourse: boolean): void => {
    if (seen.has(node)) return;
    seen.add(node);
    if (isRecord(node, via, fromCourse)) found.push(node);
    const follow = isCourse(node) ? PART_PROPERTIES : LISTING_PROPERTIES;
    for (const [property, values] of node.properties) {
      if (!follow.has(property)) continue;
      for (const value of values) if (typeof value !== 'string') visit(value, property, isCourse(node));
    }
  };
  for (const root of roots) if (!embedded.has(root)) visit(root, null, false);
  return found;
}

function isRecord(node: SchemaNode, via: string | null, fromCourse: boolean): boolean {
  if (!isCourse(node)) return false;
  if (hasType(node, INSTANCE_TYPES)) return !fromCourse;
  if (hasType(node, CREDENTIAL_TYPES)) return via !== 'about';
  return true;
}

/** Nodes that some other node refers to as a fact, e.g. a credential given as `educationalCredentialAwarded` in a `@graph`. */
function embeddedNodes(roots: readonly SchemaNode[]): Set<SchemaNode> {
  const embedded = new Set<SchemaNode>();
  const walked = new Set<SchemaNode>();
  const pending = [...roots];
  while (pending.length > 0) {
    const node = pending.pop()!;
    if (walked.has(node)) continue;
    walked.add(node);
    for (const [property, values] of node.properties) {
      for (const value of values) {
        if (typeof value === 'string') continue;
        if (FACT_PROPERTIES.has(property)) embedded.add(value);
        pending.push(value);
      }
    }
  }
  return embedded;
}
