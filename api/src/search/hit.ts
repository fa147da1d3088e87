import { REFERENCE_CURRENCY, type SearchHit } from '@shortlist/schemas';
import type { SearchDocument } from '@shortlist/indexer';

/** The public shape of one search result, from the stored search document. */
export function toHit(doc: SearchDocument): SearchHit {
  return {
    id: doc.id,
    title: doc.title,
    summary: doc.summary,
    url: doc.url,
    provider: {
      id: doc.providerId,
      name: doc.providerName,
      type: doc.providerType,
      country: doc.providerCountry,
    },
    fields: doc.fieldCodes,
    deliveryMode: doc.mode,
    pacing: doc.pacing,
    duration: { minWeeks: doc.minWeeks, maxWeeks: doc.maxWeeks },
    workload: { hoursPerWeekMax: doc.hoursPerWeekMax, totalHoursMax: doc.totalHoursMax },
    cost: {
      amount: doc.costAmount,
      currency: doc.costCurrency,
      freeClass: doc.freeClass,
      reference:
        doc.costReference === null ? null : { amount: doc.costReference, currency: REFERENCE_CURRENCY },
    },
    level: { eqf: doc.levelEqf, label: doc.levelLabel },
    credential: doc.credentialType,
    credit: { value: doc.creditValue, system: doc.creditSystem },
    languages: doc.languages,
    startDates: doc.startDates,
    completeness: { score: doc.completeness, missing: doc.completenessMissing },
  };
}
