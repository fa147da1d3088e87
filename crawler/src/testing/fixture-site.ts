import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One request as the fixture server saw it, with when it arrived and when the answer was done. */
export interface SeenRequest {
  path: string;
  headers: IncomingMessage['headers'];
  startedAt: number;
  endedAt: number;
}

export type Route =
  | string
  | { status?: number; headers?: Record<string, string>; body?: string | Buffer }
  | ((request: IncomingMessage, response: ServerResponse) => unknown);

export interface FixtureSite {
  origin: string;
  host: string;
  requests: SeenRequest[];
  /** paths requested, in order */
  paths(): string[];
  routes: Record<string, Route>;
  close(): Promise<void>;
}

/** A small website on 127.0.0.1 for crawl tests: a path → page table, anything else 404. */
export async function startFixtureSite(routes: Record<string, Route>): Promise<FixtureSite> {
  const requests: SeenRequest[] = [];
  const server: Server = createServer((request, response) => {
    const seen: SeenRequest = {
      path: request.url ?? '/',
      headers: request.headers,
      startedAt: performance.now(),
      endedAt: NaN,
    };
    requests.push(seen);
    response.once('close', () => (seen.endedAt = performance.now()));
    const route = routes[seen.path] ?? routes[seen.path.replace(/\?.*/, '')];
    void serve(route, request, response).catch((error: unknown) => {
      if (!response.headersSent) response.writeHead(500);
      response.end(String(error));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    host: `127.0.0.1:${port}`,
    requests,
    routes,
    paths: () => requests.map((request) => request.path),
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

async function serve(route: Route | undefined, request: IncomingMessage, response: ServerResponse) {
  if (route === undefined) {
    response.writeHead(404, { 'content-type': 'text/html; charset=utf-8' }).end('<h1>Not found</h1>');
  } else if (typeof route === 'function') {
    await route(request, response);
  } else if (typeof route === 'string') {
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(route);
  } else {
    response
      .writeHead(route.status ?? 200, { 'content-type': 'text/html; charset=utf-8', ...route.headers })
      .end(route.body ?? '');
  }
}

/** An HTML page; `head` goes in <head>. */
export function page(body: string, head = ''): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Fixture</title>${head}</head><body>${body}</body></html>`;
}

/** A course page with schema.org JSON-LD, as most providers publish. */
export function coursePage(name: string, { weeks = 6, cost = '450', extra = '', head = '' } = {}): string {
  const jsonLd = {
    '@context': 'https://schema.org',
    '@type': 'Course',
    name,
    description: `${name}: a short course for working adults.`,
    timeRequired: `P${weeks}W`,
    offers: { '@type': 'Offer', price: cost, priceCurrency: 'GBP' },
  };
  return page(
    `<h1>${name}</h1><p>${name}: a short course for working adults.</p>${extra}`,
    `<script type="application/ld+json">${JSON.stringify(jsonLd)}</script>${head}`,
  );
}

/** A listing page linking to each course path. */
export function listingPage(paths: string[], extra = ''): string {
  return page(
    `<h1>Courses</h1><ul>${paths.map((path) => `<li><a href="${path}">${path}</a></li>`).join('')}</ul>${extra}`,
  );
}
