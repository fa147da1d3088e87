// API request and response shapes: the API validates and answers with them, /openapi.json is generated from
// them, and the web imports their types.
export * from './error.ts';
export * from './search-params.ts';
export * from './search-response.ts';
export * from './course-detail.ts';
export * from './provider-statistics.ts';
export * from './service.ts';
export * from './labels.ts';
export * from './comparison.ts';
export * from './field-tree.ts';
export * from './export.ts';
