export { CatalogueStore } from './store.ts';
export type { CourseChange } from './outbox.ts';
export type { JoinReason, ListingSummary } from './listings.ts';
export { providerStatistics, type ProviderDocument } from './provider-stats.ts';
export type { Partner, PartnerKeyInfo, PartnerListing, StoredKey } from './partners.ts';
export type { PageState, StoreCounts } from '@shortlist/schemas';
