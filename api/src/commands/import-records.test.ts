import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { CatalogueStore } from '@shortlist/indexer';
import { testCourse } from '@shortlist/indexer/testing';
import { importRecords } from './import-records.ts';

const PROVIDER = {
  id: 'northbridge-university',
  name: 'Northbridge University',
  type: 'university',
  country: 'GB',
  url: 'https://www.northbridge.example/',
};

it('imports valid records in batches, reports invalid ones by number and field, and a second run duplicates nothing', async () => {
  const store = new CatalogueStore(join(mkdtempSync(join(tmpdir(), 'import-records-')), 'catalogue.db'));
  const courses = Array.from({ length: 25 }, (_, n) =>
    testCourse({ title: `Course ${n}`, url: `https://www.northbridge.example/c/${n}`, duration: '6 weeks' }),
  );
  const broken = { ...courses[3]!, id: 'NOT VALID', cost: { ...courses[3]!.cost, currency: 'pounds' } };
  const file = JSON.stringify({
    providers: [PROVIDER],
    courses: [...courses.slice(0, 3), broken, ...courses.slice(4)],
  });
  const batches: number[] = [];
  const first = await importRecords(store, file, { batchSize: 10, onBatch: (done) => batches.push(done) });
  expect(first).toMatchObject({ records: 25, imported: 24, invalid: 1, providers: 1, counts: { new: 24 } });
  expect(batches).toEqual([10, 20, 24]);
  expect(first.problems.map((p) => [p.row, p.field])).toEqual([
    [4, 'id'],
    [4, 'cost.currency'],
  ]);
  const second = await importRecords(store, file);
  expect(second.counts).toEqual({ new: 0, changed: 0, unchanged: 24 });
  expect(store.countCourses()).toBe(24);
  store.close();
});
