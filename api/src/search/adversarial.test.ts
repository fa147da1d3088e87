// Hostile values for every search parameter: each gives exactly the right courses or a 400 naming the parameter;
// never a 5xx, never a filter that matches more than the value says.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expandFieldCodes, SearchParams, toReferenceCurrency, type Course } from '@shortlist/schemas';
import { COURSES, searchFixture, SYNTAX_CITY, type SearchFixture } from './search-fixture.ts';

let fixture: SearchFixture;
beforeAll(async () => {
  fixture = await searchFixture('courses_adversarial_test');
});
afterAll(() => fixture.close());

const HOSTILE = [
  '"',
  '\\',
  '\\"',
  '" OR mode = "online',
  'x" OR city != "x',
  "') OR 1=1 --",
  'online AND NOT mode = "x"',
  'online OR blended',
  '[online]',
  '(online)',
  'mode != "online"',
  'city = London',
  '_geoRadius(0, 0, 1)',
  'a\nb',
  'a\u0000b',
  'Ünïcødé 😀',
  '\u202e',
  '%',
  '%00',
  '{}',
  '[]',
  'null',
  'true',
  '',
  ' ',
  ',',
  'online,',
  ',online',
  'x'.repeat(10_240),
  '1e21',
  '1e307',
  'NaN',
  'Infinity',
  '-1',
  '-0',
  '0x10',
  '1.5',
  '1e-7',
  '99999999999',
  '2027-13-45',
  SYNTAX_CITY,
];

const list = (value: string) => value.split(',');
const hasAny = (values: (string | null)[], value: string) =>
  list(value).some((item) => values.includes(item));
const atLeast = (actual: number | null | undefined, value: string) =>
  actual !== null && actual !== undefined && actual >= Number(value);
const atMost = (actual: number | null | undefined, value: string) =>
  actual !== null && actual !== undefined && actual <= Number(value);
const inEuros = (value: string) => toReferenceCurrency(Number(value), 'EUR')!.amount;

/** What a parameter means, for the values it accepts: the courses a search with it alone must find. */
const MEANING: Partial<Record<keyof typeof SearchParams.shape, (course: Course, value: string) => boolean>> =
  {
    city: (course, value) => hasAny([course.location.city], value),
    region: (course, value) => hasAny([course.location.region], value),
    country: (course, value) => hasAny([course.location.country], value),
    provider: (course, value) => hasAny([course.providerId], value),
    field: (course, value) => hasAny(expandFieldCodes(course.fields), value),
    language: (course, value) =>
      hasAny(
        course.languages.flatMap((code) => [code, code.split('-')[0]!]),
        value,
      ),
    free: (course, value) => (value === 'true') === ['free', 'free-audit-paid-certificate'].includes(course.cost.freeClass), // prettier-ignore
    stackable: (course, value) => course.credit.stackable === (value === 'true'),
    minWeeks: (course, value) => atLeast(course.duration.minWeeks, value),
    maxWeeks: (course, value) => atMost(course.duration.maxWeeks, value),
    minHoursPerWeek: (course, value) => atLeast(course.workload.hoursPerWeek?.min, value),
    maxHoursPerWeek: (course, value) => atMost(course.workload.hoursPerWeek?.max, value),
    minTotalHours: (course, value) => atLeast(course.workload.totalHours?.min, value),
    maxTotalHours: (course, value) => atMost(course.workload.totalHours?.max, value),
    minCredits: (course, value) => atLeast(course.credit.value, value),
    maxCredits: (course, value) => atMost(course.credit.value, value),
    minCost: (course, value) => atLeast(course.cost.reference?.amount, String(inEuros(value))),
    maxCost: (course, value) => atMost(course.cost.reference?.amount, String(inEuros(value))),
  };
/** Parameters that do not narrow the courses found. */
const NOT_FILTERS = new Set(['q', 'page', 'perPage', 'sort']);

const ids = (keep: (course: Course) => boolean) =>
  COURSES.filter(keep)
    .map((course) => course.id)
    .sort();

describe('every search parameter, given hostile values', () => {
  it.each(Object.keys(SearchParams.shape))(
    '%s: exactly the right courses, or a 400 naming it; never a 5xx',
    async (parameter) => {
      const accepted: string[] = [];
      for (const value of HOSTILE) {
        // checked: a status the route does not declare (a 5xx) or a body off its schema fails here
        const { status, body } = await fixture.request(
          `/v1/search?${parameter}=${encodeURIComponent(value)}&perPage=100`,
        );
        if (status === 400) {
          expect(body.error.parameter, `${parameter}=${JSON.stringify(value)}`).toBe(parameter);
          continue;
        }
        accepted.push(value);
        const meaning = MEANING[parameter as keyof typeof MEANING];
        const found = body.hits.map((hit: { id: string }) => hit.id).sort();
        if (NOT_FILTERS.has(parameter)) continue;
        expect(meaning, `${parameter}=${JSON.stringify(value)} was accepted`).toBeDefined();
        expect(found, `${parameter}=${JSON.stringify(value)}`).toEqual(
          ids((course) => meaning!(course, value)),
        );
        expect(body.total).toBe(found.length);
      }
      // the values a parameter accepts are the ones its schema says; the others were refused
      for (const value of accepted)
        expect(SearchParams.shape[parameter as 'q'].safeParse(value).success).toBe(true);
    },
  );

  it('finds the course whose city is made of filter syntax, and only it', async () => {
    const { body } = await fixture.request(`/v1/search?city=${encodeURIComponent(SYNTAX_CITY)}`);
    expect(body.hits.map((hit: { title: string }) => hit.title)).toEqual([
      'Quotes "and" \\ backslashes OR AND NOT [brackets] = != course',
    ]);
  });

  it.each(Object.keys(SearchParams.shape))('%s given twice is a 400 naming it', async (parameter) => {
    const { status, body } = await fixture.request(`/v1/search?${parameter}=1&${parameter}=2`);
    expect(status).toBe(400);
    expect(body.error).toMatchObject({ parameter, message: expect.stringContaining('given 2 times') });
  });

  it('searches words made of filter syntax as words, and a 10 kB query is a 400', async () => {
    const syntax = await fixture.request(
      `/v1/search?q=${encodeURIComponent('backslashes OR AND NOT [brackets]')}`,
    );
    expect(syntax.status).toBe(200);
    expect(syntax.body.hits[0].title).toContain('backslashes');
    const long = await fixture.request(`/v1/search?q=${'x'.repeat(10_240)}`);
    expect(long.status).toBe(400);
    expect(long.body.error.parameter).toBe('q');
  });
});
