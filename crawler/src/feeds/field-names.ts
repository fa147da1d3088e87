import { FEED_COLUMNS } from './csv-columns.ts';
import type { FeedFormat } from './problems.ts';

/** Where each standard keeps a fact, so a problem names the property the partner has to fill in. */
const STANDARD_FIELDS: Partial<Record<FeedFormat, Record<string, string>>> = {
  schemaorg: {
    title: 'name', url: 'url', learningOutcomes: 'teaches', workload: 'courseWorkload', level: 'educationalLevel',
    mode: 'courseMode', cost: 'offers.price', currency: 'offers.priceCurrency', duration: 'timeRequired',
    startDates: 'hasCourseInstance.startDate', credit: 'numberOfCredits', languages: 'inLanguage',
    qualityAssurance: 'educationalCredentialAwarded.recognizedBy', enrolmentUrl: 'offers.url',
  },
  ctdl: {
    title: 'ceterms:name', url: 'ceterms:subjectWebpage', learningOutcomes: 'ceterms:teaches',
    workload: 'ceterms:estimatedDuration (PT…H)', level: 'ceterms:audienceLevelType', mode: 'ceterms:deliveryType',
    assessment: 'ceterms:assessmentMethodType', qualityAssurance: 'ceterms:accreditedBy', cost: 'ceterms:estimatedCost',
    duration: 'ceterms:estimatedDuration', credit: 'ceterms:creditValue', languages: 'ceterms:inLanguage',
    country: 'ceterms:availableAt', startDates: 'ceterms:dateEffective', enrolmentUrl: 'ceterms:availabilityListing',
  },
  elm: {
    title: 'title', url: 'homepage', learningOutcomes: 'learningOutcome', workload: 'volumeOfLearning',
    level: 'eqfLevel', mode: 'mode', assessment: 'provenBy', qualityAssurance: 'accreditation', cost: 'priceDetail',
    duration: 'duration', startDates: 'temporal.startDate', credit: 'creditPoint', languages: 'language',
    country: 'location.address.countryCode', prerequisites: 'entryRequirement',
  },
}; // prettier-ignore

const COLUMN_NAMES = new Map(FEED_COLUMNS.map((column) => [column.target as string, column.name]));

/**
 * How a feed of this format names a Shortlist field: the partner's own CSV header when the file has that column,
 * the documented column otherwise; the standard's property for JSON-LD; the field itself for JSON.
 */
export function fieldNamer(
  format: FeedFormat,
  columnOf?: ReadonlyMap<string, string>,
): (field: string) => string {
  if (format === 'csv') return (field) => columnOf?.get(field) ?? COLUMN_NAMES.get(field) ?? field;
  const standard = STANDARD_FIELDS[format];
  return (field) => standard?.[field] ?? field;
}
