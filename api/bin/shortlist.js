#!/usr/bin/env -S node --max-semi-space-size=32 --heap-growing-percent=50
// Memory that follows the work rather than the garbage collector's timing (npm run bench:api, bench:feed and
// bench:crawl start Node with the flags on this line):
// - a young generation of up to 32 MB semi-spaces, twice V8's default: with 50 searches in flight, the objects of a
//   search are still alive when a smaller one fills, so they were copied and promoted to the old generation, and the
//   collector took a sixth of the API's CPU; with 32 MB the API spends about a quarter less CPU per search
//   (docs/benchmarks.md). Worker threads size their own (see crawler/src/workers/worker-threads.ts);
// - the old generation may grow to 1.5× what survived the last full collection, not up to 4×: a long crawl's RSS then
//   stays within 13% from page 500 to page 10,000, where it drifted up to 50%, at about 5% of the crawl rate.
// Runs the TypeScript source directly: server code is not built (see ARCHITECTURE.md).
import { register } from 'tsx/esm/api';

register();
await import('../src/cli.ts');
