import { SaxesParser, type SaxesTagNS } from 'saxes';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testCourse } from '@shortlist/indexer/testing';
import type { Provider } from '@shortlist/schemas';
import { startTestApp, type TestApp } from '../testing.ts';

const ATOM = 'http://www.w3.org/2005/Atom';
const provider: Provider = {
  id: 'northbridge-university',
  name: 'Northbridge & Sons <University>',
  type: 'university',
  country: 'GB',
  url: 'https://northbridge.example/',
};

interface XmlElement {
  name: string;
  uri: string;
  attributes: Record<string, string>;
  children: XmlElement[];
  text: string;
}

/** Parses with a conformant, namespace-aware XML parser: any well-formedness or namespace error fails the test. */
function parseXml(xml: string): XmlElement {
  const parser = new SaxesParser({ xmlns: true });
  const stack: XmlElement[] = [];
  let root: XmlElement | undefined;
  parser.on('error', (error) => {
    throw error;
  });
  parser.on('opentag', (tag: SaxesTagNS) => {
    const attributes = Object.fromEntries(Object.values(tag.attributes).map((attribute) => [attribute.local, attribute.value])); // prettier-ignore
    const element = { name: tag.local, uri: tag.uri, attributes, children: [], text: '' };
    stack.at(-1)?.children.push(element);
    root ??= element;
    stack.push(element);
  });
  parser.on('text', (text) => {
    if (stack.length) stack.at(-1)!.text += text;
  });
  parser.on('closetag', () => stack.pop());
  parser.write(xml).close();
  return root!;
}

const child = (element: XmlElement, name: string) => element.children.find((candidate) => candidate.name === name); // prettier-ignore
const children = (element: XmlElement, name: string) => element.children.filter((candidate) => candidate.name === name); // prettier-ignore

let clock = new Date('2026-11-01T10:00:00Z');
let test: TestApp;
const analytics = testCourse({ title: 'Data Analytics & "Python" <101>', mode: 'Online', cost: '£450', duration: '6 weeks' }); // prettier-ignore
const welding = testCourse({ title: 'Welding Basics', mode: 'In person', cost: '£300' });

beforeAll(async () => {
  test = await startTestApp({
    providers: [provider],
    courses: [analytics, welding],
    catalogueNow: () => clock,
  });
});
afterAll(() => test.close());

async function feed(query = '') {
  const response = await test.request(`/v1/search.atom${query ? `?${query}` : ''}`);
  expect(response.status).toBe(200);
  expect(response.headers.get('Content-Type')).toBe('application/atom+xml; charset=utf-8');
  return { xml: response.body as string, root: parseXml(response.body as string) };
}
const entries = (root: XmlElement) =>
  children(root, 'entry').map((entry) => ({
    id: child(entry, 'id')!.text,
    title: child(entry, 'title')!.text,
    updated: child(entry, 'updated')!.text,
  }));

describe('GET /v1/search.atom', () => {
  it('is well-formed Atom with every required element', async () => {
    const { root } = await feed('q=data');
    expect(root).toMatchObject({ name: 'feed', uri: ATOM });
    for (const name of ['id', 'title', 'updated', 'author']) expect(child(root, name), name).toBeDefined();
    expect(child(root, 'id')!.text).toMatch(
      /^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
    expect(child(root, 'updated')!.text).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
    const links = children(root, 'link').map((link) => link.attributes);
    expect(links).toEqual(expect.arrayContaining([
      { rel: 'self', type: 'application/atom+xml', href: 'http://localhost/v1/search.atom?q=data' },
      { rel: 'alternate', type: 'text/html', href: 'http://localhost/?q=data' },
    ])); // prettier-ignore
    const [entry] = children(root, 'entry');
    for (const name of ['id', 'title', 'updated', 'published', 'author', 'summary']) expect(child(entry!, name), name).toBeDefined(); // prettier-ignore
    expect(entry!.children.every((element) => element.uri === ATOM)).toBe(true);
  });

  it('writes crawled text as escaped plain text', async () => {
    const { xml, root } = await feed('q=analytics');
    const [entry] = children(root, 'entry');
    expect(child(entry!, 'title')!.text).toBe('Data Analytics & "Python" <101>');
    expect(child(child(entry!, 'author')!, 'name')!.text).toBe('Northbridge & Sons <University>');
    expect(xml).toContain('Data Analytics &amp; &quot;Python&quot; &lt;101&gt;');
    expect(child(entry!, 'summary')!.text).toContain('Online · 6 weeks · £450 (€514.29)');
    const alternate = children(entry!, 'link').find((link) => link.attributes.rel === 'alternate')!;
    expect(alternate.attributes.href).toBe(`http://localhost/course.html?id=${analytics.id}`);
  });

  it('keeps the ids of the feed and its entries whatever the paging and the host', async () => {
    const first = await feed('q=data&mode=online');
    const again = await test.request('/v1/search.atom?mode=online&q=data&perPage=5', { headers: { Host: 'shortlist.example' } }); // prettier-ignore
    const second = parseXml(again.body as string);
    expect(child(second, 'id')!.text).toBe(child(first.root, 'id')!.text);
    expect(entries(second)[0]!.id).toBe(entries(first.root)[0]!.id);
    const other = await feed('q=data&mode=blended');
    expect(child(other.root, 'id')!.text).not.toBe(child(first.root, 'id')!.text);
  });

  it('tells a subscriber of a new course and of a price change within one sync, newest first', async () => {
    const before = entries((await feed()).root);
    expect(before.map((entry) => entry.updated)).toEqual(['2026-11-01T10:00:00Z', '2026-11-01T10:00:00Z']);

    clock = new Date('2026-11-05T08:00:00Z');
    test.store.upsertCourses([testCourse({ title: 'Cloud Computing Essentials', cost: 'Free' })]);
    await test.sync();
    const added = await feed();
    expect(entries(added.root)[0]).toMatchObject({ title: 'Cloud Computing Essentials', updated: '2026-11-05T08:00:00Z' }); // prettier-ignore
    expect(child(added.root, 'updated')!.text).toBe('2026-11-05T08:00:00Z');

    clock = new Date('2026-11-09T12:30:00Z');
    test.store.upsertCourses([testCourse({ title: 'Welding Basics', mode: 'In person', cost: '£350' })]);
    await test.sync();
    const repriced = entries((await feed()).root);
    expect(repriced[0]).toEqual({ ...before.find((entry) => entry.title === 'Welding Basics'), updated: '2026-11-09T12:30:00Z' }); // prettier-ignore
    expect(repriced.map((entry) => entry.title)).toEqual(['Welding Basics', 'Cloud Computing Essentials', 'Data Analytics & "Python" <101>']); // prettier-ignore
  });

  it('leaves an entry where it was when only its wording changes', async () => {
    clock = new Date('2026-11-12T09:00:00Z');
    test.store.upsertCourses([{ ...analytics, summary: 'Now with a summary.', contentHash: 'reworded' }]);
    await test.sync();
    const [top] = entries((await feed()).root);
    expect(top!.title).toBe('Welding Basics');
  });

  it('lists what the search finds, perPage entries', async () => {
    expect(entries((await feed('mode=in_person')).root).map((entry) => entry.title)).toEqual([
      'Welding Basics',
    ]);
    expect(entries((await feed('perPage=1')).root)).toHaveLength(1);
    expect(entries((await feed('q=nothingmatchesthis')).root)).toEqual([]);
  });

  it.each([
    ['a number out of bounds', 'perPage=1e21', 'perPage'],
    ['an array for a scalar', 'q=a&q=b', 'q'],
    ['a 10 kB value', `q=${'x'.repeat(10_000)}`, 'q'],
    ['filter syntax', `city=${encodeURIComponent('x" OR city != "x')}`, null],
    ['brackets', 'mode=%5Bonline%5D', 'mode'],
  ])('answers %s with a 400 or a correct feed, never a 5xx', async (_case, query, parameter) => {
    const response = await test.request(`/v1/search.atom?${query}`);
    if (parameter) {
      expect(response.status).toBe(400);
      expect(response.body.error.parameter).toBe(parameter);
    } else {
      expect(response.status).toBe(200);
      expect(children(parseXml(response.body as string), 'entry')).toEqual([]);
    }
  });
});
