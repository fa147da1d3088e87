import { TOO_DEEP_FIX, tooDeepAt, tooDeepMessage } from '../linked-data/json-depth.ts';
import type { TextChunks } from './decode.ts';
import { describeJsonError } from './json-stream.ts';
import { FeedError } from './problems.ts';

/** JSON-LD feeds refer across the whole document (`@id`), so they are read whole, up to this size. */
export const MAX_DOCUMENT_CHARS = 100_000_000;

export async function readJsonDocument(text: TextChunks): Promise<unknown> {
  const parts: string[] = [];
  let length = 0;
  for await (const chunk of text) {
    parts.push(chunk);
    length += chunk.length;
    if (length > MAX_DOCUMENT_CHARS)
      throw new FeedError(
        `The JSON-LD document is longer than ${MAX_DOCUMENT_CHARS / 1e6} million characters.`,
        'Split it into several feeds, or send the courses as CSV or a JSON array, which are read as a stream.',
      );
  }
  return parseJsonDocument(parts.join(''));
}

export function parseJsonDocument(text: string): unknown {
  const tooDeep = tooDeepAt(text);
  if (tooDeep) throw new FeedError(`The JSON ${tooDeepMessage(tooDeep)}.`, TOO_DEEP_FIX, tooDeep);
  try {
    return JSON.parse(text);
  } catch (error) {
    const described = describeJsonError(error, text);
    const lines = text.split('\n').length;
    const truncated = /end of (JSON )?input|Unterminated string|Unexpected end/i.test(described);
    const at = /line (\d+), column (\d+)/.exec(described);
    throw new FeedError(
      truncated
        ? `The JSON ends before it is complete (line ${lines}): ${described}.`
        : `The file is not valid JSON: ${described}.`,
      truncated
        ? 'The file may have been cut off while saving or uploading; send the whole file.'
        : 'Fix the JSON syntax at that place (a missing comma, quote or bracket is the usual cause).',
      at ? { line: Number(at[1]), column: Number(at[2]) } : { line: lines },
    );
  }
}

/** ISO 8601 durations as the words the normalisers read: "P4W" → "4 weeks", "PT160H" → "160 hours". */
export function isoDurationWords(value: string | undefined): string | undefined {
  const match = value
    ? /^P(?:(\d+(?:\.\d+)?)Y)?(?:(\d+(?:\.\d+)?)M)?(?:(\d+(?:\.\d+)?)W)?(?:(\d+(?:\.\d+)?)D)?(?:T(?:(\d+(?:\.\d+)?)H)?(?:(\d+(?:\.\d+)?)M)?)?$/i.exec(
        value.trim(),
      )
    : null;
  if (!match || match.slice(1).every((part) => part === undefined)) return undefined;
  const units = ['year', 'month', 'week', 'day', 'hour', 'minute'];
  return match
    .slice(1)
    .map((amount, index) =>
      amount === undefined ? '' : `${amount} ${units[index]}${amount === '1' ? '' : 's'}`,
    )
    .filter(Boolean)
    .join(' ');
}

/** "PT160H" is a workload (hours of study), "P4W" a duration (calendar time). */
export function isHoursOnly(value: string): boolean {
  return /^PT/i.test(value.trim());
}

const ISO3_TO_ISO2: Record<string, string> = {
  AUT: 'AT',
  BEL: 'BE',
  BGR: 'BG',
  HRV: 'HR',
  CYP: 'CY',
  CZE: 'CZ',
  DNK: 'DK',
  EST: 'EE',
  FIN: 'FI',
  FRA: 'FR',
  DEU: 'DE',
  GRC: 'GR',
  HUN: 'HU',
  IRL: 'IE',
  ITA: 'IT',
  LVA: 'LV',
  LTU: 'LT',
  LUX: 'LU',
  MLT: 'MT',
  NLD: 'NL',
  POL: 'PL',
  PRT: 'PT',
  ROU: 'RO',
  SVK: 'SK',
  SVN: 'SI',
  ESP: 'ES',
  SWE: 'SE',
  ISL: 'IS',
  LIE: 'LI',
  NOR: 'NO',
  CHE: 'CH',
  GBR: 'GB',
  USA: 'US',
  CAN: 'CA',
  AUS: 'AU',
  NZL: 'NZ',
  IND: 'IN',
  ZAF: 'ZA',
  SGP: 'SG',
  SAU: 'SA',
  ARE: 'AE',
  JPN: 'JP',
  CHN: 'CN',
  BRA: 'BR',
  MEX: 'MX',
  TUR: 'TR',
  UKR: 'UA',
  SRB: 'RS',
  ALB: 'AL',
  MKD: 'MK',
};
const COUNTRY_NAMES: Record<string, string> = {
  'united states': 'US',
  'united states of america': 'US',
  'united kingdom': 'GB',
  ireland: 'IE',
  germany: 'DE',
  france: 'FR',
  italy: 'IT',
  spain: 'ES',
  netherlands: 'NL',
  belgium: 'BE',
  australia: 'AU',
  canada: 'CA',
  'new zealand': 'NZ',
  austria: 'AT',
  portugal: 'PT',
  poland: 'PL',
  sweden: 'SE',
  denmark: 'DK',
  finland: 'FI',
};

/** "USA", "IRL", ".../country/IRL", "Ireland" → "IE"; anything else unchanged. */
export function countryCode(value: string | undefined): string | undefined {
  if (!value) return undefined;
  const trimmed = value.trim();
  const last = trimmed.split(/[/#]/).pop()!.toUpperCase();
  if (/^[A-Z]{2}$/.test(last)) return last;
  return ISO3_TO_ISO2[last] ?? COUNTRY_NAMES[trimmed.toLowerCase()] ?? trimmed;
}

/**
 * "USD", ".../currency/EUR" → the ISO 4217 code; a name ("US Dollar", "dollar") is kept as written for the cost
 * normaliser, which resolves it with the provider's country (a bare "dollar" is AUD in Australia).
 */
export function currencyCode(value: string | undefined): string | undefined {
  if (!value) return undefined;
  const last = value.trim().split(/[/#]/).pop()!;
  if (/^[A-Za-z]{3}$/.test(last)) return last.toUpperCase();
  return value.trim();
}
