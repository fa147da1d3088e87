// What the server needs to plan crawls and read their reports, without loading Crawlee: crawls run in a crawl
// process of their own (api/src/commands/crawl-process.ts), which imports the crawler whole.
export * from './sources.ts';
export * from './sink.ts';
export * from './run/crawl-report.ts';
