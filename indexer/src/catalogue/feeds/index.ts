export { rejectedBlock, withdrawBlock, type FeedOutcome, type FeedPlan } from './apply.ts';
export type { FeedJob, FeedJobInit, FeedJobs } from './jobs.ts';
export type { FeedUrl, FeedUrls, PollOutcome } from './urls.ts';
export type { FeedPreview, PreviewRow } from './preview.ts';
export { FeedStaging } from './staging.ts';
