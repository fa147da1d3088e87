// Route tests of /v1/search: a real catalogue and Meilisearch holding known courses, and the app on them.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  CatalogueStore,
  createMeiliClient,
  SearchIndex,
  startBundledMeilisearch,
  type CountLimits,
} from '@shortlist/indexer';
import { testCourse } from '@shortlist/indexer/testing';
import type { Course, Provider, RawCourse } from '@shortlist/schemas';
import { createApp } from '../app.ts';
import { checkedRequests } from '../testing.ts';

export const PROVIDERS: Provider[] = [
  {
    id: 'northbridge-university',
    name: 'Northbridge University',
    type: 'university',
    country: 'GB',
    url: 'https://northbridge.example/',
  },
  {
    id: 'fernhill-college',
    name: 'Fernhill College',
    type: 'college',
    country: 'IE',
    url: 'https://fernhill.example/',
  },
];

/** A city name made of filter syntax: it must match itself and nothing else. */
export const SYNTAX_CITY = 'Saint-Jean "Port" \\ OR city != "x" AND NOT [y] = z';

const RAW: (RawCourse & { title: string; provider?: string })[] = [
  {
    title: 'Data Analytics with Python',
    mode: 'Online',
    duration: '6 weeks',
    workload: '5 hours per week',
    cost: '£450',
    level: 'Introductory',
    credit: '5 ECTS',
    credential: 'Certificate',
    languages: ['English'],
    city: 'London',
    region: 'Greater London',
    startDates: ['2027-01-20', '2027-04-20'],
  },
  {
    title: 'Data Visualisation for Managers',
    mode: 'Blended',
    duration: '10 weeks',
    workload: '3–4 hours per week',
    cost: '£900',
    level: 'Intermediate',
    credit: '10 ECTS, stackable towards an MSc',
    credential: 'Digital badge',
    languages: ['English'],
    city: 'Manchester',
    region: 'North West',
    startDates: ['2027-03-01'],
  },
  {
    title: 'Big Data on Campus',
    mode: 'In person',
    duration: '4 weeks',
    workload: '10 hours per week',
    cost: '£300',
    level: 'Advanced',
    credit: '15 CATS credits',
    credential: 'Certificate',
    languages: ['English', 'Welsh'],
    city: 'Cardiff',
    region: 'Wales',
    startDates: ['2026-12-01', '2027-02-01'],
  },
  {
    title: 'Cloud Computing Essentials',
    mode: 'Online',
    duration: '8 weeks',
    workload: '2 hours per week',
    cost: 'Free',
    level: 'Introductory',
    languages: ['English'],
  },
  {
    title: 'Gestión de datos: Führung für Ärzte 😀',
    summary: 'Führung im Krankenhaus, mit Daten',
    mode: 'Online',
    duration: '12 weeks',
    workload: '4 hours per week',
    cost: '€1.250,00',
    level: 'Advanced',
    credit: '6 ECTS',
    languages: ['Spanish', 'German'],
    city: 'Madrid',
    region: 'Comunidad de Madrid',
    startDates: ['2027-06-01'],
  },
  {
    title: 'Quotes "and" \\ backslashes OR AND NOT [brackets] = != course',
    mode: 'Blended',
    duration: '5 weeks',
    cost: '£200',
    city: SYNTAX_CITY,
  },
  {
    title: 'Welding Basics',
    provider: 'fernhill-college',
    mode: 'In person',
    duration: '6 weeks',
    workload: '8 hours per week',
    cost: '€600',
    level: 'Introductory',
    credential: 'Certificate',
    languages: ['English'],
    city: 'Dublin',
    region: 'Leinster',
    startDates: ['2027-01-15'],
  },
];

/** The courses, in the order the catalogue first listed them (a day apart). */
export const COURSES: Course[] = RAW.map(({ provider, ...raw }) => testCourse(raw, provider));
export const titles = (ids: string[]) => ids.map((id) => COURSES.find((course) => course.id === id)!.title);

export interface SearchFixture {
  store: CatalogueStore;
  index: SearchIndex;
  app: ReturnType<typeof createApp>;
  request: ReturnType<typeof checkedRequests>;
  /** the clock of the catalogue and the API; tests move it */
  clock: { now: Date };
  close(): Promise<void>;
}

/** Starts Meilisearch, lists COURSES a day apart from 2027-01-01 and builds the app, its clock at 2027-01-10. */
export async function searchFixture(uid: string, limits?: CountLimits): Promise<SearchFixture> {
  const dataDir = mkdtempSync(join(tmpdir(), 'search-'));
  const meili = await startBundledMeilisearch(dataDir);
  const clock = { now: new Date('2027-01-01T09:00:00Z') };
  const store = new CatalogueStore(join(dataDir, 'catalogue.db'), { now: () => clock.now });
  for (const provider of PROVIDERS) store.upsertProvider(provider);
  for (const course of COURSES) {
    store.upsertCourses([course]);
    clock.now = new Date(clock.now.getTime() + 86_400_000);
  }
  clock.now = new Date('2027-01-10T09:00:00Z');
  const index = new SearchIndex(createMeiliClient(meili.url, meili.key), uid, limits);
  await index.prepare();
  await index.syncFrom(store);
  const app = createApp({ store, index, now: () => clock.now });
  return {
    store,
    index,
    app,
    request: checkedRequests(app),
    clock,
    async close() {
      store.close();
      await meili.stop();
    },
  };
}
