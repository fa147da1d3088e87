import type { FacetName } from '@shortlist/schemas/facets';

/** The parts of the API's answers that the pages read (see /openapi.json for the whole shape). */
export interface Hit {
  id: string;
  title: string;
  summary: string | null;
  url: string;
  provider: { id: string; name: string; type: string; country: string };
  fields: string[];
  deliveryMode: 'online' | 'in_person' | 'blended' | null;
  pacing: 'self_paced' | 'scheduled' | null;
  duration: { minWeeks: number | null; maxWeeks: number | null };
  workload: { hoursPerWeekMax: number | null; totalHoursMax: number | null };
  cost: {
    amount: number | null;
    currency: string | null;
    freeClass: string;
    reference: { amount: number; currency: string } | null;
  };
  level: { eqf: number | null; label: string | null };
  credential: string | null;
  credit: { value: number | null; system: string | null };
  completeness: { score: number; missing: string[] };
}

export interface FacetValue {
  value: string;
  label: string;
  count: number;
}

export interface SearchResponse {
  total: number;
  page: number;
  perPage: number;
  hits: Hit[];
  facets: Record<FacetName, FacetValue[]>;
  rates: { referenceCurrency: string; date: string };
}

interface Range {
  min: number;
  max: number;
}

export interface CourseResponse {
  id: string;
  title: string;
  summary: string | null;
  description: string | null;
  learningOutcomes: string[];
  url: string;
  enrolmentUrl: string | null;
  fields: string[];
  fieldNames: Record<string, string>;
  skills: string[];
  duration: { text: string | null; minWeeks: number | null; maxWeeks: number | null; selfPaced: boolean };
  workload: {
    text: string | null;
    hoursPerWeek: Range | null;
    totalHours: Range | null;
    totalDerived: boolean;
  };
  cost: {
    text: string | null;
    amount: number | null;
    currency: string | null;
    freeClass: string;
    basis: string;
    reference: { amount: number; currency: string; rateDate: string } | null;
  };
  delivery: { text: string | null; mode: string | null; pacing: string | null };
  location: { city: string | null; region: string | null; country: string | null };
  level: { text: string | null; eqf: number | null; label: string | null };
  credit: { text: string | null; value: number | null; system: string | null };
  credential: { text: string | null; type: string | null };
  assessment: string | null;
  qualityAssurance: string | null;
  prerequisites: string | null;
  languages: string[];
  startDates: string[];
  completeness: { score: number; missing: string[] };
  provider: { id: string; name: string; type: string; country: string; url: string } | null;
  priceHistory: { at: string; amount: number | null; currency: string | null; freeClass: string }[];
  fetchedAt: string;
}

export class ApiError extends Error {}

export async function getJson<T>(path: string): Promise<T> {
  const response = await fetch(path, { headers: { accept: 'application/json' } });
  const body = (await response.json()) as T & { error?: { message: string } };
  if (!response.ok) throw new ApiError(body.error?.message ?? `request failed with ${response.status}`);
  return body;
}
