export * from './problems.ts';
export * from './feed-record.ts';
export * from './decode.ts';
export * from './detect.ts';
export { FEED_COLUMNS, columnFor, headerKey, type FeedColumn } from './csv-columns.ts';
export { detectDelimiter, DELIMITERS, type Delimiter } from './csv-tokenizer.ts';
export { readCsvFeed, resolveMapping, type ColumnMapping } from './csv-feed.ts';
export { readJsonItems } from './json-stream.ts';
export { readJsonFeed, type JsonRecordShape } from './json-feed.ts';
export { readSchemaOrgFeed } from './schemaorg-feed.ts';
export { readCtdlFeed, unwrapEnvelopes } from './ctdl-feed.ts';
export { readElmFeed } from './elm-feed.ts';
export * from './check-row.ts';
export * from './check-digest.ts';
export * from './read-feed.ts';
export * from './csv-writer.ts';
// feed URLs are fetched with the SSRF-safe fetcher, which lives with the other fetchers
export * from '../fetch/address-policy.ts';
export * from '../fetch/safe-fetch.ts';
