import { nodesOf, valuesOf, type SchemaNode } from '../extract/schema-org-node.ts';
import { rawCourse, type FeedRecord } from './feed-record.ts';
import { countryCode, currencyCode, isHoursOnly, isoDurationWords } from './json-document.ts';
import { LinkedDataGraph } from '../extract/linked-data-graph.ts';
import { parseUntrustedJson } from '../linked-data/json-depth.ts';
import { labelOf, labelOfProperty, labelsOf } from './linked-data.ts';
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
    title: labelOfProperty(node, 'name'),
    description: labelOfProperty(node, 'description'),
    url: labelOfProperty(node, 'subjectWebpage'),
    enrolmentUrl: labelOfProperty(node, 'availabilityListing', 'availableOnlineAt'),
    subjects: [...labelsOf(node, 'subject'), ...labelsOf(node, 'instructionalProgramType')],
    keywords: [...labelsOf(node, 'keyword'), ...labelsOf(node, 'occupationType')],
    learningOutcomes: labelsOf(node, 'teaches'),
    skills: labelsOf(node, 'targetCompetency'),
    duration: durationText(durations, false),
    workload: durationText(durations, true),
    cost: costText(nodesOf(node, 'estimatedCost'), problems, row),
    mode: [
      ...labelsOf(node, 'deliveryType', 'learningDeliveryType'),
      labelOfProperty(node, 'deliveryTypeDescription'),
    ]
      .filter(Boolean)
      .join(', '),
    level: labelsOf(node, 'audienceLevelType').join(', '),
    credit: creditText(node),
    credential: credential?.replace(/([a-z])([A-Z])/g, '$1 $2'),
    assessment: [
      ...labelsOf(node, 'assessmentMethodType'),
      labelOfProperty(node, 'assessmentMethodDescription'),
    ]
      .filter(Boolean)
      .join('; '),
    qualityAssurance: qualityAssurance(node),
    prerequisites: conditions(nodesOf(node, 'entryCondition', 'requires')),
    languages: labelsOf(node, 'inLanguage'),
    city: place ? labelOfProperty(place, 'addressLocality') : undefined,
    region: place ? labelOfProperty(place, 'addressRegion') : undefined,
    country: place ? countryCode(labelOfProperty(place, 'addressCountry')) : undefined,
  });
  const record: FeedRecord = { row, raw, problems };
  const key = labelOfProperty(node, 'ctid') ?? (node.id && !node.id.startsWith('_:') ? node.id : undefined);
  if (key) record.key = key;
  return record;
}

/** DurationProfiles: exact, or minimum to maximum; hours-only ones (PT160H) are the workload. */
function durationText(profiles: SchemaNode[], hours: boolean): string | undefined {
  for (const profile of profiles) {
    const exact = labelOfProperty(profile, 'exactDuration');
    const min = labelOfProperty(profile, 'minimumDuration');
    const max = labelOfProperty(profile, 'maximumDuration');
    const sample = exact ?? min ?? max;
    if (sample && isHoursOnly(sample) !== hours) continue;
    const description = labelOfProperty(profile, 'description');
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
  const priced = profiles.filter((profile) => labelOfProperty(profile, 'price') !== undefined);
  if (priced.length === 0) return undefined;
  const name = (profile: SchemaNode) =>
    labelOfProperty(profile, 'name') ?? labelOfProperty(profile, 'description') ?? '';
  const first = name(priced[0]!);
  const group = priced.filter((profile) => name(profile) === first);
  const currency = currencyCode(labelOfProperty(group[0]!, 'currency'));
  const total = group.reduce((sum, profile) => sum + Number(labelOfProperty(profile, 'price')), 0);
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
  if (!Number.isFinite(total)) return labelOfProperty(group[0]!, 'price');
  return `${total} ${currency ?? ''}`.trim();
}

function creditText(node: SchemaNode): string | undefined {
  for (const value of nodesOf(node, 'creditValue')) {
    const amount = labelOfProperty(value, 'value');
    const min = labelOfProperty(value, 'minValue');
    const max = labelOfProperty(value, 'maxValue');
    const unit =
      labelOfProperty(value, 'creditUnitType') ?? labelOfProperty(value, 'description') ?? 'credits';
    const number = amount ?? (min && max ? `${min}-${max}` : (min ?? max));
    if (!number) continue;
    if (/ects|european credit/i.test(unit)) return `${number} ECTS`;
    return /credit/i.test(unit) ? `${number} ${unit}` : `${number} credits (${unit})`;
  }
  const legacy = labelOfProperty(node, 'creditHourValue', 'creditUnitValue');
  if (legacy) return `${legacy} ${labelOfProperty(node, 'creditHourType', 'creditUnitType') ?? 'credits'}`;
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
      .map((value) => labelOf(value))
      .filter(Boolean);
    return names.length > 0 ? `${label} ${[...new Set(names)].join(', ')}` : '';
  }).filter(Boolean);
  return parts.length > 0 ? parts.join('; ') : undefined;
}

function conditions(profiles: SchemaNode[]): string | undefined {
  const texts = profiles.flatMap((profile) => [
    labelOfProperty(profile, 'description'),
    ...labelsOf(profile, 'condition'),
  ]);
  const distinct = [...new Set(texts.filter((text): text is string => Boolean(text)))];
  return distinct.length > 0 ? distinct.join('; ') : undefined;
}
