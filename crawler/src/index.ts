export * from './main.ts';
export * from './report.ts';
export * from './sink.ts';
export * from './sources.ts';
export * from './records.ts';
export { classifyLink } from './routes.ts';
export { extractPage } from './extract/index.ts';
