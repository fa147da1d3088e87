export * from './env.ts';
export * from './meili-server.ts';
export * from './catalogue/index.ts';
export * from './search-document.ts';
export * from './settings.ts';
export * from './search-index.ts';
export * from './sync-loop.ts';
export * from './reindex.ts';
