/** The fictional providers `npm start --demo` and the cross-package tests run against: sites, sources, feeds, ground truth. */
export * from './demo-sites.ts';
export { DEMO_FEEDS } from './demo-feeds.ts';
