import type { MatchesPosition } from 'meilisearch';
import { REFERENCE_CURRENCY, type SearchHit } from '@shortlist/schemas';
import type { HitDocument } from './request.ts';

type Range = [number, number];

const ASCII = /^[ -~\t\n\r]*$/;

/** The UTF-16 index of each UTF-8 byte offset that starts a character (or the text's end); gaps elsewhere. */
function byteToIndex(text: string): Map<number, number> {
  const indexes = new Map<number, number>();
  let byte = 0;
  let index = 0;
  for (const character of text) {
    indexes.set(byte, index);
    const point = character.codePointAt(0)!;
    byte += point < 0x80 ? 1 : point < 0x800 ? 2 : point < 0x10000 ? 3 : 4;
    index += character.length;
  }
  indexes.set(byte, index);
  return indexes;
}

/**
 * Meilisearch's matches in a text (UTF-8 byte ranges) as [start, end) offsets in UTF-16 code units, as JavaScript
 * indexes the text. A range that does not fall on character boundaries within the text is dropped: never a wrong one.
 */
export function matchRanges(
  text: string | null,
  matches: { start: number; length: number }[] | undefined,
): Range[] {
  if (!text || !matches?.length) return [];
  const indexes = ASCII.test(text) ? null : byteToIndex(text);
  const ranges: Range[] = [];
  for (const { start, length } of matches) {
    const from = indexes ? indexes.get(start) : start;
    const to = indexes ? indexes.get(start + length) : start + length;
    if (from !== undefined && to !== undefined && from < to && to <= text.length) ranges.push([from, to]);
  }
  return ranges.sort((a, b) => a[0] - b[0]);
}

/** The public shape of one search result, from the stored search document. */
export function toHit(doc: HitDocument & { _matchesPosition?: MatchesPosition<HitDocument> }): SearchHit {
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
    // documents indexed before stated lengths were kept have none
    duration: { minWeeks: doc.minWeeks, maxWeeks: doc.maxWeeks, stated: doc.durationStated ?? null },
    workload: { hoursPerWeekMax: doc.hoursPerWeekMax, totalHoursMax: doc.totalHoursMax },
    cost: {
      amount: doc.costAmount,
      currency: doc.costCurrency,
      freeClass: doc.freeClass,
      reference:
        doc.costReference === null ? null : { amount: doc.costReference, currency: REFERENCE_CURRENCY },
      perHour: doc.costPerHour,
    },
    level: { eqf: doc.levelEqf, label: doc.levelLabel },
    credential: doc.credentialType,
    credit: { value: doc.creditValue, system: doc.creditSystem, stackable: doc.stackable },
    location: { city: doc.city, region: doc.region, country: doc.country },
    languages: doc.languages,
    startDates: doc.startDates,
    completeness: { score: doc.completeness, missing: doc.completenessMissing },
    highlights: {
      title: matchRanges(doc.title, doc._matchesPosition?.title),
      summary: matchRanges(doc.summary, doc._matchesPosition?.summary),
    },
  };
}
