export * from './charset.ts';
export * from './fetch-error.ts';
export * from './host-gate.ts';
export * from './polite-fetch.ts';
export * from './robots.ts';
export * from './robots-cache.ts';
