import { expandFieldCodes, type Course, type Provider } from '@shortlist/schemas';

/** The flat shape stored in Meilisearch: only what search, filters, facets, sorting and result cards need. */
export interface SearchDocument {
  id: string;
  title: string;
  summary: string | null;
  learningOutcomes: string[];
  url: string;
  skills: string[];
  keywords: string[];
  providerId: string;
  providerName: string;
  providerType: Provider['type'];
  providerCountry: string;
  /** the course's ISCED-F codes plus every broader code, so a broad filter matches narrow and detailed */
  fields: string[];
  fieldCodes: string[];
  mode: Course['delivery']['mode'];
  pacing: Course['delivery']['pacing'];
  minWeeks: number | null;
  maxWeeks: number | null;
  hoursPerWeekMax: number | null;
  totalHoursMax: number | null;
  costAmount: number | null;
  costCurrency: string | null;
  /** cost in the reference currency, for filters and sorting across currencies */
  costReference: number | null;
  freeClass: Course['cost']['freeClass'];
  free: boolean;
  levelEqf: number | null;
  levelLabel: Course['level']['label'];
  /** BCP 47 codes and their base languages, so `en` finds `en-GB` */
  languages: string[];
  creditValue: number | null;
  creditSystem: string | null;
  credentialType: Course['credential']['type'];
  country: string | null;
  city: string | null;
  startDates: string[];
  completeness: number;
  completenessMissing: string[];
}

export function toSearchDocument(course: Course, provider: Provider | undefined): SearchDocument {
  return {
    id: course.id,
    title: course.title,
    summary: course.summary ?? course.description?.slice(0, 400) ?? null,
    learningOutcomes: course.learningOutcomes,
    url: course.url,
    skills: course.skills,
    keywords: [...course.subjects, ...course.keywords],
    providerId: course.providerId,
    providerName: provider?.name ?? course.providerId,
    providerType: provider?.type ?? 'company',
    providerCountry: provider?.country ?? course.location.country ?? '',
    fields: expandFieldCodes(course.fields),
    fieldCodes: course.fields,
    mode: course.delivery.mode,
    pacing: course.delivery.pacing,
    minWeeks: course.duration.minWeeks,
    maxWeeks: course.duration.maxWeeks,
    hoursPerWeekMax: course.workload.hoursPerWeek?.max ?? null,
    totalHoursMax: course.workload.totalHours?.max ?? null,
    costAmount: course.cost.amount,
    costCurrency: course.cost.currency,
    costReference: course.cost.reference?.amount ?? (course.cost.amount === 0 ? 0 : null),
    freeClass: course.cost.freeClass,
    free: course.cost.freeClass === 'free' || course.cost.freeClass === 'free-audit-paid-certificate',
    levelEqf: course.level.eqf,
    levelLabel: course.level.label,
    languages: [...new Set(course.languages.flatMap((code) => [code, code.split('-')[0]!]))],
    creditValue: course.credit.value,
    creditSystem: course.credit.system,
    credentialType: course.credential.type,
    country: course.location.country,
    city: course.location.city,
    startDates: course.startDates,
    completeness: course.completeness.score,
    completenessMissing: course.completeness.missing,
  };
}
