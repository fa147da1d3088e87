import {
  costPerWorkloadHour,
  expandFieldCodes,
  type Course,
  type Provider,
  type StatedDuration,
} from '@shortlist/schemas';

const DAY_MS = 86_400_000;

/** Days since 1970-01-01 (UTC) of an ISO date or a moment: start dates are filtered and sorted as these numbers. */
export function dayNumber(date: string | Date): number {
  const at = typeof date === 'string' ? Date.parse(`${date.slice(0, 10)}T00:00:00Z`) : date.getTime();
  return Math.floor(at / DAY_MS);
}

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
  /** the codes of `fields` by level, one facet each: every level fits in the values a facet lists */
  broadFields: string[];
  narrowFields: string[];
  detailedFields: string[];
  mode: Course['delivery']['mode'];
  pacing: Course['delivery']['pacing'];
  minWeeks: number | null;
  maxWeeks: number | null;
  /** the length in the provider's own unit ("4 months"), for cards; weeks stay what filters use */
  durationStated: StatedDuration | null;
  hoursPerWeekMin: number | null;
  hoursPerWeekMax: number | null;
  totalHoursMin: number | null;
  totalHoursMax: number | null;
  costAmount: number | null;
  costCurrency: string | null;
  /** cost in the reference currency, for filters and sorting across currencies */
  costReference: number | null;
  /** reference cost per hour of the stated workload */
  costPerHour: number | null;
  freeClass: Course['cost']['freeClass'];
  free: boolean;
  levelEqf: number | null;
  levelLabel: Course['level']['label'];
  /** BCP 47 codes and their base languages, so `en` finds `en-GB` */
  languages: string[];
  /** base languages only, for the facet */
  baseLanguages: string[];
  creditValue: number | null;
  creditSystem: Course['credit']['system'];
  stackable: boolean | null;
  credentialType: Course['credential']['type'];
  country: string | null;
  region: string | null;
  city: string | null;
  startDates: string[];
  /** the start dates as day numbers, for date filters */
  startDays: number[];
  /** the first start on or after the day the document was written (the catalogue rewrites it when it passes) */
  nextStartDay: number | null;
  /** when the catalogue first listed the course, in seconds since 1970: "newest" sorts by it */
  firstSeen: number;
  /** when a tracked fact (cost, start dates, duration, status) last changed, or else firstSeen: feeds sort by it */
  changed: number;
  completeness: number;
  completenessMissing: string[];
}

export interface DocumentContext {
  /** when the catalogue first listed the course (ISO 8601) */
  firstSeenAt: string;
  /** the catalogue's latest history entry for the course (ISO 8601) */
  changedAt: string;
  /** the day the document is written */
  today: Date;
}

export function toSearchDocument(
  course: Course,
  provider: Provider | undefined,
  { firstSeenAt, changedAt, today }: DocumentContext,
): SearchDocument {
  const fields = expandFieldCodes(course.fields);
  const languages = [...new Set(course.languages.flatMap((code) => [code, code.split('-')[0]!]))];
  const startDays = course.startDates.map((date) => dayNumber(date)).filter(Number.isFinite);
  const todayNumber = dayNumber(today);
  const upcoming = startDays.filter((day) => day >= todayNumber);
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
    fields,
    fieldCodes: course.fields,
    broadFields: fields.filter((code) => code.length === 2),
    narrowFields: fields.filter((code) => code.length === 3),
    detailedFields: fields.filter((code) => code.length === 4),
    mode: course.delivery.mode,
    pacing: course.delivery.pacing,
    minWeeks: course.duration.minWeeks,
    maxWeeks: course.duration.maxWeeks,
    durationStated: course.duration.stated ?? null,
    hoursPerWeekMin: course.workload.hoursPerWeek?.min ?? null,
    hoursPerWeekMax: course.workload.hoursPerWeek?.max ?? null,
    totalHoursMin: course.workload.totalHours?.min ?? null,
    totalHoursMax: course.workload.totalHours?.max ?? null,
    costAmount: course.cost.amount,
    costCurrency: course.cost.currency,
    costReference: course.cost.reference?.amount ?? (course.cost.amount === 0 ? 0 : null),
    costPerHour: costPerWorkloadHour(course),
    freeClass: course.cost.freeClass,
    free: course.cost.freeClass === 'free' || course.cost.freeClass === 'free-audit-paid-certificate',
    levelEqf: course.level.eqf,
    levelLabel: course.level.label,
    languages,
    baseLanguages: languages.filter((code) => !code.includes('-')),
    creditValue: course.credit.value,
    creditSystem: course.credit.system,
    stackable: course.credit.stackable,
    credentialType: course.credential.type,
    country: course.location.country,
    region: course.location.region,
    city: course.location.city,
    startDates: course.startDates,
    startDays,
    nextStartDay: upcoming.length > 0 ? Math.min(...upcoming) : null,
    firstSeen: Math.floor(Date.parse(firstSeenAt) / 1000),
    changed: Math.floor(Date.parse(changedAt) / 1000),
    completeness: course.completeness.score,
    completenessMissing: course.completeness.missing,
  };
}
