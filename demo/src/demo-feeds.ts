/** The demo's partner feeds, one per format, and `feeds.json`, which names each feed's provider and format. */
export const DEMO_FEEDS = new URL('../feeds/', import.meta.url);
