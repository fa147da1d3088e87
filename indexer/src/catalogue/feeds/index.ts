export * from './apply.ts';
export * from './jobs.ts';
export * from './urls.ts';
export * from './staging.ts';
export type { FeedPreview, PreviewRow } from './preview.ts';
