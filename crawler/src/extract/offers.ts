import { firstTextOf, textsOf } from '../linked-data/node-text.ts';
import { nodesOf } from '../linked-data/schema-org-node.ts';
import type { SchemaNode } from '../linked-data/schema-org-node.ts';

export interface OfferFacts {
  /** the price as the provider wrote it, e.g. "1250" or "1,250.00"; "0" for a free course */
  cost?: string;
  currency?: string;
  enrolmentUrl?: string;
}

/** Reads price and currency from `Offer`, `AggregateOffer` and `PriceSpecification`; the first priced offer wins. */
export function readOffers(offers: readonly SchemaNode[], warnings: string[], course: string): OfferFacts {
  const certificate = freeWithPaidCertificate(offers);
  if (certificate) return certificate;
  const priced = offers.map(readOffer).filter((offer) => offer.cost !== undefined);
  const first = priced[0] ?? offers.map(readOffer)[0] ?? {};
  const distinct = new Set(priced.map((offer) => `${offer.cost} ${offer.currency ?? ''}`.trim()));
  if (distinct.size > 1) {
    warnings.push(
      `${course}cost: ${distinct.size} offers with different prices (${[...distinct].join(', ')}); used the first`,
    );
  }
  return first;
}

/** A free offer next to a paid certificate offer: "Free; Verified certificate: 49 USD", for the normaliser. */
function freeWithPaidCertificate(offers: readonly SchemaNode[]): OfferFacts | undefined {
  const read = offers.map((offer) => ({ offer, facts: readOffer(offer) }));
  const free = read.find(({ facts }) => facts.cost !== undefined && Number(facts.cost) === 0);
  const certificate = read.find(
    ({ offer, facts }) =>
      facts.cost !== undefined &&
      Number(facts.cost) > 0 &&
      [...textsOf(offer, 'name'), ...textsOf(offer, 'description')].some((text) => /certificat/i.test(text)),
  );
  if (!free || !certificate) return undefined;
  const name = firstTextOf(certificate.offer, 'name') ?? 'Certificate';
  const { cost, currency, enrolmentUrl } = certificate.facts;
  return {
    cost: `Free; ${name}: ${cost} ${currency ?? ''}`.trim(),
    ...(enrolmentUrl ? { enrolmentUrl } : {}),
  };
}

function readOffer(offer: SchemaNode): OfferFacts {
  const specifications = nodesOf(offer, 'priceSpecification');
  const facts: OfferFacts = {};
  const cost =
    priceOf(offer) ??
    specifications.map(priceOf).find((price) => price !== undefined) ??
    nodesOf(offer, 'offers')
      .map(readOffer)
      .find((inner) => inner.cost !== undefined)?.cost ??
    (textsOf(offer, 'category').some((category) => /\bfree\b/i.test(category)) ? '0' : undefined);
  if (cost !== undefined) facts.cost = cost;
  const currency =
    firstTextOf(offer, 'priceCurrency') ??
    specifications.map((specification) => firstTextOf(specification, 'priceCurrency')).find(Boolean);
  if (currency) facts.currency = currency;
  const url = firstTextOf(offer, 'url');
  if (url) facts.enrolmentUrl = url;
  return facts;
}

/** `price`, or a `lowPrice`–`highPrice` / `minPrice`–`maxPrice` range; a price written "Free" is "0". */
function priceOf(node: SchemaNode): string | undefined {
  const price = firstTextOf(node, 'price');
  if (price !== undefined) return /^free$/i.test(price) ? '0' : price;
  const low = firstTextOf(node, 'lowPrice', 'minPrice');
  const high = firstTextOf(node, 'highPrice', 'maxPrice');
  if (low !== undefined && high !== undefined && low !== high) return `${low}–${high}`;
  return low ?? high;
}
