import type { OpenAPIHono } from '@hono/zod-openapi';
import type { z } from 'zod';

interface DeclaredRoute {
  method: string;
  pattern: RegExp;
  responses: Record<string, { content?: Record<string, { schema?: unknown }> } | undefined>;
}

/** The routes an app declared with their schemas, as patterns over request paths. */
function declaredRoutes(app: OpenAPIHono): DeclaredRoute[] {
  return app.openAPIRegistry.definitions.flatMap((definition) => {
    if (definition.type !== 'route') return [];
    const { method, path, responses } = definition.route;
    const pattern = new RegExp(`^${path.replace(/\{[^}]+\}/g, '[^/]+')}$`);
    return [{ method: method.toUpperCase(), pattern, responses: responses as DeclaredRoute['responses'] }];
  });
}

/**
 * For route tests: requests a path of the app and checks the answer against the schema its route declares for
 * that status. An answer with an undeclared status, or a body its schema refuses, fails the test.
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
    const body: unknown = await response.json();
    const schema = declared.content?.['application/json']?.schema as z.ZodType | undefined;
    const checked = schema?.safeParse(body);
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
