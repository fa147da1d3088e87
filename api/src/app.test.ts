import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CatalogueStore,
  createMeiliClient,
  SearchIndex,
  startBundledMeilisearch,
  type MeiliConnection,
} from '@shortlist/indexer';
import { testCourse } from '@shortlist/indexer/testing';
import { createApp } from './app.ts';
import { checkedRequests } from './testing.ts';

let meili: MeiliConnection;
let store: CatalogueStore;
let app: ReturnType<typeof createApp>;
let request: ReturnType<typeof checkedRequests>;

const courses = [
  testCourse({ title: 'Data Analytics with Python', mode: 'Online', duration: '6 weeks', cost: '£450' }),
  testCourse({
    title: 'Data Visualisation for Managers',
    mode: 'Online',
    duration: '10 weeks',
    cost: '£900',
  }),
  testCourse({ title: 'Big Data on Campus', mode: 'In person', duration: '4 weeks', cost: '£300' }),
  testCourse({ title: 'Cloud Computing Essentials', mode: 'Online', duration: '8 weeks', cost: 'Free' }),
];

beforeAll(async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'api-'));
  meili = await startBundledMeilisearch(dataDir);
  store = new CatalogueStore(join(dataDir, 'catalogue.db'));
  store.upsertProvider({
    id: 'northbridge-university',
    name: 'Northbridge University',
    type: 'university',
    country: 'GB',
    url: 'https://northbridge.example/',
  });
  store.upsertCourses(courses);
  const index = new SearchIndex(createMeiliClient(meili.url, meili.key), 'courses_api_test');
  await index.prepare();
  await index.syncFrom(store);
  app = createApp({ store, index });
  request = checkedRequests(app);
});
afterAll(async () => {
  store.close();
  await meili.stop();
});

describe('GET /v1/courses/:id', () => {
  it('returns the whole fact sheet with the provider', async () => {
    const { status, body } = await request(`/v1/courses/${courses[0]!.id}`);
    expect(status).toBe(200);
    expect(body.title).toBe('Data Analytics with Python');
    expect(body.provider.name).toBe('Northbridge University');
    expect(body.cost.text).toBe('£450');
    expect(body.priceHistory).toEqual([expect.objectContaining({ amount: 450, currency: 'GBP' })]);
    expect(body.sources).toHaveLength(1);
  });

  it('answers 404 with a JSON error for an unknown id', async () => {
    const { status, body } = await request('/v1/courses/no-such-course');
    expect(status).toBe(404);
    expect(body).toMatchObject({ error: { status: 404, parameter: 'id' } });
  });
});

it('GET /health reports the catalogue and search', async () => {
  const { status, body } = await request('/health');
  expect(status).toBe(200);
  expect(body).toEqual({ status: 'ok', courses: 4, search: 'available' });
});

describe('GET /v1/providers', () => {
  it('lists providers with statistics over their courses', async () => {
    const { status, body } = await request('/v1/providers');
    expect(status).toBe(200);
    expect(body.providers).toEqual([
      expect.objectContaining({
        id: 'northbridge-university',
        courseCount: 4,
        modes: { online: 3, in_person: 1 },
      }),
    ]);
    expect(body.providers[0].medianCost).toBeGreaterThan(0);
  });

  it('answers one provider, and 404 for an unknown one', async () => {
    expect((await request('/v1/providers/northbridge-university')).status).toBe(200);
    expect((await request('/v1/providers/nobody')).status).toBe(404);
    expect((await request('/v1/providers?type=castle')).status).toBe(400);
  });
});

describe('GET /openapi.json', () => {
  it('documents every route the app serves, with its method, and nothing it does not serve', async () => {
    const { body } = await request('/openapi.json');
    const served = app.routes
      .filter((route) => route.method !== 'ALL') // middleware and the /v1/* catch-all
      .map((route) => `${route.method} ${route.path.replace(/:(\w+)/g, '{$1}')}`);
    const documented = Object.entries(body.paths as Record<string, object>).flatMap(([path, operations]) =>
      Object.keys(operations).map((method) => `${method.toUpperCase()} ${path}`),
    );
    expect([...new Set(served)].sort()).toEqual([...new Set(documented)].sort());
  });

  it('takes the search parameters and every response shape from the schemas', async () => {
    const { body } = await request('/openapi.json');
    const search = body.paths['/v1/search'].get;
    const names = search.parameters.map((parameter: any) => parameter.name);
    expect(names).toEqual(
      expect.arrayContaining(['q', 'field', 'mode', 'maxWeeks', 'maxCost', 'currency', 'free', 'page', 'perPage', 'sort']), // prettier-ignore
    );
    const perPage = search.parameters.find((parameter: any) => parameter.name === 'perPage');
    expect(perPage.description).toContain('from 1 to 100');
    const mode = search.parameters.find((parameter: any) => parameter.name === 'mode');
    expect(new RegExp(mode.schema.pattern).test('online,blended')).toBe(true);
    expect(new RegExp(mode.schema.pattern).test('online,boat')).toBe(false);
    expect(search.responses['200'].content['application/json'].schema).toEqual({
      $ref: '#/components/schemas/SearchResponse',
    });
    expect(search.responses['400'].content['application/json'].schema).toEqual({
      $ref: '#/components/schemas/Error',
    });
    expect(Object.keys(body.components.schemas)).toEqual(
      expect.arrayContaining(['SearchHit', 'SearchResponse', 'CourseDetail', 'ProviderStatistics', 'Error']),
    );
    expect(body.paths['/v1/partner/feeds'].post.security).toEqual([{ partnerKey: [] }]);
  });
});

it('GET /openapi.json documents the feed options, the feed URL body and the feed report', async () => {
  const body = await (await app.request('/openapi.json')).json();
  const upload = body.paths['/v1/partner/feeds'].post;
  expect(upload.parameters.map((parameter: any) => parameter.name)).toEqual([
    'mode',
    'dryRun',
    'format',
    'mapping',
    'delimiter',
    'maxWithdrawShare',
    'maxRejectedShare',
    'force',
  ]);
  expect(upload.parameters[0]).toMatchObject({ schema: { enum: ['replace', 'upsert'] } });
  const feedUrl = body.paths['/v1/partner/feed-urls'].post.requestBody.content['application/json'].schema;
  expect(Object.keys(feedUrl.properties)).toEqual(expect.arrayContaining(['url', 'intervalMinutes', 'mode']));
  expect(feedUrl.properties).not.toHaveProperty('dryRun');
  const report = upload.responses[200].content['application/json'].schema;
  expect(report.properties.problems.items.required).toEqual(
    expect.arrayContaining(['row', 'severity', 'field', 'message', 'fix']),
  );
});
