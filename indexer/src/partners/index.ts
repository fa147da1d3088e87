export * from './feed-staging.ts';
export * from './feed-apply.ts';
export * from './feed-jobs.ts';
export * from './accounts.ts';
export * from './feed-urls.ts';
