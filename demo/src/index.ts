/** The fictional providers that `shortlist start --demo` and the cross-package tests use: sites, sources, feeds, ground truth. */
export * from './demo-sites.ts';
export { DEMO_FEEDS } from './demo-feeds.ts';
