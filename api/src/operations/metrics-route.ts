import { createRoute, z } from '@hono/zod-openapi';
import { apiRoutes } from '../declared-routes.ts';
import type { ApiMetrics } from './metrics.ts';

const route = createRoute({
  method: 'get',
  path: '/metrics',
  summary:
    'Prometheus metrics: requests and latency by route, sync lag, index size, crawl and feed outcomes, event-loop delay',
  responses: {
    200: {
      description: 'The Prometheus text exposition format, version 0.0.4',
      content: { 'text/plain': { schema: z.string() } },
    },
  },
});

export function metricsRoutes(metrics: ApiMetrics) {
  return apiRoutes().openapi(route, async (c) => {
    const text = await metrics.registry.metrics();
    return c.text(text, 200, { 'Content-Type': metrics.registry.contentType });
  });
}
