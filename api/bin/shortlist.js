#!/usr/bin/env -S node --max-semi-space-size=8 --heap-growing-percent=50
// Memory that follows the work rather than the garbage collector's timing (npm run bench:feed and bench:crawl start
// Node with the flags on this line):
// - a young generation half V8's default (8 MB semi-spaces): a 100,000-row feed import peaked at about
//   280 MB with it, over 300 MB without; worker threads size their own (see crawler/src/workers/worker-threads.ts);
// - the old generation may grow to 1.5× what survived the last full collection, not up to 4×: a long crawl's RSS then
//   stays within 13% from page 500 to page 10,000, where it drifted up to 50%, at about 5% of the crawl rate.
// Runs the TypeScript source directly: server code is not built (see ARCHITECTURE.md).
import { register } from 'tsx/esm/api';

register();
await import('../src/cli.ts');
