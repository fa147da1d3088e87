// A bare node:http proxy for `npm run bench:api`: a GET of a query's API path sends that query's multi-search to
// Meilisearch over a kept-alive connection and passes the answer's bytes back unchanged. It does nothing an API
// could skip, so its cost over straight is what one more hop costs on this machine, before any of the API's work.
// Usage (by bench:api): tsx test/bench/bare-proxy.ts <file with { meili, key, bodies: { path: body } }>
import { readFileSync } from 'node:fs';
import { Agent, createServer, request } from 'node:http';

const { meili, key, bodies } = JSON.parse(readFileSync(process.argv[2]!, 'utf8')) as {
  meili: string;
  key: string;
  bodies: Record<string, string>;
};
const agent = new Agent({ keepAlive: true });
const url = new URL('/multi-search', meili);
const headers = {
  Authorization: `Bearer ${key}`,
  'Content-Type': 'application/json',
  'Accept-Encoding': 'identity',
};

const server = createServer((incoming, outgoing) => {
  const upstream = request(url, { method: 'POST', agent, headers }, (answer) => {
    const chunks: Buffer[] = [];
    answer.on('data', (chunk: Buffer) => chunks.push(chunk));
    answer.on('end', () => {
      const body = Buffer.concat(chunks);
      outgoing.writeHead(answer.statusCode ?? 502, {
        'Content-Type': 'application/json',
        'Content-Length': body.length,
      });
      outgoing.end(body);
    });
  });
  upstream.on('error', () => outgoing.writeHead(502).end());
  upstream.end(bodies[incoming.url ?? ''] ?? '');
});
server.listen(0, '127.0.0.1', () => {
  const address = server.address();
  console.log(JSON.stringify({ port: typeof address === 'object' && address ? address.port : 0 }));
});
