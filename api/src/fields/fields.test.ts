import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SearchIndex } from '@shortlist/indexer';
import { testCourse } from '@shortlist/indexer/testing';
import { createApp } from '../app.ts';
import { checkedRequests, startTestApp, type TestApp } from '../testing.ts';

const provider = {
  id: 'northbridge-university',
  name: 'Northbridge University',
  type: 'university' as const,
  country: 'GB',
  url: 'https://northbridge.example/',
};
const inFields = (title: string, fields: string[]) => ({ ...testCourse({ title }), fields });
const courses = [
  inFields('Networks One', ['0613']),
  inFields('Networks Two', ['0613']),
  inFields('Databases', ['0612']),
  inFields('Quantum Software', ['0619']),
  inFields('Unclassified Course', []),
  inFields('Accounting', ['0411']),
  inFields('Accounting in French', ['0411', '0231']),
  inFields('Nursing', ['0913']),
];

let test: TestApp;
/** the same catalogue in an index whose facets list 3 values: every level has more codes than that */
let cut: ReturnType<typeof checkedRequests>;
let cutIndex: SearchIndex;

beforeAll(async () => {
  test = await startTestApp({ providers: [provider], courses });
  cutIndex = new SearchIndex(test.index.client, 'courses_fields_cut', {
    facetValues: 3,
    exactTotalUpTo: 1_000_000,
  });
  await cutIndex.prepare();
  await cutIndex.syncFrom(test.store);
  cut = checkedRequests(createApp({ store: test.store, index: cutIndex }));
});
afterAll(() => test.close());

const find = (tree: any[], code: string): any => {
  for (const node of tree) {
    if (node.code === code) return node;
    const below = find(node.narrow ?? node.detailed ?? [], code);
    if (below) return below;
  }
};

describe('GET /v1/fields', () => {
  it('gives the ISCED-F tree in code order with the courses in each field or below it', async () => {
    const { status, body } = await test.request('/v1/fields');
    expect(status).toBe(200);
    expect(body).toMatchObject({ total: 8, totalIsLowerBound: false, unclassified: 1, complete: true });
    const codes = body.fields.map((field: any) => field.code);
    expect(codes).toEqual([...codes].sort());
    expect(codes).toEqual(expect.arrayContaining(['00', '01', '02', '04', '06', '09', '10']));
    expect(find(body.fields, '06')).toMatchObject({
      name: 'Information and Communication Technologies (ICTs)',
      count: 4,
    });
    expect(find(body.fields, '061')).toMatchObject({ count: 4 });
    expect(find(body.fields, '0613')).toMatchObject({ name: 'Software and applications development and analysis', count: 2 }); // prettier-ignore
    expect(find(body.fields, '04').count).toBe(2);
    expect(find(body.fields, '0231').count).toBe(1);
    expect(find(body.fields, '01')).toMatchObject({ name: 'Education', count: 0 });
  });

  it('lists a code the courses use beyond the table under its parent, named by rule', async () => {
    const { body } = await test.request('/v1/fields');
    const ict = find(body.fields, '061');
    expect(ict.detailed.map((field: any) => field.code)).toContain('0619');
    expect(find(body.fields, '0619')).toEqual({ code: '0619', name: expect.stringMatching(/not elsewhere classified$/), count: 1 }); // prettier-ignore
  });

  it('counts exactly when every level has more codes than a facet lists', async () => {
    const full = await test.request('/v1/fields');
    const counted = await cut('/v1/fields');
    expect(counted.body).toEqual(full.body);
  });

  it('says when codes crowded out of a long list could not all be counted', async () => {
    test.store.upsertCourses([inFields('Everything at Once', ['0613', '0411', '0231', '0913'])]);
    await test.sync();
    await cutIndex.syncFrom(test.store);
    expect((await test.request('/v1/fields')).body.complete).toBe(true);
    expect((await cut('/v1/fields')).body.complete).toBe(false);
  });

  it.each(['q=data', 'field=06', 'x=%5B1e21%5D'])(
    'refuses the parameter in %s with a 400 naming it',
    async (query) => {
      const { status, body } = await test.request(`/v1/fields?${query}`);
      expect(status).toBe(400);
      expect(body.error.parameter).toBe(query.split('=')[0]);
    },
  );
});
