import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testCourse } from '@shortlist/indexer/testing';
import type { Provider } from '@shortlist/schemas';
import { startTestApp, type TestApp } from '../testing.ts';

const northbridge: Provider = {
  id: 'northbridge-university',
  name: 'Northbridge University',
  type: 'university',
  country: 'GB',
  url: 'https://northbridge.example/',
};
const harbour: Provider = {
  id: 'harbour-college',
  name: 'Harbour College',
  type: 'college',
  country: 'IE',
  url: 'https://harbour.example/',
};
const analytics = testCourse({
  title: 'Data Analytics with Python',
  mode: 'Online',
  duration: '8 weeks',
  workload: '5 hours per week',
  cost: '£450',
  credit: '10 ECTS',
  level: 'EQF 5',
  learningOutcomes: ['Clean data with pandas'],
  assessment: 'Project',
});
const visualisation = testCourse({
  title: 'Data Visualisation',
  mode: 'Online',
  duration: '8 weeks',
  workload: '40 hours',
  cost: '€400',
  credit: '5 ECTS',
});
const welding = testCourse({ title: 'Welding Basics', mode: 'In person', duration: '4 weeks' }, harbour.id);
const nursing = testCourse(
  { title: 'Nursing Leadership', mode: 'Blended', cost: 'Free', level: 'Advanced' },
  harbour.id,
);
const spare = testCourse({ title: 'Spreadsheet Skills', mode: 'Online' });
const formula = testCourse({ title: '=HYPERLINK("https://evil.example","Win")', mode: 'Online' }, 'evil-co');

let test: TestApp;
beforeAll(async () => {
  test = await startTestApp({
    providers: [northbridge, harbour, { ...harbour, id: 'evil-co', name: '@SUM(1)' }],
    courses: [analytics, visualisation, welding, nursing, spare, formula],
    now: () => new Date('2026-12-02T09:30:00Z'),
  });
});
afterAll(() => test.close());

const compare = (query: string) => test.request(`/v1/compare?${query}`);
const row = (body: any, key: string) => body.facts.find((fact: any) => fact.key === key);

describe('GET /v1/compare?courses=', () => {
  it('aligns the facts of each course in the order asked and flags the ones that differ', async () => {
    const { status, body } = await compare(`courses=${analytics.id},${visualisation.id}`);
    expect(status).toBe(200);
    expect(body.kind).toBe('courses');
    expect(body.courses.map((course: any) => course.title)).toEqual(['Data Analytics with Python', 'Data Visualisation']); // prettier-ignore
    expect(row(body, 'mode')).toMatchObject({ differs: false, values: [{ value: 'Online' }, { value: 'Online' }] }); // prettier-ignore
    expect(row(body, 'duration')).toMatchObject({ differs: false, values: [{ value: '8 weeks', number: 8 }, { value: '8 weeks', number: 8 }] }); // prettier-ignore
    expect(row(body, 'cost')).toMatchObject({ differs: true, values: [{ value: '£450', number: 450, said: '£450' }, { value: '€400', number: 400 }] }); // prettier-ignore
    expect(row(body, 'credit')).toMatchObject({ differs: true, values: [{ value: '10 ECTS', number: 10 }, { value: '5 ECTS', number: 5 }] }); // prettier-ignore
  });

  it('makes costs comparable: per hour of work and per credit, in the reference currency of a dated table', async () => {
    const { body } = await compare(`courses=${analytics.id},${visualisation.id}`);
    const [first, second] = body.courses;
    // £450 at 0.875 £/€ is €514.29; 8 weeks × 5 hours is 40 hours; 10 ECTS
    expect(first.costPerHour).toEqual({ amount: 12.86, currency: 'EUR', per: 'hour' });
    expect(first.costPerCredit).toEqual({ amount: 51.43, currency: 'EUR', per: 'ECTS' });
    expect(second.costPerHour).toEqual({ amount: 10, currency: 'EUR', per: 'hour' });
    expect(second.costPerCredit).toEqual({ amount: 80, currency: 'EUR', per: 'ECTS' });
    expect(row(body, 'costReference').values.map((value: any) => value.number)).toEqual([514.29, 400]);
    expect(row(body, 'costPerHour').values[0].value).toBe('€12.86 an hour');
    expect(row(body, 'totalHours').values[0].value).toBe('40 hours (weeks × hours a week)');
    expect(body.rates).toEqual({
      referenceCurrency: 'EUR',
      date: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
    });
  });

  it('says how complete each course is and what it does not state', async () => {
    const { body } = await compare(`courses=${analytics.id},${welding.id},${nursing.id}`);
    const [first, second] = body.courses;
    expect(first.completeness.score).toBeGreaterThan(second.completeness.score);
    expect(second.completeness.missing).toEqual(expect.arrayContaining(['learning outcomes', 'cost']));
    expect(first.completeness.missing).not.toContain('learning outcomes');
    expect(row(body, 'missing').values[1].value).toContain('learning outcomes');
    expect(row(body, 'cost').values[1]).toEqual({ value: null, number: null, said: null });
    expect(row(body, 'cost').values[2]).toMatchObject({ value: 'Free', number: 0 });
    expect(second.costPerHour).toBeNull();
    expect(body.courses.map((course: any) => course.provider.name)).toEqual(['Northbridge University', 'Harbour College', 'Harbour College']); // prettier-ignore
  });

  it('answers the comparison as a CSV file, a row per fact and a column per course', async () => {
    const { status, headers, body } = await compare(`courses=${analytics.id},${welding.id}&format=csv`);
    expect(status).toBe(200);
    expect(headers.get('Content-Type')).toBe('text/csv; charset=utf-8');
    expect(headers.get('Content-Disposition')).toBe('attachment; filename="shortlist-compare-courses-2026-12-02.csv"'); // prettier-ignore
    const lines = (body as string).split('\r\n');
    expect(lines[0]).toBe(`fact,${analytics.id},${welding.id},differs`);
    expect(lines).toContain('Title,Data Analytics with Python,Welding Basics,');
    expect(lines).toContain('Delivery mode,Online,In person,yes');
    expect(lines.at(-2)).toMatch(/^Exchange rates of,(\d{4}-\d{2}-\d{2}),\1,no$/);
    expect(lines.at(-1)).toBe('');
    expect(headers.get('X-Rates-Date')).toBe(lines.at(-2)!.split(',')[1]);
  });

  it('neutralises cells a spreadsheet would run as a formula', async () => {
    const { body } = await compare(`courses=${formula.id},${welding.id}&format=csv`);
    expect(body).toContain(`Title,"'=HYPERLINK(""https://evil.example"",""Win"")",Welding Basics,\r\n`);
    expect(body).toContain("Provider,'@SUM(1),Harbour College,yes");
  });

  it.each([
    ['one id', 'courses=' + analytics.id, 'courses', /2 to 4 course ids/],
    ['five ids', `courses=${[analytics, visualisation, welding, nursing, spare].map((course) => course.id).join(',')}`, 'courses', /2 to 4 course ids, comma-separated \(5 given\)/], // prettier-ignore
    ['a repeated id', `courses=${analytics.id},${analytics.id}`, 'courses', /given twice/],
    ['a malformed id', `courses=${analytics.id},NOT%20AN%20ID`, 'courses', /"NOT AN ID" is not a course id/],
    ['no ids', '', 'courses', /give courses=ID,ID/],
    ['both courses and providers', `courses=${analytics.id},${welding.id}&providers=a-b,c-d`, 'providers', /not both/], // prettier-ignore
    ['an unknown format', `courses=${analytics.id},${welding.id}&format=xlsx`, 'format', /json|csv/],
    ['courses given twice', `courses=${analytics.id}&courses=${welding.id}`, 'courses', /given 2 times/],
    ['a 10 kB value', `courses=${analytics.id},${'x'.repeat(10_000)}`, 'courses', /at most 1,000 characters/],
    ['filter syntax', `courses=${analytics.id},"%20OR%20id%20!%3D%20"`, 'courses', /is not a course id/],
    ['brackets and 1e21', `courses=${analytics.id},[1e21]`, 'courses', /is not a course id/],
    ['a backslash', `courses=${analytics.id},a\\b`, 'courses', /is not a course id/],
  ])('refuses %s with a 400 naming the parameter', async (_case, query, parameter, message) => {
    const { status, body } = await compare(query);
    expect(status).toBe(400);
    expect(body.error.parameter).toBe(parameter);
    expect(body.error.message).toMatch(message);
  });

  it('answers 404 naming every unknown course', async () => {
    const { status, body } = await compare(`courses=${analytics.id},no-such-course,gone-too`);
    expect(status).toBe(404);
    expect(body.error).toMatchObject({ parameter: 'courses', status: 404 });
    expect(body.error.message).toContain('"no-such-course", "gone-too"');
  });
});

describe('GET /v1/compare?providers=', () => {
  it('aligns course count, median cost, fields, modes, levels, completeness and the share stating each critical fact', async () => {
    const { status, body } = await compare(`providers=${northbridge.id},${harbour.id}`);
    expect(status).toBe(200);
    expect(body.kind).toBe('providers');
    const [north, south] = body.providers;
    expect(north).toMatchObject({
      id: northbridge.id,
      courseCount: 3,
      pricedCourses: 2,
      modes: { online: 3 },
    });
    expect(north.medianCost).toBeCloseTo((514.29 + 400) / 2, 2);
    expect(south).toMatchObject({ courseCount: 2, pricedCourses: 1, medianCost: 0, modes: { in_person: 1, blended: 1 }, levels: { advanced: 1 } }); // prettier-ignore
    const outcomes = (provider: any) => provider.criticalFacts.find((fact: any) => fact.key === 'learningOutcomes').share; // prettier-ignore
    expect(outcomes(north)).toBeCloseTo(1 / 3, 3);
    expect(outcomes(south)).toBe(0);
    expect(row(body, 'courseCount')).toMatchObject({ differs: true, values: [{ number: 3 }, { number: 2 }] });
    expect(row(body, 'states:learningOutcomes').values.map((value: any) => value.value)).toEqual([
      '33%',
      '0%',
    ]);
    expect(row(body, 'modes').values[1].value).toBe('Blended 1; In person 1');
  });

  it('refuses a wrong count, a repeat and unknown providers, naming the parameter', async () => {
    expect((await compare(`providers=${harbour.id}`)).body.error.parameter).toBe('providers');
    expect((await compare(`providers=${harbour.id},${harbour.id}`)).status).toBe(400);
    const unknown = await compare(`providers=${harbour.id},nobody-here`);
    expect(unknown.status).toBe(404);
    expect(unknown.body.error).toMatchObject({ parameter: 'providers', message: expect.stringContaining('"nobody-here"') }); // prettier-ignore
  });

  it('answers a CSV file too', async () => {
    const { headers, body } = await compare(`providers=${northbridge.id},${harbour.id}&format=csv`);
    expect(headers.get('Content-Disposition')).toContain('shortlist-compare-providers-2026-12-02.csv');
    expect((body as string).split('\r\n')).toContain('Courses,3,2,yes');
  });
});

describe('GET /v1/providers/:id', () => {
  it('gives the statistics and a page of the provider’s courses, by title', async () => {
    const { status, body } = await test.request(`/v1/providers/${northbridge.id}?perPage=2`);
    expect(status).toBe(200);
    expect(body).toMatchObject({ id: northbridge.id, courseCount: 3, completeness: expect.any(Number) });
    expect(body.courses.total).toBe(3);
    expect(body.courses.hits.map((hit: any) => hit.title)).toEqual(['Data Analytics with Python', 'Data Visualisation']); // prettier-ignore
    const next = await test.request(`/v1/providers/${northbridge.id}?perPage=2&page=2`);
    expect(next.body.courses.hits.map((hit: any) => hit.title)).toEqual(['Spreadsheet Skills']);
  });

  it('reflects a change after the next sync', async () => {
    test.store.upsertCourses([testCourse({ title: 'Welding Advanced', mode: 'Online' }, harbour.id)]);
    await test.sync();
    const { body } = await test.request(`/v1/providers/${harbour.id}`);
    expect(body.courseCount).toBe(3);
    expect(body.modes).toEqual({ in_person: 1, blended: 1, online: 1 });
  });

  it.each([
    ['a 10 kB id', 'x'.repeat(10_000), 400],
    ['filter syntax', encodeURIComponent('x" OR providerId != "x'), 404],
    ['a backslash and brackets', encodeURIComponent('[a\\b]'), 404],
  ])('answers %s as the provider id with a %s naming it', async (_case, id, status) => {
    const response = await test.request(`/v1/providers/${id}`);
    expect(response.status).toBe(status);
    expect(response.body.error.parameter).toBe('id');
  });

  it.each(['page=0', 'perPage=101', 'page=1e21', 'page=abc', 'page=1&page=2', 'colour=red'])(
    'refuses %s with a 400',
    async (query) => {
      const { status, body } = await test.request(`/v1/providers/${northbridge.id}?${query}`);
      expect(status).toBe(400);
      expect(['page', 'perPage', 'colour']).toContain(body.error.parameter);
    },
  );
});
