import { monitorEventLoopDelay, type IntervalHistogram } from 'node:perf_hooks';
import { Gauge, type Registry } from 'prom-client';

let delays: IntervalHistogram | undefined;

/**
 * `shortlist_event_loop_delay_seconds{stat}`: how long the thread that answers HTTP was kept from answering (p50, p99
 * and the longest delay) since the previous scrape, from `monitorEventLoopDelay` sampling every 10 ms. Any work
 * over ~50 ms on that thread shows here as a search that had to wait.
 */
export function eventLoopDelayGauge(registry: Registry): void {
  // one monitor for the process, however many apps it builds
  if (!delays) {
    delays = monitorEventLoopDelay({ resolution: 10 });
    delays.enable();
  }
  const histogram = delays;
  new Gauge({
    name: 'shortlist_event_loop_delay_seconds',
    help: 'Delay of the event loop that answers HTTP since the previous scrape (p50, p99, max), sampled every 10 ms',
    labelNames: ['stat'],
    registers: [registry],
    collect() {
      // the monitor counts its own 10 ms sampling interval in every delay
      const delay = (ns: number) => Math.max(0, ns / 1e9 - 0.01);
      this.set({ stat: 'p50' }, delay(histogram.percentile(50)));
      this.set({ stat: 'p99' }, delay(histogram.percentile(99)));
      this.set({ stat: 'max' }, delay(histogram.max));
      histogram.reset();
    },
  });
}
