import { createRoute, z } from '@hono/zod-openapi';
import { apiRoutes } from '../declared-routes.ts';
import { renderDocs, type OpenApiDocument } from './render.ts';

const page = createRoute({
  method: 'get',
  path: '/docs',
  summary: 'This reference, as a page to read',
  responses: { 200: { description: 'HTML', content: { 'text/html': { schema: z.string() } } } },
});
const style = createRoute({
  method: 'get',
  path: '/docs.css',
  summary: 'The stylesheet of /docs',
  responses: { 200: { description: 'CSS', content: { 'text/css': { schema: z.string() } } } },
});

const CSS = `body{font:16px/1.5 system-ui,sans-serif;max-width:72rem;margin:0 auto;padding:1rem 2rem;color:#1b1b1b}
h1 small,td small{color:#555;font-weight:normal}code{font:0.92em ui-monospace,monospace;background:#f3f3f3;padding:0 .2em}
section{border-top:1px solid #ddd;padding-top:.5rem;margin-top:1.5rem}table{border-collapse:collapse;width:100%;margin:.5rem 0}
th,td{border:1px solid #ddd;padding:.3rem .5rem;text-align:left;vertical-align:top}th{background:#f7f7f7}
td table{font-size:.92em}dt{font-weight:bold;margin-top:.4rem}nav li{margin:.15rem 0}a{color:#0b57d0}`;

/** /docs and its stylesheet, rendered once from the document the app serves at /openapi.json. */
export function docsRoutes(document: () => object) {
  let rendered: Awaited<ReturnType<typeof renderDocs>> | undefined;
  return apiRoutes()
    .openapi(page, async (c) => c.html((rendered ??= await renderDocs(document() as OpenApiDocument)), 200))
    .openapi(style, (c) => c.body(CSS, 200, { 'Content-Type': 'text/css; charset=utf-8' }));
}
