export { createApp, type AppDeps } from './app.ts';
export { openServices, type Services } from './services.ts';
export { catalogueSink } from './commands/crawl-schedule.ts';
export { ANY_PROVIDER, extractSavedPage } from './commands/extract.ts';
