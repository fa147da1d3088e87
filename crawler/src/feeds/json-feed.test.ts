import { describe, expect, it } from 'vitest';
import { failureOf, inChunks, readTestFeed } from './test-feeds.ts';
import { openFeed } from './read-feed.ts';
import type { FeedRecord } from './feed-record.ts';

const course = (n: number, extra: object = {}) => ({
  id: `NB-${n}`,
  title: `Course ${n}`,
  url: `https://www.northbridge.example/courses/${n}`,
  duration: '6 weeks',
  cost: '£300',
  ...extra,
});

describe('JSON feeds in the Shortlist schema', () => {
  it('reads an array and { "courses": [...] } alike, with the record number as the row', async () => {
    const records = [course(1), course(2, { learningOutcomes: ['Plan a budget', 'Read a balance sheet'] })];
    for (const document of [records, { courses: records }]) {
      const { feed, rows, courses } = await readTestFeed(JSON.stringify(document, null, 2));
      expect(feed.format).toBe('json');
      expect(rows.map((row) => row.row)).toEqual([1, 2]);
      expect(courses[1]).toMatchObject({
        title: 'Course 2',
        learningOutcomes: ['Plan a budget', 'Read a balance sheet'],
        cost: { amount: 300, currency: 'GBP' },
      });
    }
  });

  it('reads a course exported from Shortlist (nested objects with their original text)', async () => {
    const exported = {
      id: 'northbridge-university-0123456789abcdef',
      title: 'Exported',
      url: 'https://www.northbridge.example/e',
      duration: { text: '10 weeks', minWeeks: 10, maxWeeks: 10, selfPaced: false },
      cost: { text: null, amount: 95, currency: 'EUR', freeClass: 'paid' },
      level: { text: null, eqf: 4, label: null },
      delivery: { text: null, mode: 'in_person', pacing: 'scheduled' },
      location: { city: 'Leeds', region: null, country: 'GB' },
      completeness: { score: 40, missing: [] },
    };
    const { courses } = await readTestFeed(JSON.stringify([exported]));
    expect(courses[0]).toMatchObject({
      duration: { minWeeks: 10 },
      cost: { amount: 95, currency: 'EUR' },
      level: { eqf: 4 },
      delivery: { mode: 'in_person', pacing: 'scheduled' },
      location: { city: 'Leeds' },
    });
  });

  it('reports fields of the wrong type and unknown fields by record and field', async () => {
    const { rows } = await readTestFeed(
      JSON.stringify([course(1, { title: { en: 'x' }, colour: 'blue' }), 42]),
    );
    expect(rows[0]!.problems.map((p) => [p.row, p.severity, p.field])).toEqual([
      [1, 'error', 'title'],
      [1, 'warning', 'colour'],
    ]);
    expect(rows[1]!.problems[0]!.message).toBe('record 2 (line 1) is number, not a course object.');
  });

  it('skips a malformed record whose extent is clear and reads the rest', async () => {
    const text =
      '[\n{"title": "A", "url": "https://www.northbridge.example/a"},\n{"title": "B" "url": "x"},\n{"title": "C", "url": "https://www.northbridge.example/c"}\n]';
    const { rows } = await readTestFeed(text);
    expect(rows.map((row) => row.course?.title ?? null)).toEqual(['A', null, 'C']);
    expect(rows[1]!.problems[0]!.message).toMatch(
      /^record 2 \(line 3\) is not valid JSON: .*\(line 3, column \d+\)/,
    );
  });

  it('streams a long array in chunks, constant in memory, with line numbers', async () => {
    const records = Array.from({ length: 2000 }, (_, n) => course(n));
    const bytes = new TextEncoder().encode(
      `[\n${records.map((record) => JSON.stringify(record)).join(',\n')}\n]`,
    );
    const { rows } = await readTestFeed(inChunks(bytes, 4096));
    expect(rows).toHaveLength(2000);
    expect(rows.every((row) => row.course !== null)).toBe(true);
  });

  it('reads complete Course records for the bulk import and reports invalid ones by index and field', async () => {
    const valid = (await readTestFeed(JSON.stringify([course(1)]))).courses[0]!;
    const broken = { ...valid, id: 'Not An Id', cost: { ...valid.cost, currency: 'pounds' } };
    const feed = await openFeed(
      JSON.stringify({ providers: [{ id: 'northbridge-university' }], courses: [valid, broken] }),
      { shape: 'course' },
    );
    const records: FeedRecord[] = [];
    for await (const record of feed.records) records.push(record);
    expect(records[0]!.course).toEqual(valid);
    expect(records[1]!.problems.map((p) => p.field)).toEqual(['id', 'cost.currency']);
    expect(records[1]!.problems[1]).toMatchObject({ row: 2, value: 'pounds' });
    expect(feed.providers).toEqual([{ id: 'northbridge-university' }]);
  });
});

describe('malformed JSON is refused with line and column', () => {
  it('a truncated file', async () => {
    const text = JSON.stringify([course(1), course(2)], null, 2).slice(0, -40);
    const error = await failureOf(readTestFeed(text));
    expect(error.message).toMatch(
      /^The JSON ends before it is complete \(at line \d+\): the record that starts on line \d+, column 3 is not closed/,
    );
    expect(error.fix).toMatch(/cut off/);
  });

  it('a missing comma between records', async () => {
    const error = await failureOf(readTestFeed('[\n  {"title": "A"}\n  {"title": "B"}\n]'));
    expect(error.message).toBe('Expected "," or "]" after record 1 but found "{" (line 3, column 3).');
  });

  it('text that is not JSON at all although it says so', async () => {
    const error = await failureOf(readTestFeed('title: A', { contentType: 'application/json' }));
    expect(error.message).toMatch(/^This is not JSON/);
  });

  it('a declared format that contradicts the content', async () => {
    const error = await failureOf(readTestFeed('[{"title": "A"}]', { format: 'csv' }));
    expect(error).toMatchObject({
      parameter: 'format',
      message: expect.stringContaining('the content is JSON'),
    });
  });
});

describe('JSON nested too deep', () => {
  const deep = (levels: number) => `{"title": ${'['.repeat(levels)}"x"${']'.repeat(levels)}}`;

  it('rejects the record that nests 100,000 deep, naming its line, and keeps the records around it', async () => {
    const text = `[\n${JSON.stringify(course(1))},\n${deep(100_000)},\n${JSON.stringify(course(3))}\n]`;
    const { rows, courses } = await readTestFeed(text);
    expect(courses.map((found) => found.title)).toEqual(['Course 1', 'Course 3']);
    expect(rows[1]!.problems[0]).toMatchObject({
      row: 2,
      severity: 'error',
      message: 'record 2 (line 3) nests arrays and objects more than 100 levels deep (line 3, column 110).',
      fix: expect.stringMatching(/bracket/),
    });
  });

  it('reads a record nested as deep as the limit allows', async () => {
    const { rows } = await readTestFeed(`[${deep(99)}]`);
    expect(rows[0]!.problems.map((problem) => problem.message).join()).not.toMatch(/levels deep/);
  });

  it('refuses a JSON-LD feed nested 100,000 deep, naming the line, instead of overflowing the stack', async () => {
    const text = `{\n"@context": "https://schema.org",\n"@graph": [${'['.repeat(100_000)}${']'.repeat(100_000)}]\n}`;
    const failure = await failureOf(readTestFeed(text, { format: 'schemaorg' }));
    expect(failure.message).toBe(
      'The JSON nests arrays and objects more than 100 levels deep (line 3, column 110).',
    );
    expect(failure.fix).toMatch(/bracket/);
  });
});
