export * from './provider.ts';
export * from './course.ts';
export * from './raw-course.ts';
export * from './source.ts';
export * from './search.ts';
export * from './build-course.ts';
export * from './normalise/index.ts';
export * from './records.ts';
