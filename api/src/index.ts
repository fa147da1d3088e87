export { createApp, type AppDeps } from './app.ts';
export { openServices, type Services } from './services.ts';
export { catalogueSink } from './commands/crawl-schedule.ts';
export { planSearch } from './search/request.ts';
export { parseSearchParams } from './search/route.ts';
export { extractSavedPage, unknownProvider } from './commands/extract.ts';
export { FeedRunner } from './feeds/runner.ts';
export { readPartnerSettings } from './routes/partner/env.ts';
