import { hasType, nodesOf, valuesOf, type SchemaNode } from '../linked-data/schema-org-node.ts';
import { rawCourse, type FeedRecord } from './feed-record.ts';
import { countryCode, currencyCode, isoDurationWords } from './json-document.ts';
import { LinkedDataGraph } from '../linked-data/graph.ts';
import { firstTextOf, textOf, textsOf } from '../linked-data/node-text.ts';
import { FeedError, problem, type FeedProblem } from './problems.ts';

const OPPORTUNITY: ReadonlySet<string> = new Set(['LearningOpportunity']);
const SPECIFICATION: ReadonlySet<string> = new Set([
  'LearningAchievementSpecification',
  'Qualification',
  'LearningSpecification',
]);
const CREDENTIAL: ReadonlySet<string> = new Set(['EuropeanDigitalCredential', 'VerifiableCredential']);
const SPEC_PROPERTIES = ['learningAchievementSpecification', 'learningSpecification', 'specifiedBy'];

/**
 * European Learning Model (ELM v3) JSON-LD: learning opportunities with the specification they lead to
 * (LearningAchievementSpecification or Qualification), or specifications on their own. The EU micro-credential
 * elements are read from them: ECTS credit points, EQF level, mode, assessment, quality assurance, workload.
 */
export function readElmFeed(document: unknown): FeedRecord[] {
  const graph = new LinkedDataGraph([document], { keywordAliases: true, languages: ['en'] });
  const nodes = allNodes(graph.roots());
  const opportunities = nodes.filter((node) => hasType(node, OPPORTUNITY));
  const claimed = new Set(opportunities.flatMap((opportunity) => nodesOf(opportunity, ...SPEC_PROPERTIES)));
  const parts = new Set(nodes.flatMap((node) => nodesOf(node, 'hasPart', 'specialisationOf')));
  const specifications = nodes.filter(
    (node) => hasType(node, SPECIFICATION) && !claimed.has(node) && !parts.has(node),
  );
  const fromCredential = nodes.some((node) => hasType(node, CREDENTIAL));
  const records = [
    ...opportunities.map((opportunity) => ({
      opportunity,
      specification: nodesOf(opportunity, ...SPEC_PROPERTIES)[0],
    })),
    ...specifications.map((specification) => ({ opportunity: undefined, specification })),
  ];
  if (records.length === 0) {
    const types = [...new Set(graph.roots().flatMap((root) => root.types))];
    throw new FeedError(
      `The ELM document has no LearningOpportunity, LearningAchievementSpecification or Qualification (it has ${types.join(', ') || 'no typed nodes'}).`,
      'Send learning opportunities (ELM v3) with the learningAchievementSpecification each leads to.',
    );
  }
  return records.map(({ opportunity, specification }, index) => {
    const row = index + 1;
    const record = mapElmRecord(opportunity, specification, row);
    if (fromCredential && !opportunity)
      record.problems.push(
        problem(
          row,
          'warning',
          null,
          null,
          "This specification comes from a learner's credential, not a published learning opportunity.",
          'Publish the course as an ELM LearningOpportunity with its learningAchievementSpecification.',
        ),
      );
    return record;
  });
}

function allNodes(roots: SchemaNode[]): SchemaNode[] {
  const seen = new Set<SchemaNode>();
  const pending = [...roots];
  while (pending.length > 0) {
    const node = pending.pop()!;
    if (seen.has(node)) continue;
    seen.add(node);
    for (const values of node.properties.values())
      for (const value of values) if (typeof value !== 'string') pending.push(value);
  }
  return [...seen];
}

function mapElmRecord(
  opportunity: SchemaNode | undefined,
  spec: SchemaNode | undefined,
  row: number,
): FeedRecord {
  const problems: FeedProblem[] = [];
  const both = [opportunity, spec].filter((node): node is SchemaNode => node !== undefined);
  const first = (...properties: string[]) =>
    both.map((node) => firstTextOf(node, ...properties)).find(Boolean);
  const all = (...properties: string[]) => [...new Set(both.flatMap((node) => textsOf(node, ...properties)))];
  const outcomes = spec ? nodesOf(spec, 'learningOutcome') : [];
  const provider = opportunity ? nodesOf(opportunity, 'providedBy')[0] : undefined;
  const location =
    (opportunity ? nodesOf(opportunity, 'location') : [])[0] ??
    (provider ? nodesOf(provider, 'location')[0] : undefined);
  const address = location ? nodesOf(location, 'address')[0] : undefined;
  const maximum = spec ? firstTextOf(spec, 'maximumDuration') : undefined;
  const raw = rawCourse({
    title: first('title'),
    description: first('description'),
    summary: spec ? firstTextOf(spec, 'learningOutcomeSummary') : undefined,
    url: both.map((node) => homepage(node)).find(Boolean),
    learningOutcomes: outcomes
      .map((outcome) => textOf(outcome))
      .filter((text): text is string => Boolean(text)),
    skills: outcomes.flatMap((outcome) => textsOf(outcome, 'relatedESCOSkill', 'relatedSkill')),
    subjects: spec ? textsOf(spec, 'thematicArea') : [],
    duration:
      (opportunity ? isoDurationWords(firstTextOf(opportunity, 'duration')) : undefined) ??
      (maximum ? `up to ${isoDurationWords(maximum) ?? maximum}` : undefined),
    workload: spec
      ? (isoDurationWords(firstTextOf(spec, 'volumeOfLearning')) ?? firstTextOf(spec, 'volumeOfLearning'))
      : undefined,
    cost: opportunity ? priceText(nodesOf(opportunity, 'priceDetail'), problems, row) : undefined,
    mode: all('mode').join(', '),
    pacing: opportunity ? firstTextOf(opportunity, 'learningSchedule') : undefined,
    level: spec ? levelText(spec) : undefined,
    credit: spec ? creditText(spec) : undefined,
    credential: spec ? firstTextOf(spec, 'dcType') : undefined,
    assessment: spec ? assessmentText(spec) : undefined,
    qualityAssurance: qualityAssurance([...both, ...(provider ? [provider] : [])]),
    prerequisites: spec ? firstTextOf(spec, 'entryRequirement') : undefined,
    languages: all('language', 'defaultLanguage').map((language) => language.replace(/^.*\/language\//, '')),
    startDates: opportunity
      ? nodesOf(opportunity, 'temporal').flatMap((period) => textsOf(period, 'startDate'))
      : [],
    city: location
      ? (firstTextOf(location, 'geographicName') ?? firstTextOf(location, 'spatialCode'))
      : undefined,
    country: address
      ? countryCode(
          valuesOf(address, 'countryCode').map((code) =>
            typeof code === 'string' ? code : (code.id ?? textOf(code)),
          )[0],
        )
      : undefined,
  });
  const record: FeedRecord = { row, raw, problems };
  const key = [opportunity?.id, spec?.id].find((id) => id && !id.startsWith('_:'));
  if (key) record.key = key;
  return record;
}

function homepage(node: SchemaNode): string | undefined {
  return (
    nodesOf(node, 'homepage', 'homePage')
      .map((page) => firstTextOf(page, 'contentURL'))
      .find(Boolean) ?? valuesOf(node, 'homepage').find((value): value is string => typeof value === 'string')
  );
}

/** `eqfLevel` is a Concept such as http://data.europa.eu/snb/eqf/6 ("Level 6"). */
function levelText(spec: SchemaNode): string | undefined {
  for (const level of valuesOf(spec, 'eqfLevel')) {
    const id = typeof level === 'string' ? level : (level.id ?? textOf(level) ?? '');
    const number = /(?:eqf\/|level\s*)(\d)\b/i.exec(id)?.[1] ?? /(\d)/.exec(textOf(level) ?? '')?.[1];
    if (number) return `EQF ${number}`;
  }
  return firstTextOf(spec, 'nqfLevel');
}

/** `creditPoint`: a CreditPoint with a framework (ECTS) and points; older documents say `ectsCreditPoints`. */
function creditText(spec: SchemaNode): string | undefined {
  for (const credit of nodesOf(spec, 'creditPoint')) {
    const points = firstTextOf(credit, 'point');
    if (!points) continue;
    const framework = nodesOf(credit, 'framework')[0];
    const name = framework ? (textOf(framework) ?? '') : '';
    const ects =
      /european credit transfer|ects/i.test(`${name} ${framework?.id ?? ''}`) ||
      framework?.id?.endsWith('6fcec5c5af');
    return ects ? `${points} ECTS` : `${points} credits${name ? ` (${name})` : ''}`;
  }
  const ects = firstTextOf(spec, 'ectsCreditPoints', 'ECTSCreditPoints');
  return ects ? `${ects} ECTS` : undefined;
}

function assessmentText(spec: SchemaNode): string | undefined {
  const texts = nodesOf(spec, 'provenBy').map((assessment) => {
    const title = firstTextOf(assessment, 'title');
    const details = [firstTextOf(assessment, 'dcType'), firstTextOf(assessment, 'mode')].filter(Boolean);
    return [title, details.length > 0 ? `(${details.join(', ').toLowerCase()})` : '']
      .filter(Boolean)
      .join(' ');
  });
  const note = firstTextOf(spec, 'assessment');
  const all = [...texts, ...(note ? [note] : [])].filter(Boolean);
  return all.length > 0 ? all.join('; ') : undefined;
}

function qualityAssurance(nodes: SchemaNode[]): string | undefined {
  const texts = nodes.flatMap((node) =>
    nodesOf(node, 'accreditation').map((accreditation) => {
      const agent = nodesOf(accreditation, 'accreditingAgent')[0];
      const by = agent ? textOf(agent) : undefined;
      const what =
        firstTextOf(accreditation, 'title') ?? firstTextOf(accreditation, 'dcType') ?? 'Accredited';
      return by ? `${what} (${by})` : what;
    }),
  );
  const distinct = [...new Set(texts)];
  return distinct.length > 0 ? distinct.join('; ') : undefined;
}

/** `priceDetail`: a PriceDetail whose `amount` has a `numericValue` and a currency `unit`. */
function priceText(details: SchemaNode[], problems: FeedProblem[], row: number): string | undefined {
  for (const detail of details) {
    const amount = nodesOf(detail, 'amount')[0];
    if (amount) {
      const value = firstTextOf(amount, 'numericValue', 'value');
      const unit = valuesOf(amount, 'unit')[0];
      const currency = currencyCode(typeof unit === 'string' ? unit : (unit?.id ?? textOf(unit)));
      if (value) return `${value} ${currency ?? ''}`.trim();
    }
    const label = firstTextOf(detail, 'prefLabel', 'title', 'description');
    if (label) return label;
  }
  if (details.length > 0)
    problems.push(
      problem(
        row,
        'warning',
        'priceDetail',
        null,
        'priceDetail gives no amount.',
        'Give priceDetail.amount with numericValue and a currency unit, or a prefLabel such as "Free".',
      ),
    );
  return undefined;
}
