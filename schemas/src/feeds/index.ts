export * from './options.ts';
export * from './report.ts';
