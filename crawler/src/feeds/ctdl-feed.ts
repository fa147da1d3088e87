import { nodesOf, valuesOf, type SchemaNode } from '../linked-data/schema-org-node.ts';
import { rawCourse, type FeedRecord } from './feed-record.ts';
import { countryCode, currencyCode, isHoursOnly, isoDurationWords } from './json-document.ts';
import { LinkedDataGraph } from '../linked-data/graph.ts';
import { firstTextOf, textOf, textsOf } from '../linked-data/node-text.ts';
import { parseUntrustedJson } from '../linked-data/json-depth.ts';
import { FeedError, problem, type FeedProblem } from './problems.ts';

const LEARNING_OPPORTUNITIES: ReadonlySet<string> = new Set([
  'Course',
  'LearningOpportunityProfile',
  'LearningOpportunity',
  'LearningProgram',
]);
/** Every CTDL credential class ends in one of these words (Certificate, DigitalBadge, BachelorDegree …). */
const CREDENTIAL =
  /(?:Certificate|Certification|Credential|Badge|Diploma|Degree|Doctorate|License|GeneralEducationDevelopment)$/;
const NOT_A_RECORD = /Organization|AlignmentObject|Profile$|Manifest$/;

export function isCtdlRecord(node: SchemaNode): boolean {
  return node.types.some(
    (type) => LEARNING_OPPORTUNITIES.has(type) || (CREDENTIAL.test(type) && !NOT_A_RECORD.test(type)),
  );
}

/**
 * Credential Engine CTDL JSON-LD: learning opportunities, courses, programs and credentials, in `@graph`
 * documents or Credential Registry envelopes (`decoded_resource`, or `resource` as JSON or a signed JWT).
 */
export function readCtdlFeed(document: unknown): FeedRecord[] {
  const graph = new LinkedDataGraph(unwrapEnvelopes(document), { languages: ['en'] });
  const records = graph.roots().filter(isCtdlRecord);
  if (records.length === 0) {
    const types = [...new Set(graph.roots().flatMap((root) => root.types))];
    throw new FeedError(
      `The CTDL document has no learning opportunity, course, program or credential (it has ${types.join(', ') || 'no typed nodes'}).`,
      'Send ceterms:LearningOpportunityProfile, ceterms:Course, ceterms:LearningProgram or credential resources, as published to the Credential Registry.',
    );
  }
  return records.map((node, index) => mapCtdlNode(node, index + 1));
}

/** Registry envelopes hold the resource as `decoded_resource`, or encoded in `resource`. */
export function unwrapEnvelopes(document: unknown): unknown[] {
  if (Array.isArray(document)) return document.flatMap(unwrapEnvelopes);
  if (typeof document !== 'object' || document === null) return [];
  const object = document as Record<string, unknown>;
  for (const list of ['envelopes', 'data', 'results']) {
    if (Array.isArray(object[list]) && !('@graph' in object))
      return (object[list] as unknown[]).flatMap(unwrapEnvelopes);
  }
  if (typeof object.decoded_resource === 'object' && object.decoded_resource !== null)
    return [object.decoded_resource];
  if (typeof object.resource === 'string' && 'envelope_type' in object) {
    const decoded = decodeResource(object.resource);
    return decoded === undefined ? [] : unwrapEnvelopes(decoded);
  }
  return [document];
}

function decodeResource(resource: string): unknown {
  try {
    return parseUntrustedJson(resource);
  } catch {
    const payload = resource.split('.')[1];
    if (!payload) return undefined;
    try {
      return parseUntrustedJson(Buffer.from(payload, 'base64url').toString('utf8'));
    } catch {
      return undefined;
    }
  }
}

function mapCtdlNode(node: SchemaNode, row: number): FeedRecord {
  const problems: FeedProblem[] = [];
  const organisations = nodesOf(node, 'offeredBy', 'ownedBy');
  if (valuesOf(node, 'offeredBy', 'ownedBy').length === 0)
    problems.push(
      problem(
        row,
        'warning',
        'ownedBy',
        null,
        'Neither ceterms:ownedBy nor ceterms:offeredBy names the organisation.',
        'Add ceterms:offeredBy with your organisation, as the Credential Registry requires.',
      ),
    );
  const durations = nodesOf(node, 'estimatedDuration');
  const place = nodesOf(node, 'availableAt')[0] ?? organisations.flatMap((org) => nodesOf(org, 'address'))[0];
  const credential = node.types.find((type) => CREDENTIAL.test(type) && !NOT_A_RECORD.test(type));
  const raw = rawCourse({
    title: firstTextOf(node, 'name'),
    description: firstTextOf(node, 'description'),
    url: firstTextOf(node, 'subjectWebpage'),
    enrolmentUrl: firstTextOf(node, 'availabilityListing', 'availableOnlineAt'),
    subjects: [...textsOf(node, 'subject'), ...textsOf(node, 'instructionalProgramType')],
    keywords: [...textsOf(node, 'keyword'), ...textsOf(node, 'occupationType')],
    learningOutcomes: textsOf(node, 'teaches'),
    skills: textsOf(node, 'targetCompetency'),
    duration: durationText(durations, false),
    workload: durationText(durations, true),
    cost: costText(nodesOf(node, 'estimatedCost'), problems, row),
    mode: [
      ...textsOf(node, 'deliveryType', 'learningDeliveryType'),
      firstTextOf(node, 'deliveryTypeDescription'),
    ]
      .filter(Boolean)
      .join(', '),
    level: textsOf(node, 'audienceLevelType').join(', '),
    credit: creditText(node),
    credential: credential?.replace(/([a-z])([A-Z])/g, '$1 $2'),
    assessment: [...textsOf(node, 'assessmentMethodType'), firstTextOf(node, 'assessmentMethodDescription')]
      .filter(Boolean)
      .join('; '),
    qualityAssurance: qualityAssurance(node),
    prerequisites: conditions(nodesOf(node, 'entryCondition', 'requires')),
    languages: textsOf(node, 'inLanguage'),
    city: place ? firstTextOf(place, 'addressLocality') : undefined,
    region: place ? firstTextOf(place, 'addressRegion') : undefined,
    country: place ? countryCode(firstTextOf(place, 'addressCountry')) : undefined,
  });
  const record: FeedRecord = { row, raw, problems };
  const key = firstTextOf(node, 'ctid') ?? (node.id && !node.id.startsWith('_:') ? node.id : undefined);
  if (key) record.key = key;
  return record;
}

/** DurationProfiles: exact, or minimum to maximum; hours-only ones (PT160H) are the workload. */
function durationText(profiles: SchemaNode[], hours: boolean): string | undefined {
  for (const profile of profiles) {
    const exact = firstTextOf(profile, 'exactDuration');
    const min = firstTextOf(profile, 'minimumDuration');
    const max = firstTextOf(profile, 'maximumDuration');
    const sample = exact ?? min ?? max;
    if (sample && isHoursOnly(sample) !== hours) continue;
    const description = firstTextOf(profile, 'description');
    if (exact) return isoDurationWords(exact) ?? description ?? exact;
    if (min && max) return `${isoDurationWords(min) ?? min} to ${isoDurationWords(max) ?? max}`;
    if (min ?? max) return `${min ? 'at least' : 'up to'} ${isoDurationWords(min ?? max) ?? min ?? max}`;
    if (description && !hours) return description;
  }
  return undefined;
}

/**
 * The first cost: the CostProfiles that share its name (Tuition, Fees … of "In-State Tuition and Fees") added
 * up. Other named costs (out-of-state, international) are mentioned in a warning.
 */
function costText(profiles: SchemaNode[], problems: FeedProblem[], row: number): string | undefined {
  const priced = profiles.filter((profile) => firstTextOf(profile, 'price') !== undefined);
  if (priced.length === 0) return undefined;
  const name = (profile: SchemaNode) =>
    firstTextOf(profile, 'name') ?? firstTextOf(profile, 'description') ?? '';
  const first = name(priced[0]!);
  const group = priced.filter((profile) => name(profile) === first);
  const currency = currencyCode(firstTextOf(group[0]!, 'currency'));
  const total = group.reduce((sum, profile) => sum + Number(firstTextOf(profile, 'price')), 0);
  const others = [...new Set(priced.map(name))].filter((other) => other !== first);
  if (others.length > 0)
    problems.push(
      problem(
        row,
        'warning',
        'estimatedCost',
        others.join('; '),
        `${priced.length} cost profiles; used "${first || 'the first'}" (${total} ${currency ?? ''}) and not ${others.map((other) => `"${other}"`).join(', ')}.`.replace(
          ' )',
          ')',
        ),
        'Put the cost most learners pay first.',
      ),
    );
  if (!Number.isFinite(total)) return firstTextOf(group[0]!, 'price');
  return `${total} ${currency ?? ''}`.trim();
}

function creditText(node: SchemaNode): string | undefined {
  for (const value of nodesOf(node, 'creditValue')) {
    const amount = firstTextOf(value, 'value');
    const min = firstTextOf(value, 'minValue');
    const max = firstTextOf(value, 'maxValue');
    const unit = firstTextOf(value, 'creditUnitType') ?? firstTextOf(value, 'description') ?? 'credits';
    const number = amount ?? (min && max ? `${min}-${max}` : (min ?? max));
    if (!number) continue;
    if (/ects|european credit/i.test(unit)) return `${number} ECTS`;
    return /credit/i.test(unit) ? `${number} ${unit}` : `${number} credits (${unit})`;
  }
  const legacy = firstTextOf(node, 'creditHourValue', 'creditUnitValue');
  if (legacy) return `${legacy} ${firstTextOf(node, 'creditHourType', 'creditUnitType') ?? 'credits'}`;
  return undefined;
}

const QA_PROPERTIES: [string, string][] = [
  ['accreditedBy', 'Accredited by'],
  ['approvedBy', 'Approved by'],
  ['recognizedBy', 'Recognized by'],
  ['regulatedBy', 'Regulated by'],
];

function qualityAssurance(node: SchemaNode): string | undefined {
  const parts = QA_PROPERTIES.map(([property, label]) => {
    const names = valuesOf(node, property)
      .map((value) => textOf(value))
      .filter(Boolean);
    return names.length > 0 ? `${label} ${[...new Set(names)].join(', ')}` : '';
  }).filter(Boolean);
  return parts.length > 0 ? parts.join('; ') : undefined;
}

function conditions(profiles: SchemaNode[]): string | undefined {
  const texts = profiles.flatMap((profile) => [
    firstTextOf(profile, 'description'),
    ...textsOf(profile, 'condition'),
  ]);
  const distinct = [...new Set(texts.filter((text): text is string => Boolean(text)))];
  return distinct.length > 0 ? distinct.join('; ') : undefined;
}
