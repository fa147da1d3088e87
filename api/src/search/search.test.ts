import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SearchIndex } from '@shortlist/indexer';
import { costPerWorkloadHour, toReferenceCurrency, type Course } from '@shortlist/schemas';
import { createApp } from '../app.ts';
import { checkedRequests } from '../testing.ts';
import { COURSES, searchFixture, titles, type SearchFixture } from './search-fixture.ts';

let fixture: SearchFixture;
beforeAll(async () => {
  fixture = await searchFixture('courses_search_test');
});
afterAll(() => fixture.close());

const search = (query: string) => fixture.request(`/v1/search?${query}&perPage=100`);
/** The titles a search finds, sorted. */
async function found(query: string): Promise<string[]> {
  const { status, body } = await search(query);
  expect(status, JSON.stringify(body)).toBe(200);
  expect(body.total).toBe(body.hits.length);
  return body.hits.map((hit: { title: string }) => hit.title).sort();
}
const expected = (keep: (course: Course) => boolean) =>
  COURSES.filter(keep)
    .map((course) => course.title)
    .sort();
const facetCounts = (facet: { values: { value: string; count: number }[] }) =>
  Object.fromEntries(facet.values.map((value) => [value.value, value.count]));

describe('GET /v1/search: words, the hit shape and highlights', () => {
  it('finds courses by words, with typos, and returns the documented hit shape', async () => {
    const { body } = await search('q=pyton');
    expect(body.hits.map((hit: any) => hit.title)).toEqual(['Data Analytics with Python']);
    expect(body.hits[0]).toMatchObject({
      provider: { id: 'northbridge-university', name: 'Northbridge University' },
      deliveryMode: 'online',
      // the length as the provider gave it, for cards; weeks for filters
      duration: { minWeeks: 6, maxWeeks: 6, stated: { value: 6, max: null, unit: 'week' } },
      cost: { amount: 450, currency: 'GBP', perHour: costPerWorkloadHour(COURSES[0]!) },
      credit: { value: 5, system: 'ECTS', stackable: null },
      location: { city: 'London', region: 'Greater London' },
    });
  });

  it('marks the matched words as offsets into the plain text, across accents and emoji', async () => {
    const { body } = await search('q=fuhrung');
    const [hit] = body.hits;
    expect(hit.title).toBe('Gestión de datos: Führung für Ärzte 😀');
    expect(hit.highlights.title.map(([start, end]: number[]) => hit.title.slice(start, end))).toEqual([
      'Führung',
    ]);
    expect(hit.highlights.summary.map(([start, end]: number[]) => hit.summary.slice(start, end))).toEqual([
      'Führung',
    ]);
    const data = await search('q=data&sort=newest');
    const quoted = data.body.hits.find((one: any) => one.title.startsWith('Data Analytics'));
    expect(quoted.highlights.title).toEqual([[0, 4]]);
  });
});

describe('GET /v1/search: multi-select and disjunctive facets', () => {
  it('matches any of the values chosen within a facet', async () => {
    expect(await found('mode=online,blended')).toEqual(
      expected((course) => ['online', 'blended'].includes(course.delivery.mode!)),
    );
    expect(await found('city=London,Cardiff')).toEqual(['Big Data on Campus', 'Data Analytics with Python']);
  });

  it("counts a facet's values without its own choices, and with every other parameter", async () => {
    const everything = await search('');
    const chosen = await search('mode=online&level=introductory');
    expect(chosen.body.total).toBe(2);
    // the mode counts are those of level=introductory alone; the level counts those of mode=online alone
    const introductory = await search('level=introductory');
    const online = await search('mode=online');
    expect(facetCounts(chosen.body.facets.mode)).toEqual(facetCounts(introductory.body.facets.mode));
    expect(facetCounts(chosen.body.facets.level)).toEqual(facetCounts(online.body.facets.level));
    expect(facetCounts(online.body.facets.mode)).toEqual(facetCounts(everything.body.facets.mode));
    expect(chosen.body.facets.mode.values.find((value: any) => value.value === 'online')).toMatchObject({
      selected: true,
      count: 2,
    });
    expect(facetCounts(everything.body.facets.mode)).toEqual({ online: 3, blended: 2, in_person: 2 });
    expect(everything.body.facets.mode.more).toBe(false);
  });

  it('lists the narrower fields inside the one field chosen', async () => {
    const broad = (await search('')).body.facets.field.values.map((value: any) => value.value);
    expect(broad.every((code: string) => code.length === 2)).toBe(true);
    const it06 = await search('field=06');
    expect(it06.body.facets.field.values.length).toBeGreaterThan(0);
    for (const value of it06.body.facets.field.values) expect(value.value).toMatch(/^06\d$/);
  });
});

describe('GET /v1/search: ranges, dates and other filters', () => {
  it.each([
    ['minWeeks=6&maxWeeks=10', (c: Course) => c.duration.minWeeks! >= 6 && c.duration.maxWeeks! <= 10],
    [
      'maxHoursPerWeek=4',
      (c: Course) => c.workload.hoursPerWeek !== null && c.workload.hoursPerWeek.max <= 4,
    ],
    [
      'minHoursPerWeek=5',
      (c: Course) => c.workload.hoursPerWeek !== null && c.workload.hoursPerWeek.min >= 5,
    ],
    ['minTotalHours=40', (c: Course) => c.workload.totalHours !== null && c.workload.totalHours.min >= 40],
    ['maxTotalHours=30', (c: Course) => c.workload.totalHours !== null && c.workload.totalHours.max <= 30],
    ['minCredits=6&maxCredits=12', (c: Course) => c.credit.value !== null && c.credit.value >= 6 && c.credit.value <= 12], // prettier-ignore
    ['stackable=true', (c: Course) => c.credit.stackable === true],
    ['creditSystem=ECTS', (c: Course) => c.credit.system === 'ECTS'],
    ['creditSystem=CATS,local', (c: Course) => c.credit.system === 'CATS' || c.credit.system === 'local'],
    ['region=Wales,Leinster', (c: Course) => ['Wales', 'Leinster'].includes(c.location.region!)],
    ['provider=fernhill-college', (c: Course) => c.providerId === 'fernhill-college'],
    ['language=es', (c: Course) => c.languages.includes('es')],
    ['free=true', (c: Course) => c.cost.freeClass === 'free'],
  ])('%s finds exactly the courses that satisfy it', async (query, keep) => {
    const expectation = expected(keep);
    expect(expectation.length).toBeGreaterThan(0);
    expect(await found(query)).toEqual(expectation);
  });

  it('compares costs in the currency asked, both ways, through the dated rate table', async () => {
    const [low, high] = [toReferenceCurrency(400, 'GBP')!.amount, toReferenceCurrency(1000, 'GBP')!.amount];
    const expectation = expected((c) => c.cost.reference !== null && c.cost.reference.amount >= low && c.cost.reference.amount <= high); // prettier-ignore
    expect(expectation).toEqual([
      'Data Analytics with Python',
      'Data Visualisation for Managers',
      'Welding Basics',
    ]);
    expect(await found('minCost=400&maxCost=1000&currency=GBP')).toEqual(expectation);
  });

  it('finds courses by start date: between two dates, and within N days of today', async () => {
    expect(await found('startsAfter=2027-02-01&startsBefore=2027-03-31')).toEqual([
      'Big Data on Campus',
      'Data Visualisation for Managers',
    ]);
    // today is 2027-01-10: the next 14 days run to 2027-01-24
    expect(await found('startsWithinDays=14')).toEqual(['Data Analytics with Python', 'Welding Basics']);
    expect(await found('startsWithinDays=14&startsAfter=2027-01-16')).toEqual(['Data Analytics with Python']);
    expect(await found('startsAfter=2027-07-01')).toEqual([]);
  });
});

describe('GET /v1/search: sorts', () => {
  const order = async (query: string) =>
    (await search(query)).body.hits.map((hit: { title: string }) => hit.title) as string[];

  it('sorts by next start date, and keeps it true as start dates pass', async () => {
    expect((await order('sort=start:asc')).slice(0, 5)).toEqual([
      'Welding Basics',
      'Data Analytics with Python',
      'Big Data on Campus',
      'Data Visualisation for Managers',
      'Gestión de datos: Führung für Ärzte 😀',
    ]);
    // 2027-01-18: Welding Basics (15 January) has started; Data Analytics still starts on the 20th
    fixture.clock.now = new Date('2027-01-18T09:00:00Z');
    expect(await fixture.store.refreshPassedStarts()).toBe(1);
    await fixture.index.syncFrom(fixture.store);
    const after = await order('sort=start:asc');
    expect(after.slice(0, 4)).toEqual([
      'Data Analytics with Python',
      'Big Data on Campus',
      'Data Visualisation for Managers',
      'Gestión de datos: Führung für Ärzte 😀',
    ]);
    expect(after.indexOf('Welding Basics')).toBeGreaterThan(4);
    fixture.clock.now = new Date('2027-01-10T09:00:00Z');
  });

  it('sorts by newest first listed', async () => {
    expect(await order('sort=newest')).toEqual(COURSES.map((course) => course.title).reverse());
  });

  it('sorts by cost per workload hour, the unknown ones last', async () => {
    const known = COURSES.filter((course) => costPerWorkloadHour(course) !== null)
      .sort((a, b) => costPerWorkloadHour(a)! - costPerWorkloadHour(b)!)
      .map((course) => course.title);
    expect((await order('sort=costPerHour:asc')).slice(0, known.length)).toEqual(known);
  });
});

describe('GET /v1/search: totals and pages', () => {
  it('gives an exact total, the pages that can be reached, and pages through every course once', async () => {
    const first = await fixture.request('/v1/search?perPage=3&sort=newest');
    expect(first.body).toMatchObject({
      total: COURSES.length,
      totalIsLowerBound: false,
      pages: 3,
      perPage: 3,
    });
    const seen = [];
    for (let page = 1; page <= 3; page++) {
      const { body } = await fixture.request(`/v1/search?perPage=3&sort=newest&page=${page}`);
      seen.push(...body.hits.map((hit: { id: string }) => hit.id));
    }
    expect(titles(seen)).toEqual(COURSES.map((course) => course.title).reverse());
  });

  it.each([
    ['page=101&perPage=100', 'page'],
    ['page=10001', 'page'],
    ['minWeeks=10&maxWeeks=6', 'minWeeks'],
    ['startsAfter=2027-03-01&startsBefore=2027-01-01', 'startsAfter'],
    ['startsAfter=2027-02-30', 'startsAfter'],
    ['mode=online&mode=blended', 'mode'],
    ['mode=online,boat', 'mode'],
    ['colour=blue', 'colour'],
    ['maxCost=100&currency=XXX', 'currency'],
    ['sort=price', 'sort'],
  ])('%s is a 400 naming %s', async (query, parameter) => {
    const { status, body } = await fixture.request(`/v1/search?${query}`);
    expect(status).toBe(400);
    expect(body.error.parameter).toBe(parameter);
    expect(body.error.message).toContain(parameter);
  });
});

it('answers 400, not 500, when Meilisearch refuses the search (an index whose settings lag behind)', async () => {
  const { client } = fixture.index;
  await client.createIndex('courses_old_settings', { primaryKey: 'id' }).waitTask();
  const task = await client
    .index('courses_old_settings')
    .updateSettings({ filterableAttributes: ['mode'] })
    .waitTask();
  expect(task.status).toBe('succeeded');
  const request = checkedRequests(
    createApp({ store: fixture.store, index: new SearchIndex(client, 'courses_old_settings') }),
  );
  const { status, body } = await request('/v1/search?city=London');
  expect(status).toBe(400);
  expect(body.error.message).toMatch(/could not be run as asked: .*city/);
});
