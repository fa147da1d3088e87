import type { DeliveryMode, FreeClass, ProviderType } from '@shortlist/schemas';

/** A course idea as written by hand: title, ISCED-F 2013 detailed codes, what it is about, outcomes, languages. */
export type TopicRow = [title: string, fields: string, about: string, outcomes: string, languages?: string];

export interface DurationFact {
  text: string;
  /** ISO 8601 form for structured data, when the provider would publish one */
  iso?: string;
  weeks: [min: number, max: number] | null;
  selfPaced?: boolean;
}

export interface WorkloadFact {
  text: string;
  iso?: string;
}

export interface CostFact {
  text: string;
  /** the price of taking the course; 0 when free */
  amount: number | null;
  currency: string | null;
  freeClass: FreeClass;
  /** a paid certificate on top of a free course */
  certificate?: number;
  perMonth?: boolean;
}

export interface ModeFact {
  text: string;
  mode: DeliveryMode;
  /** schema.org `courseMode` when it differs from the visible text */
  structured?: string | string[];
  city?: string;
}

export interface CreditFact {
  text: string;
  value: number;
  ects?: number;
}

export interface FactPools {
  duration: DurationFact[];
  workload: WorkloadFact[];
  cost: CostFact[];
  mode: ModeFact[];
  level: string[];
  credit: CreditFact[];
  credential: string[];
  assessment: string[];
  prerequisites: string[];
  startDates: string[];
  languages: string[][];
}

export type FactKey = keyof FactPools;

export interface ProviderPlan {
  id: string;
  name: string;
  providerType: ProviderType;
  country: string;
  seed: number;
  topics: TopicRow[];
  pools: FactPools;
  /** share of course pages that leave each fact out */
  missing: Partial<Record<FactKey, number>>;
  summaries: ((about: string) => string)[];
  audiences: string[];
  howYouLearn: Record<DeliveryMode, string>;
  pathFor: (slug: string, index: number) => string;
  /** extra description paragraphs for particular courses, by slug */
  extraParagraphs?: Record<string, string>;
}

/** One course as it appears on a demo page; `null` means the page does not say. */
export interface DemoCourse {
  providerId: string;
  slug: string;
  path: string;
  title: string;
  fields: string[];
  about: string;
  summary: string;
  description: string[];
  outcomes: string[];
  duration: DurationFact | null;
  workload: WorkloadFact | null;
  cost: CostFact | null;
  mode: ModeFact | null;
  level: string | null;
  credit: CreditFact | null;
  credential: string | null;
  assessment: string | null;
  prerequisites: string | null;
  startDates: string[];
  languages: string[];
}

export interface SiteFile {
  path: string;
  body: string;
}

export interface BuiltSite {
  courses: DemoCourse[];
  files: SiteFile[];
}

export const weeks = (min: number, max = min): [number, number] => [min, max];
/** months and days in weeks, rounded to one decimal as the ground truth records them */
export const monthsInWeeks = (months: number) => weeks(Math.round(((months * 52) / 12) * 10) / 10);
export const daysInWeeks = (days: number) => weeks(Math.round((days / 7) * 10) / 10);

export const paid = (text: string, amount: number, currency: string): CostFact => ({
  text,
  amount,
  currency,
  freeClass: 'paid',
});
export const free = (text: string): CostFact => ({ text, amount: 0, currency: null, freeClass: 'free' });
