/** Fixture sites and an in-memory catalogue for tests of code that drives the crawler. */
export * from './crawl-fixture.ts';
export * from './fixture-site.ts';
export * from './memory-catalogue.ts';
