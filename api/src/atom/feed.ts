import { valueLabel, type SearchHit } from '@shortlist/schemas';
import { money, quantity } from '../compare/format.ts';
import { nameUrn } from './ids.ts';
import { xmlText } from './xml.ts';

export interface FeedEntry {
  hit: SearchHit;
  /** when the catalogue first listed the course */
  published: Date;
  /** when a tracked fact (cost, start dates, duration, status) last changed */
  updated: Date;
}

export interface Feed {
  /** what the search is, for the feed's stable id */
  searchKey: string;
  title: string;
  /** this feed's own URL */
  self: string;
  /** the search page on the web that shows the same courses */
  alternate: string;
  /** the site's origin, for entry links */
  origin: string;
  updated: Date;
  entries: FeedEntry[];
}

const stamp = (date: Date) => date.toISOString().replace(/\.\d{3}Z$/, 'Z');

/** The facts a reader wants before opening the course, as one line of plain text. */
function factsLine(hit: SearchHit): string {
  const cost =
    hit.cost.amount !== null && hit.cost.currency
      ? money(hit.cost.amount, hit.cost.currency) +
        (hit.cost.reference && hit.cost.reference.currency !== hit.cost.currency
          ? ` (${money(hit.cost.reference.amount, hit.cost.reference.currency)})`
          : '')
      : hit.cost.freeClass === 'unknown'
        ? null
        : valueLabel(hit.cost.freeClass);
  return [
    hit.provider.name,
    hit.deliveryMode && valueLabel(hit.deliveryMode),
    quantity(hit.duration.minWeeks, hit.duration.maxWeeks, 'week'),
    cost,
    hit.level.eqf ? `EQF ${hit.level.eqf}` : hit.level.label && valueLabel(hit.level.label),
    hit.startDates.length ? `starts ${hit.startDates.slice(0, 3).join(', ')}` : null,
  ]
    .filter(Boolean)
    .join(' · ');
}

function entry({ hit, published, updated }: FeedEntry, origin: string): string {
  const page = `${origin}/course.html?id=${encodeURIComponent(hit.id)}`;
  const summary = [hit.summary, factsLine(hit)].filter(Boolean).join('\n\n');
  return `  <entry>
    <id>${nameUrn(`course:${hit.id}`)}</id>
    <title type="text">${xmlText(hit.title)}</title>
    <updated>${stamp(updated)}</updated>
    <published>${stamp(published)}</published>
    <author><name>${xmlText(hit.provider.name)}</name></author>
    <link rel="alternate" type="text/html" href="${xmlText(page)}"/>
    <link rel="related" type="text/html" href="${xmlText(hit.url)}"/>
    <summary type="text">${xmlText(summary)}</summary>
  </entry>
`;
}

/** An Atom 1.0 feed (RFC 4287) of a search's courses; all text is escaped plain text. */
export function atomFeed(feed: Feed): string {
  return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <id>${nameUrn(`search:${feed.searchKey}`)}</id>
  <title type="text">${xmlText(feed.title)}</title>
  <updated>${stamp(feed.updated)}</updated>
  <author><name>Shortlist</name></author>
  <generator>Shortlist</generator>
  <link rel="self" type="application/atom+xml" href="${xmlText(feed.self)}"/>
  <link rel="alternate" type="text/html" href="${xmlText(feed.alternate)}"/>
${feed.entries.map((item) => entry(item, feed.origin)).join('')}</feed>
`;
}
