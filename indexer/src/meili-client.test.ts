import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { addDocumentBytes, createMeiliClient, errorMessage, meiliApiError } from './meili-client.ts';

const seen: { url: string; headers: IncomingHttpHeaders; body: string }[] = [];
const server = createServer((request, response) => {
  const entry = { url: request.url ?? '', headers: request.headers, body: '' };
  seen.push(entry);
  request.on('data', (chunk: Buffer) => (entry.body += chunk.toString()));
  response.setHeader('content-type', 'application/json');
  if (request.url?.startsWith('/indexes/refused/')) {
    response.statusCode = 400;
    response.end(
      JSON.stringify({ message: 'Attribute `city` is not filterable.', code: 'invalid_search_filter' }),
    );
    return;
  }
  const task = { taskUid: 1, indexUid: 'courses', status: 'enqueued', type: 'documentAdditionOrUpdate' };
  response.end(JSON.stringify(request.url === '/health' ? { status: 'available' } : task));
});
let url = '';

beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

it('asks Meilisearch for uncompressed answers on every kind of call: health, search, sync, settings', async () => {
  const client = createMeiliClient(url, 'a-key-of-sixteen-bytes');
  await client.health();
  await client.index('courses').search('data');
  await client.multiSearch({ queries: [{ indexUid: 'courses', q: 'data' }] });
  expect(await addDocumentBytes(client, 'courses', Buffer.from('[{"id":"é"}]'))).toMatchObject({
    taskUid: 1,
  });
  await client.index('courses').updateSettings({ filterableAttributes: ['mode'] });
  expect(seen.map((request) => request.url)).toEqual([
    '/health',
    '/indexes/courses/search',
    '/multi-search',
    '/indexes/courses/documents?primaryKey=id',
    '/indexes/courses/settings',
  ]);
  // documents go as the bytes they were, as JSON
  expect(seen[3]).toMatchObject({ body: '[{"id":"é"}]', headers: { 'content-type': 'application/json' } });
  // a compressed answer comes as headers and body in two writes, and the body waits for a delayed ACK
  for (const request of seen) expect(request.headers['accept-encoding']).toBe('identity');
  expect(seen[0]!.headers.authorization).toBe('Bearer a-key-of-sixteen-bytes');
});

it("passes on Meilisearch's refusal with its code and message, and a failure to connect with its cause", async () => {
  const client = createMeiliClient(url, 'a-key-of-sixteen-bytes');
  const refused = await client
    .index('refused')
    .search('data')
    .catch((error: unknown) => error);
  expect(meiliApiError(refused)?.cause).toMatchObject({ code: 'invalid_search_filter' });
  expect(meiliApiError(refused)?.response.status).toBe(400);
  expect(errorMessage(refused)).toContain('Attribute `city` is not filterable.');
  const refusedDocuments = await addDocumentBytes(client, 'refused', Buffer.from('[]')).catch(
    (error: unknown) => error,
  );
  expect(meiliApiError(refusedDocuments)?.cause).toMatchObject({ code: 'invalid_search_filter' });

  const unreachable = await createMeiliClient('http://127.0.0.1:9', undefined)
    .health()
    .catch((error: unknown) => error);
  expect(meiliApiError(unreachable)).toBeNull();
  expect(errorMessage(unreachable)).toMatch(/ECONNREFUSED/);
  const documentsUnreachable = await addDocumentBytes(
    createMeiliClient('127.0.0.1:9', undefined),
    'courses',
    Buffer.from('[]'),
  ).catch((error: unknown) => error);
  expect(errorMessage(documentsUnreachable)).toMatch(
    /^Request to http:\/\/127\.0\.0\.1:9\/indexes.* ECONNREFUSED/,
  );
});
