import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testCourse } from '@shortlist/indexer/testing';
import { RATES_DATE, type Provider } from '@shortlist/schemas';
import { checkedRequests, startTestApp, type TestApp } from '../testing.ts';
import { exportRoutes } from './route.ts';

const provider: Provider = {
  id: 'northbridge-university',
  name: 'Northbridge University',
  type: 'university',
  country: 'GB',
  url: 'https://northbridge.example/',
};
// titles a spreadsheet would run as formulas, and text that needs quoting
const hostile = [
  '=HYPERLINK("https://evil.example","Click")',
  '+SUM(A1:A9)',
  "-1+cmd|' /C calc'!A0",
  '@SUM(1)',
  '\tTabbed title',
  'Line one\r\nLine two, with "quotes"',
];
const courses = [
  ...hostile.map((title) => testCourse({ title, mode: 'Online', cost: '£450' })),
  ...Array.from(
    { length: 24 },
    (_, n) =>
    testCourse({ title: `Data Course ${String(n).padStart(2, '0')}`, mode: n % 2 ? 'Online' : 'In person', cost: `€${100 + n}` }), // prettier-ignore
  ),
];

let test: TestApp;
/** the export routes alone, with a file of at most 25 courses asked for 10 at a time */
let small: ReturnType<typeof checkedRequests>;
let smallApp: ReturnType<typeof exportRoutes>;

beforeAll(async () => {
  test = await startTestApp({ providers: [provider], courses, now: () => new Date('2026-12-02T09:30:00Z') });
  smallApp = exportRoutes(test.index, () => new Date('2026-12-02T09:30:00Z'), { rows: 25, pageSize: 10 });
  small = checkedRequests(smallApp);
});
afterAll(() => test.close());

const rowsOf = (csv: string): string[][] =>
  parse(csv, { record_delimiter: '\r\n', relax_column_count: false });

describe('GET /v1/export?format=csv', () => {
  it('exports the search as an RFC 4180 file: a header, CRLF lines, a row per course in the search order', async () => {
    const { status, headers, body } = await test.request('/v1/export?q=data&sort=cost:asc&mode=online');
    expect(status).toBe(200);
    expect(headers.get('Content-Type')).toBe('text/csv; charset=utf-8');
    expect(headers.get('Content-Disposition')).toBe('attachment; filename="shortlist-search-2026-12-02.csv"');
    expect(body).toMatch(/\r\n$/);
    expect(body.replace(/\r\n/g, '')).not.toMatch(/\n/);
    const [header, ...rows] = rowsOf(body);
    expect(header).toEqual(
      expect.arrayContaining(['id', 'title', 'provider', 'cost', 'currency', 'cost_eur', 'rates_date']),
    );
    const column = (name: string) => rows.map((row) => row[header!.indexOf(name)]);
    const search = await test.request('/v1/search?q=data&sort=cost:asc&mode=online&perPage=100');
    expect(column('id')).toEqual(search.body.hits.map((hit: any) => hit.id));
    expect(column('title')).toEqual(['Data Course 01', 'Data Course 03', 'Data Course 05', 'Data Course 07', 'Data Course 09', 'Data Course 11', 'Data Course 13', 'Data Course 15', 'Data Course 17', 'Data Course 19', 'Data Course 21', 'Data Course 23']); // prettier-ignore
    expect(column('cost').slice(0, 2)).toEqual(['101', '103']);
    expect(column('rates_date')).toEqual(rows.map(() => RATES_DATE));
    expect(headers.get('X-Rates-Date')).toBe(RATES_DATE);
    expect(headers.get('X-Export-Truncated')).toBe('false');
  });

  it('neutralises cells a spreadsheet would run as a formula; a whole number passes', async () => {
    const { body } = await test.request('/v1/export?perPage=100');
    const [header, ...rows] = rowsOf(body);
    const titles = rows.map((row) => row[header!.indexOf('title')]);
    expect(titles).toEqual(
      expect.arrayContaining([
        '\'=HYPERLINK("https://evil.example","Click")',
        "'+SUM(A1:A9)",
        "'-1+cmd|' /C calc'!A0",
        "'@SUM(1)",
        // crawled text is plain text: the tab and line break were tidied away before it was stored
        'Tabbed title',
        'Line one Line two, with "quotes"',
      ]),
    );
    for (const row of rows) for (const cell of row) expect(cell).not.toMatch(/^[=+@\t\r]|^-(?!\d+$)/);
    expect(rows.map((row) => row[header!.indexOf('cost')])).toContain('450');
  });

  it('streams the file a page at a time, and stops at its limit saying so', async () => {
    const response = await smallApp.request('/?q=data&sort=cost:asc');
    expect(response.headers.get('X-Export-Truncated')).toBe('false');
    const full = await smallApp.request('/');
    expect(full.headers.get('X-Export-Truncated')).toBe('true');
    expect(full.headers.get('Content-Disposition')).toBe('attachment; filename="shortlist-search-first-25-2026-12-02.csv"'); // prettier-ignore
    const reader = full.body!.getReader();
    const chunks: string[] = [];
    for (let read = await reader.read(); !read.done; read = await reader.read())
      chunks.push(new TextDecoder().decode(read.value));
    // the header with the first page, two more pages, the end
    expect(chunks.length).toBeGreaterThanOrEqual(3);
    expect(rowsOf(chunks.join(''))).toHaveLength(1 + 25);
  });

  it('exports nothing but the header when nothing matches', async () => {
    const { status, body } = await test.request('/v1/export?q=zzzzqqqq');
    expect(status).toBe(200);
    expect(rowsOf(body)).toHaveLength(1);
  });
});

describe('GET /v1/export?format=json', () => {
  it('exports one JSON document: the rates, the total, whether it was cut, and the courses', async () => {
    const { status, headers, body } = await test.request('/v1/export?format=json&mode=in_person');
    expect(status).toBe(200);
    expect(headers.get('Content-Disposition')).toBe(
      'attachment; filename="shortlist-search-2026-12-02.json"',
    );
    expect(body).toMatchObject({ rates: { referenceCurrency: 'EUR', date: RATES_DATE }, total: 12, truncated: false }); // prettier-ignore
    expect(body.hits).toHaveLength(12);
    expect(body.hits[0]).not.toHaveProperty('highlights');
    expect(body.hits.every((hit: any) => hit.deliveryMode === 'in_person')).toBe(true);
  });

  it('stays one valid document across pages and at its limit', async () => {
    const { body } = await small('/?format=json');
    expect(body).toMatchObject({ total: 30, truncated: true });
    expect(body.hits).toHaveLength(25);
    expect(new Set(body.hits.map((hit: any) => hit.id)).size).toBe(25);
    const empty = await small('/?format=json&q=zzzzqqqq');
    expect(empty.body).toMatchObject({ total: 0, truncated: false, hits: [] });
  });
});

describe('bad export parameters', () => {
  it.each([
    ['an unknown format', 'format=xlsx', 'format'],
    ['a format given twice', 'format=csv&format=json', 'format'],
    ['a number out of bounds', 'maxWeeks=1e21', 'maxWeeks'],
    ['an array for a scalar', 'q=a&q=b', 'q'],
    ['a 10 kB value', `q=${'x'.repeat(10_000)}`, 'q'],
    ['filter syntax in a value', `provider=${encodeURIComponent('x" OR providerId != "x')}`, 'provider'],
    ['brackets', 'mode=%5Bonline%5D', 'mode'],
  ])('refuses %s with a 400 naming the parameter', async (_case, query, parameter) => {
    const { status, body } = await test.request(`/v1/export?${query}`);
    expect(status).toBe(400);
    expect(body.error.parameter).toBe(parameter);
  });

  it('treats quotes, backslashes and OR in the words searched for as words', async () => {
    for (const q of ['data" OR "x', 'data\\', 'data OR 1=1']) {
      const { status, body } = await test.request(`/v1/export?format=json&q=${encodeURIComponent(q)}`);
      expect(status).toBe(200);
      expect(body.total).toBeLessThanOrEqual(24);
    }
  });
});
