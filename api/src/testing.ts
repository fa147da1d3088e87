import type { OpenAPIHono } from '@hono/zod-openapi';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { z } from 'zod';
import { CatalogueStore, createMeiliClient, SearchIndex, startBundledMeilisearch } from '@shortlist/indexer';
import type { Course, Provider } from '@shortlist/schemas';
import { createApp, type AppDeps } from './app.ts';

type DeclaredContent = Record<string, { schema?: unknown }>;

interface DeclaredRoute {
  method: string;
  pattern: RegExp;
  responses: Record<string, { content?: DeclaredContent } | undefined>;
}

/** The routes an app declared with their schemas, as patterns over request paths. */
function declaredRoutes(app: OpenAPIHono): DeclaredRoute[] {
  return app.openAPIRegistry.definitions.flatMap((definition) => {
    if (definition.type !== 'route') return [];
    const { method, path, responses } = definition.route;
    const escaped = path.replace(/[.]/g, '\\.').replace(/\{[^}]+\}/g, '[^/]+');
    const pattern = new RegExp(`^${escaped}$`);
    return [{ method: method.toUpperCase(), pattern, responses: responses as DeclaredRoute['responses'] }];
  });
}

/**
 * For route tests: requests a path of the app and checks the answer against the schema its route declares for
 * that status and media type. An answer with an undeclared status or media type, or a JSON body its schema
 * refuses, fails the test. JSON bodies are parsed; others (CSV, Atom, HTML, Prometheus text) are returned as text.
 */
export function checkedRequests(app: OpenAPIHono) {
  const routes = declaredRoutes(app);
  return async function request(path: string, init?: RequestInit) {
    const response = await app.request(path, init);
    const method = init?.method ?? 'GET';
    const pathname = new URL(path, 'http://localhost').pathname;
    const route = routes.find((candidate) => candidate.method === method && candidate.pattern.test(pathname));
    if (!route) throw new Error(`${method} ${pathname} is not declared with a schema`);
    const declared = route.responses[String(response.status)];
    if (!declared)
      throw new Error(`${method} ${pathname} answered ${response.status}, a status it does not declare`);
    const mediaType = (response.headers.get('Content-Type') ?? '').split(';')[0]!.trim();
    const content = declared.content?.[mediaType];
    if (declared.content && !content)
      throw new Error(
        `${method} ${pathname} ${response.status} answered ${mediaType || 'no Content-Type'}; it declares ${Object.keys(declared.content).join(', ')}`,
      );
    if (mediaType !== 'application/json')
      return { status: response.status, headers: response.headers, body: await response.text() };
    const body: unknown = await response.json();
    const checked = (content?.schema as z.ZodType | undefined)?.safeParse(body);
    if (checked && !checked.success) {
      const issues = checked.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
      throw new Error(
        `${method} ${pathname} ${response.status} does not match its schema: ${issues.join('; ')}`,
      );
    }
    // tests read the checked body loosely
    // eslint-disable-next-line @typescript-eslint/no-explicit-any, @typescript-eslint/no-unsafe-assignment
    return { status: response.status, headers: response.headers, body: body as any };
  };
}

export interface TestApp {
  app: ReturnType<typeof createApp>;
  request: ReturnType<typeof checkedRequests>;
  store: CatalogueStore;
  index: SearchIndex;
  /** sends the catalogue's changes to the index and waits until they are searchable */
  sync(): Promise<number>;
  close(): Promise<void>;
}

/**
 * For route tests: a real catalogue in a temporary folder, the bundled Meilisearch with an index of its own, the
 * providers and courses given, synced, and the app over them.
 */
export async function startTestApp({
  providers,
  courses,
  catalogueNow,
  ...deps
}: {
  providers: Provider[];
  courses: Course[];
  /** the catalogue's clock, which dates its history */
  catalogueNow?: () => Date;
} & Omit<AppDeps, 'store' | 'index'>): Promise<TestApp> {
  const dataDir = mkdtempSync(join(tmpdir(), 'shortlist-api-'));
  const meili = await startBundledMeilisearch(dataDir);
  const store = new CatalogueStore(join(dataDir, 'catalogue.db'), catalogueNow && { now: catalogueNow });
  for (const provider of providers) store.upsertProvider(provider);
  store.upsertCourses(courses);
  const index = new SearchIndex(createMeiliClient(meili.url, meili.key), 'courses_route_test');
  await index.prepare();
  await index.syncFrom(store);
  const app = createApp({ store, index, ...deps });
  return {
    app,
    request: checkedRequests(app),
    store,
    index,
    sync: () => index.syncFrom(store),
    async close() {
      store.close();
      await meili.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
