import { DomUtils, parseDocument } from 'htmlparser2';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CatalogueStore, createMeiliClient, SearchIndex } from '@shortlist/indexer';
import { createApp } from '../app.ts';
import { checkedRequests } from '../testing.ts';
import { renderDocs } from './render.ts';

// the page is rendered from the document alone: no Meilisearch needed
const store = new CatalogueStore(':memory:');
const app = createApp({
  store,
  index: new SearchIndex(createMeiliClient('http://127.0.0.1:9', 'unused'), 'x'),
});
const request = checkedRequests(app);
let page: ReturnType<typeof parseDocument>;
let document: any;

beforeAll(async () => {
  const { status, body } = await request('/docs');
  expect(status).toBe(200);
  page = parseDocument(body as string);
  document = (await request('/openapi.json')).body;
});
afterAll(() => store.close());

const elements = (test: (element: any) => boolean): any[] => DomUtils.findAll(test, page.children);
const text = (element: any) => DomUtils.textContent(element).replace(/\s+/g, ' ').trim();

describe('GET /docs', () => {
  it('has a section for every operation of /openapi.json, with its parameters, and a link to it', () => {
    const sections = new Map(elements((element) => element.name === 'section').map((section) => [section.attribs.id, section])); // prettier-ignore
    const links = new Set(elements((element) => element.name === 'a').map((link) => link.attribs.href));
    for (const [path, methods] of Object.entries(document.paths as Record<string, Record<string, any>>)) {
      for (const [method, operation] of Object.entries(methods)) {
        const heading = `${method.toUpperCase()} ${path}`;
        const section = [...sections.values()].find((candidate) => text(DomUtils.getElementsByTagName('h2', candidate)[0]!) === heading); // prettier-ignore
        expect(section, heading).toBeDefined();
        expect(links.has(`#${section!.attribs.id}`), heading).toBe(true);
        for (const parameter of operation.parameters ?? [])
          expect(text(section), heading).toContain(parameter.name);
      }
    }
  });

  it('describes every schema, and every link on the page leads somewhere on it', () => {
    const ids = new Set(
      elements((element) => Boolean(element.attribs?.id)).map((element) => element.attribs.id),
    );
    for (const name of Object.keys(document.components.schemas))
      expect(ids.has(`schema-${name}`), name).toBe(true);
    const anchors = elements((element) => element.name === 'a' && element.attribs.href.startsWith('#'));
    expect(anchors.length).toBeGreaterThan(20);
    for (const anchor of anchors)
      expect(ids.has(anchor.attribs.href.slice(1)), anchor.attribs.href).toBe(true);
    const perPage = text(elements((element) => element.attribs?.id === 'get--v1-search')[0]);
    expect(perPage).toMatch(/perPage .* to 100/);
  });

  it('passes the site CSP: no script, no inline style, its stylesheet served from the same origin', async () => {
    const response = await app.request('/docs');
    expect(response.headers.get('Content-Security-Policy')).toContain("script-src 'self'");
    expect(response.headers.get('Content-Security-Policy')).toContain("style-src 'self'");
    expect(elements((element) => element.name === 'script' || element.name === 'style')).toEqual([]);
    expect(elements((element) => element.attribs?.style !== undefined)).toEqual([]);
    const sheets = elements((element) => element.name === 'link' && element.attribs.rel === 'stylesheet');
    expect(sheets.map((sheet) => sheet.attribs.href)).toEqual(['/docs.css']);
    const css = await request('/docs.css');
    expect(css.status).toBe(200);
    expect(css.headers.get('Content-Type')).toMatch(/^text\/css/);
  });

  it('writes text from the document as text, never as markup', async () => {
    const rendered = await renderDocs({
      info: { title: 'T <script>alert(1)</script>', version: '1' },
      paths: {
        '/x': {
          get: { summary: '<img src=x onerror=alert(1)>', parameters: [{ name: '"><b>', in: 'query' }] },
        },
      },
    });
    const parsed = parseDocument(String(rendered));
    expect(DomUtils.findAll((element) => ['script', 'img', 'b'].includes(element.name), parsed.children)).toEqual([]); // prettier-ignore
    expect(DomUtils.textContent(parsed)).toContain('<img src=x onerror=alert(1)>');
  });
});
