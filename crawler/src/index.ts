export * from './main.ts';
export * from './plan.ts';
export { classifyLink, DETAIL, LISTING, SITEMAP } from './discovery/link-patterns.ts';
export { crawlUrl, trapReason } from './discovery/crawl-url.ts';
export { readSitemap } from './discovery/sitemap.ts';
export * from './fetch/index.ts';
export { extractPage } from './extract/index.ts';
export * from './extract/page-courses.ts';
export { PageReaders, sharedReaders } from './workers/page-readers.ts';
