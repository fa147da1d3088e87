import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { generateCourses, generatedProviders } from '@shortlist/indexer/testing';
import { startTestApp, type TestApp } from '../testing.ts';

const rowsOf = (csv: string): string[][] => parse(csv, { record_delimiter: '\r\n' });

let test: TestApp;
beforeAll(async () => {
  test = await startTestApp({
    providers: generatedProviders(20),
    courses: generateCourses(10_050, { providers: 20 }),
  });
});
afterAll(() => test.close());

it('exports the first 10,000 courses of a larger search, each once, and says the file was cut', async () => {
  const { status, headers, body } = await test.request('/v1/export?sort=cost:asc');
  expect(status).toBe(200);
  expect(headers.get('X-Export-Truncated')).toBe('true');
  expect(headers.get('Content-Disposition')).toMatch(
    /filename="shortlist-search-first-10000-\d{4}-\d{2}-\d{2}\.csv"/,
  );
  const [header, ...rows] = rowsOf(body);
  expect(rows).toHaveLength(10_000);
  const ids = rows.map((row) => row[header!.indexOf('id')]);
  expect(new Set(ids).size).toBe(10_000);
  const costs = rows
    .map((row) => row[header!.indexOf('cost_eur')])
    .filter(Boolean)
    .map(Number);
  expect(costs).toEqual([...costs].sort((a, b) => a - b));
});
