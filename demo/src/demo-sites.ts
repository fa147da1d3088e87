import { readdirSync, readFileSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Source, type DeliveryMode, type FreeClass } from '@shortlist/schemas';

const DEMO_ROOT = fileURLToPath(new URL('../', import.meta.url));
/** The folder holding one sub-folder of static pages per demo site. */
export const DEMO_SITES_DIR = join(DEMO_ROOT, 'sites');

/** Ground truth for one demo course; `null` wherever the page does not say. */
export interface ExpectedCourse {
  providerId: string;
  /** root-relative; courses that share a page are told apart by a `#fragment` naming their element id */
  path: string;
  title: string;
  mode: DeliveryMode | null;
  /** months count as 52/12 weeks and days as 1/7, rounded to one decimal */
  minWeeks: number | null;
  maxWeeks: number | null;
  selfPaced: boolean;
  /** the price of taking the course: 0 when free (a paid certificate on top does not count), per month when `costPerMonth` */
  costAmount: number | null;
  /** ISO 4217, null when the amount is 0 or unknown */
  costCurrency: string | null;
  free: boolean | null;
  freeClass: FreeClass;
  costPerMonth: boolean;
  /** ISCED-F 2013 detailed codes the course belongs to */
  fields: string[];
  /** the texts as a reader sees them on the page */
  durationText: string | null;
  workloadText: string | null;
  costText: string | null;
  modeText: string | null;
  city: string | null;
  level: string | null;
  ects: number | null;
  credential: string | null;
  /** ISO dates */
  startDates: string[];
  /** BCP 47 tags */
  languages: string[];
}

export interface DemoSite {
  id: string;
  origin: string;
}

export interface DemoRequest {
  siteId: string;
  method: string;
  path: string;
  status: number;
  userAgent: string;
}

export interface DemoSites {
  sites: DemoSite[];
  /** the parsed source configs, with their URLs resolved against each site's origin */
  sources: Source[];
  /** every request served, so tests can check robots.txt and politeness were honoured */
  requests: DemoRequest[];
  close(): Promise<void>;
}

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
};

export function demoExpected(): ExpectedCourse[] {
  return JSON.parse(readFileSync(join(DEMO_ROOT, 'expected.json'), 'utf8')) as ExpectedCourse[];
}

/** Provider ids in a fixed order, which is also the order of ports when a first port is given. */
export function demoProviderIds(): string[] {
  return readdirSync(join(DEMO_ROOT, 'sources'))
    .filter((name) => name.endsWith('.json'))
    .map((name) => name.slice(0, -'.json'.length))
    .sort();
}

/** Source files hold root-relative URLs so the demo can run on any port. */
export function demoSource(id: string, origin: string): Source {
  const file = `demo/sources/${id}.json`;
  const config = JSON.parse(readFileSync(join(DEMO_ROOT, 'sources', `${id}.json`), 'utf8')) as Record<
    string,
    unknown
  >;
  const absolute = (path: unknown) => new URL(String(path), origin).href;
  const list = (value: unknown) => (Array.isArray(value) ? value.map(absolute) : value);
  const result = Source.safeParse({
    ...config,
    url: absolute(config.url),
    startUrls: list(config.startUrls),
    sitemaps: list(config.sitemaps),
  });
  if (!result.success) {
    const problems = result.error.issues
      .map((issue) => `${issue.path.join('.')}: ${issue.message}`)
      .join('; ');
    throw new Error(`${file} is not a valid source config: ${problems}`);
  }
  return result.data;
}

function notFoundPage(path: string): string {
  const safe = path.replace(/[&<>"']/g, '');
  return `<!doctype html>\n<html lang="en"><head><meta charset="utf-8"><title>Page not found</title></head>\n<body><h1>Page not found</h1><p>Nothing lives at ${safe}. <a href="/">Go to the home page</a>.</p></body></html>\n`;
}

function serveSite(site: DemoSite, root: string) {
  const send = (
    response: ServerResponse,
    status: number,
    type: string,
    body: string | Buffer,
    head: boolean,
  ) => {
    response.writeHead(status, { 'content-type': type, 'content-length': Buffer.byteLength(body) });
    response.end(head ? undefined : body);
  };

  return async function serveDemoFile(request: IncomingMessage, response: ServerResponse): Promise<number> {
    const method = request.method ?? 'GET';
    const head = method === 'HEAD';
    if (method !== 'GET' && !head) {
      response.writeHead(405, { allow: 'GET, HEAD' }).end();
      return 405;
    }
    const url = new URL(request.url ?? '/', site.origin);
    let pathname: string;
    try {
      pathname = decodeURIComponent(url.pathname);
    } catch {
      send(
        response,
        400,
        'text/plain; charset=utf-8',
        'Bad request: the path is not valid percent-encoding\n',
        head,
      );
      return 400;
    }
    // Refuse anything that would resolve outside the site folder, e.g. an encoded "../".
    let file = resolve(root, `.${pathname}`);
    if (pathname.includes('\0') || (file !== root && !file.startsWith(root + sep))) {
      send(response, 403, 'text/plain; charset=utf-8', 'Forbidden\n', head);
      return 403;
    }
    let info = await stat(file).catch(() => null);
    if (info?.isDirectory()) {
      if (!pathname.endsWith('/')) {
        response.writeHead(301, { location: `${url.pathname}/${url.search}` }).end();
        return 301;
      }
      file = join(file, 'index.html');
      info = await stat(file).catch(() => null);
    }
    if (!info?.isFile()) {
      send(response, 404, CONTENT_TYPES['.html']!, notFoundPage(pathname), head);
      return 404;
    }
    const type = CONTENT_TYPES[extname(file)] ?? 'application/octet-stream';
    const bytes = await readFile(file);
    const body = type.includes('charset')
      ? bytes.toString('utf8').replaceAll('__ORIGIN__', site.origin)
      : bytes;
    send(response, 200, type, body, head);
    return 200;
  };
}

function listen(server: Server, port: number, host: string): Promise<number> {
  return new Promise((resolveListen, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolveListen((server.address() as AddressInfo).port);
    });
  });
}

async function closeServer(server: Server): Promise<void> {
  if (!server.listening) return;
  const closed = new Promise<void>((resolveClose) => server.close(() => resolveClose()));
  server.closeAllConnections();
  await closed;
}

/** Serve every demo provider site on 127.0.0.1: on `port`, `port + 1`, … when given, otherwise on free ports. */
export async function startDemoSites(options: { port?: number; host?: string } = {}): Promise<DemoSites> {
  const { port, host = '127.0.0.1' } = options;
  const ids = demoProviderIds();
  const originHost =
    host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host.includes(':') ? `[${host}]` : host;
  const requests: DemoRequest[] = [];
  const servers: Server[] = [];
  const sites: DemoSite[] = [];
  try {
    for (const [index, id] of ids.entries()) {
      const root = resolve(DEMO_SITES_DIR, id);
      const site: DemoSite = { id, origin: '' };
      const serve = serveSite(site, root);
      const server = createServer((request, response) => {
        serve(request, response).then(
          (status) =>
            requests.push({
              siteId: id,
              method: request.method ?? 'GET',
              path: request.url ?? '/',
              status,
              userAgent: request.headers['user-agent'] ?? '',
            }),
          (error: unknown) => {
            if (!response.headersSent)
              response.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' });
            response.end(`Internal error: ${String(error)}\n`);
          },
        );
      });
      servers.push(server);
      const wanted = port === undefined ? 0 : port + index;
      const actual = await listen(server, wanted, host).catch((error: NodeJS.ErrnoException) => {
        if (error.code !== 'EADDRINUSE' || port === undefined) throw error;
        throw new Error(
          `Demo site "${id}" cannot listen on ${host}:${wanted}: the port is in use. The ${ids.length} demo sites ` +
            `use ports ${port}–${port + ids.length - 1}; free them or set DEMO_PORT to another first port.`,
        );
      });
      site.origin = `http://${originHost}:${actual}`;
      sites.push(site);
    }
  } catch (error) {
    await Promise.all(servers.map(closeServer));
    throw error;
  }
  return {
    sites,
    sources: sites.map((site) => demoSource(site.id, site.origin)),
    requests,
    close: async () => {
      await Promise.all(servers.map(closeServer));
    },
  };
}
