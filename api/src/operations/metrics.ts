import type { MiddlewareHandler } from 'hono';
import { routePath } from 'hono/route';
import { Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { CatalogueStore, SearchIndex } from '@shortlist/indexer';
import { eventLoopDelayGauge } from './event-loop.ts';

/** Seconds; from a cached search to a full export. */
const LATENCY_BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

/**
 * What `/metrics` shows, in the Prometheus text format: requests by route pattern (never the raw path, so the
 * series stay few), and, read when scraped, the sync lag, the index size and crawl and feed outcomes. Outcomes
 * are counted from the catalogue, so they include crawls and feeds that other `shortlist` processes ran.
 */
export class ApiMetrics {
  readonly registry = new Registry();
  private readonly requests: Counter<'method' | 'route' | 'status'>;
  private readonly latency: Histogram<'method' | 'route'>;

  constructor(store: CatalogueStore, index: SearchIndex) {
    const registers = [this.registry];
    this.requests = new Counter({
      name: 'shortlist_http_requests_total',
      help: 'HTTP requests answered, by method, route pattern and status',
      labelNames: ['method', 'route', 'status'],
      registers,
    });
    this.latency = new Histogram({
      name: 'shortlist_http_request_duration_seconds',
      help: 'Time to answer an HTTP request (to its headers, for a streamed body), by route pattern',
      labelNames: ['method', 'route'],
      buckets: LATENCY_BUCKETS,
      registers,
    });
    new Gauge({
      name: 'shortlist_index_sync_lag_changes',
      help: 'Catalogue changes not yet sent to the search index (latest change minus the sync cursor)',
      registers,
      collect() {
        this.set(Math.max(0, store.latestSeq() - store.getCursor(index.cursorName)));
      },
    });
    new Gauge({
      name: 'shortlist_index_documents',
      help: 'Documents in the search indexes; absent while Meilisearch does not answer',
      labelNames: ['index'],
      registers,
      async collect() {
        this.reset();
        for (const uid of [index.uid, index.providersUid]) {
          const stats = await index.client
            .index(uid)
            .getStats()
            .catch(() => null);
          if (stats) this.set({ index: uid }, stats.numberOfDocuments);
        }
      },
    });
    new Counter({
      name: 'shortlist_crawls_total',
      help: 'Crawl runs recorded in the catalogue, by outcome (unfinished: running, or interrupted)',
      labelNames: ['outcome'],
      registers,
      collect() {
        this.reset();
        for (const [outcome, count] of Object.entries(store.crawlOutcomes())) this.inc({ outcome }, count);
      },
    });
    eventLoopDelayGauge(this.registry);
    const feedJobs = store.feedJobs;
    new Counter({
      name: 'shortlist_feeds_total',
      help: 'Partner feeds finished, by outcome and whether they were dry runs',
      labelNames: ['outcome', 'dry_run'],
      registers,
      collect() {
        this.reset();
        for (const { outcome, dryRun, count } of feedJobs.outcomes())
          this.inc({ outcome, dry_run: String(dryRun) }, count);
      },
    });
  }

  /** Middleware: counts every answer and times it, labelled by the route pattern that answered. */
  recordRequests(): MiddlewareHandler {
    const { requests, latency } = this;
    return async function recordRequests(c, next) {
      const started = performance.now();
      await next();
      const labels = { method: c.req.method, route: routePath(c) };
      latency.observe(labels, (performance.now() - started) / 1000);
      requests.inc({ ...labels, status: String(c.res.status) });
    };
  }
}
