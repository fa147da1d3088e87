import type { Extractor, RawCourse } from '@shortlist/schemas';
import { readInstances, readLocation } from './course-instances.ts';
import { emptyCourse, putField } from './course-record.ts';
import type { CourseField } from './course-record.ts';
import { resolveUrl } from './dom.ts';
import { readOffers } from './offers.ts';
import { firstTextOf, textOf, textsOf } from '../linked-data/node-text.ts';
import { hasType, nodesOf, valuesOf } from '../linked-data/schema-org-node.ts';
import type { SchemaNode } from '../linked-data/schema-org-node.ts';

const INSTANCE: ReadonlySet<string> = new Set(['CourseInstance']);
const CREDENTIAL: ReadonlySet<string> = new Set(['EducationalOccupationalCredential']);

/** Maps a schema.org course, programme, credential or standalone course instance to a course record. */
export function mapCourseNode(
  node: SchemaNode,
  extractor: Extractor,
  baseUrl: string,
  warnings: string[],
): RawCourse {
  const record = emptyCourse();
  const put = (field: CourseField, value: string | readonly string[] | undefined) =>
    putField(record, field, value, extractor);
  const title = firstTextOf(node, 'name');
  const warningPrefix = title ? `"${title}": ` : '';
  const credentials = [
    ...(hasType(node, CREDENTIAL) ? [node] : []),
    ...nodesOf(node, 'educationalCredentialAwarded'),
  ];

  put('title', title);
  put('description', firstTextOf(node, 'description'));
  put('summary', firstTextOf(node, 'abstract', 'disambiguatingDescription'));
  put('url', resolveUrl(firstTextOf(node, 'url'), baseUrl));
  put('skills', textsOf(node, 'teaches', 'competencyRequired'));
  put('subjects', textsOf(node, 'about'));
  put('keywords', keywordsOf(node));
  put('credential', credentialText(node));
  put(
    'level',
    firstTextOf(node, 'educationalLevel') ??
      credentials.map((c) => firstTextOf(c, 'educationalLevel')).find(Boolean),
  );
  put('prerequisites', textsOf(node, 'coursePrerequisites', 'programPrerequisites').join('; '));
  put('languages', textsOf(node, 'inLanguage', 'availableLanguage'));
  put('credit', valuesOf(node, 'numberOfCredits').map(creditText).find(Boolean));
  put('qualityAssurance', [...new Set(credentials.flatMap((c) => textsOf(c, 'recognizedBy')))].join('; '));

  const instances = readInstances([
    ...(hasType(node, INSTANCE) ? [node] : []),
    ...nodesOf(node, 'hasCourseInstance'),
  ]);
  put('duration', firstTextOf(node, 'timeRequired', 'timeToComplete') ?? instances.duration);
  put('workload', firstTextOf(node, 'courseWorkload') ?? instances.workload);
  put(
    'mode',
    distinctIgnoringCase([...textsOf(node, 'courseMode', 'educationalProgramMode'), ...instances.modes]),
  );
  put('startDates', [...textsOf(node, 'startDate'), ...instances.startDates]);
  const location = readLocation(nodesOf(node, 'location')) ?? instances.location;
  put('city', location?.city);
  put('region', location?.region);
  put('country', location?.country);

  const ownOffers = nodesOf(node, 'offers');
  const offer = readOffers(ownOffers.length > 0 ? ownOffers : instances.offers, warnings, warningPrefix);
  const free = textsOf(node, 'isAccessibleForFree').some((value) => value.toLowerCase() === 'true');
  put('cost', offer.cost ?? (free ? '0' : undefined));
  put('currency', offer.currency);
  put('enrolmentUrl', resolveUrl(offer.enrolmentUrl, baseUrl));
  put('code', firstTextOf(node, 'courseCode'));
  if (instances.offerings.length > 0) {
    record.offerings = instances.offerings;
    (record.provenance ??= {}).offerings = extractor;
  }
  return record;
}

/** `keywords` is one comma-separated string, a list, or DefinedTerms. */
function keywordsOf(node: SchemaNode): string[] {
  return valuesOf(node, 'keywords').flatMap((value) =>
    typeof value === 'string' ? value.split(',') : (textOf(value) ?? []),
  );
}

/** "Certificate in Data Analysis (Professional Certificate)": the credential's name with its category. */
function credentialText(node: SchemaNode): string | undefined {
  const awarded = valuesOf(node, 'educationalCredentialAwarded');
  const credentials = hasType(node, CREDENTIAL) ? [node, ...awarded] : awarded;
  const texts = credentials.map((credential) => {
    if (typeof credential === 'string') return textOf(credential);
    const name = firstTextOf(credential, 'name');
    const category = firstTextOf(credential, 'credentialCategory');
    if (name && category && !name.toLowerCase().includes(category.toLowerCase()))
      return `${name} (${category})`;
    return name ?? category ?? textOf(credential);
  });
  const distinct = [...new Set(texts.filter((text): text is string => Boolean(text)))];
  return distinct.length > 0 ? distinct.join('; ') : undefined;
}

/** `numberOfCredits` is a number or a StructuredValue such as `{ "value": 5, "unitText": "ECTS" }`. */
function creditText(value: string | SchemaNode): string | undefined {
  const amount = typeof value === 'string' ? value.trim() : firstTextOf(value, 'value');
  const unit = typeof value === 'string' ? undefined : firstTextOf(value, 'unitText', 'unitCode');
  if (amount && unit) return unit.startsWith(amount) ? unit : `${amount} ${unit}`;
  if (amount && /^\d+(?:[.,]\d+)?$/.test(amount)) return `${amount} credits`;
  return amount ?? (typeof value === 'string' ? undefined : textOf(value));
}

function distinctIgnoringCase(values: readonly string[]): string[] {
  const seen = new Set<string>();
  return values.filter((value) => {
    const key = value.toLowerCase();
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
