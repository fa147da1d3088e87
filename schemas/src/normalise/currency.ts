import { LETTER } from './quantity.ts';
import { caseless, trieSource } from './trie.ts';
import { RATES_PER_EUR } from './rates.ts';

// Everyday currency of a provider's country, for a bare "$", "kr" or an amount with no currency at all.
const EURO_COUNTRIES = 'AT BE BG CY DE EE ES FI FR GR HR IE IT LT LU LV MT NL PT SI SK';
export const COUNTRY_CURRENCY: ReadonlyMap<string, string> = new Map([
  ...EURO_COUNTRIES.split(' ').map((country): [string, string] => [country, 'EUR']),
  ...Object.entries({
    US: 'USD',
    GB: 'GBP',
    UK: 'GBP',
    AU: 'AUD',
    NZ: 'NZD',
    CA: 'CAD',
    CH: 'CHF',
    LI: 'CHF',
    SE: 'SEK',
    NO: 'NOK',
    DK: 'DKK',
    IS: 'ISK',
    PL: 'PLN',
    CZ: 'CZK',
    HU: 'HUF',
    RO: 'RON',
    TR: 'TRY',
    IN: 'INR',
    PK: 'PKR',
    JP: 'JPY',
    CN: 'CNY',
    HK: 'HKD',
    SG: 'SGD',
    TW: 'TWD',
    KR: 'KRW',
    MY: 'MYR',
    ID: 'IDR',
    TH: 'THB',
    PH: 'PHP',
    VN: 'VND',
    IL: 'ILS',
    AE: 'AED',
    SA: 'SAR',
    EG: 'EGP',
    ZA: 'ZAR',
    NG: 'NGN',
    KE: 'KES',
    BR: 'BRL',
    MX: 'MXN',
    CL: 'CLP',
    CO: 'COP',
    PE: 'PEN',
  }),
]);

// Countries whose own currency is written with a bare "$"; anywhere else "$" means US dollars.
const DOLLAR_COUNTRIES = new Set(['AU', 'CA', 'NZ', 'US', 'SG', 'HK', 'MX', 'CL', 'CO']);
const KRONA_COUNTRIES = new Set(['SE', 'NO', 'DK', 'IS']);

/** A currency written as a symbol or name that depends on the country: "$", "kr", "¥", "dollars". */
type Ambiguous = 'dollar' | 'krona' | 'yen-yuan' | 'rupee' | 'peso';

/** Symbols, names and codes as they appear next to amounts, mapped to ISO 4217 or to a country-dependent kind. */
// Values are ISO 4217 codes or an `Ambiguous` kind.
const TOKENS: [string, string][] = [
  ['US$', 'USD'],
  ['USD$', 'USD'],
  ['U.S.$', 'USD'],
  ['AU$', 'AUD'],
  ['AUD$', 'AUD'],
  ['A$', 'AUD'],
  ['CA$', 'CAD'],
  ['CAD$', 'CAD'],
  ['CAN$', 'CAD'],
  ['C$', 'CAD'],
  ['NZ$', 'NZD'],
  ['NZD$', 'NZD'],
  ['S$', 'SGD'],
  ['SG$', 'SGD'],
  ['SGD$', 'SGD'],
  ['HK$', 'HKD'],
  ['NT$', 'TWD'],
  ['R$', 'BRL'],
  ['S/.', 'PEN'],
  ['S/', 'PEN'],
  ['MX$', 'MXN'],
  ['Mex$', 'MXN'],
  ['E£', 'EGP'],
  ['$', 'dollar'],
  ['£', 'GBP'],
  ['€', 'EUR'],
  ['¥', 'yen-yuan'],
  ['￥', 'yen-yuan'],
  ['円', 'JPY'],
  ['元', 'CNY'],
  ['RMB', 'CNY'],
  ['₹', 'INR'],
  ['Rs.', 'rupee'],
  ['Rs', 'rupee'],
  ['₩', 'KRW'],
  ['₺', 'TRY'],
  ['TL', 'TRY'],
  ['₱', 'PHP'],
  ['₦', 'NGN'],
  ['₪', 'ILS'],
  ['฿', 'THB'],
  ['₫', 'VND'],
  ['zł', 'PLN'],
  ['Kč', 'CZK'],
  ['Ft', 'HUF'],
  ['lei', 'RON'],
  ['kr.', 'krona'],
  ['kr', 'krona'],
  ['SFr.', 'CHF'],
  ['Fr.', 'CHF'],
  ['KSh', 'KES'],
  ['RM', 'MYR'],
  ['Rp', 'IDR'],
  ['US dollars', 'USD'],
  ['US dollar', 'USD'],
  ['U.S. dollars', 'USD'],
  ['American dollars', 'USD'],
  ['Australian dollars', 'AUD'],
  ['Australian dollar', 'AUD'],
  ['Canadian dollars', 'CAD'],
  ['Canadian dollar', 'CAD'],
  ['New Zealand dollars', 'NZD'],
  ['NZ dollars', 'NZD'],
  ['Singapore dollars', 'SGD'],
  ['Hong Kong dollars', 'HKD'],
  ['dollars', 'dollar'],
  ['dollar', 'dollar'],
  ['euros', 'EUR'],
  ['euro', 'EUR'],
  ['pounds sterling', 'GBP'],
  ['pound sterling', 'GBP'],
  ['pounds', 'GBP'],
  ['sterling', 'GBP'],
  ['Swiss francs', 'CHF'],
  ['francs', 'CHF'],
  ['rupees', 'rupee'],
  ['yen', 'JPY'],
  ['yuan', 'CNY'],
  ['renminbi', 'CNY'],
  ['rand', 'ZAR'],
  ['reais', 'BRL'],
  ['pesos', 'peso'],
  ['złotych', 'PLN'],
  ['zloty', 'PLN'],
  ['kronor', 'SEK'],
  ['kroner', 'krona'],
  ['forint', 'HUF'],
];
const CASE_SENSITIVE = new Set([
  'RMB',
  'TL',
  'RM',
  'Rp',
  'Ft',
  'Kč',
  'KSh',
  'Rs',
  'Rs.',
  'Fr.',
  'SFr.',
  'S/',
  'S/.',
]);
const LOWERCASE_CODES = ['usd', 'eur', 'gbp', 'aud', 'cad', 'nzd', 'chf', 'inr', 'sgd', 'jpy'];

// Short tokens that are also ordinary words or abbreviations only count right next to an amount.
const ADJACENT_ONLY = new Set([
  'TL',
  'RM',
  'Rp',
  'Ft',
  'lei',
  'kr',
  'kr.',
  'Rs',
  'Rs.',
  'Fr.',
  'SFr.',
  'rand',
  'yen',
  'PHP',
  'TRY',
  'KSh',
  'S/',
  'S/.',
]);

const LOOKUP = new Map<string, string>();
for (const [token, value] of TOKENS)
  LOOKUP.set(CASE_SENSITIVE.has(token) ? token : token.toLowerCase(), value);
for (const code of Object.keys(RATES_PER_EUR)) LOOKUP.set(code, code);
for (const code of LOWERCASE_CODES) LOOKUP.set(code, code.toUpperCase());

const codes = Object.keys(RATES_PER_EUR);
const EXACT = new Set([...CASE_SENSITIVE, ...codes, ...LOWERCASE_CODES]);
const sensitive = (tokens: string[]) => tokens.filter((token) => EXACT.has(token));
/** Case-insensitive tokens and exact ones (codes, "Rs", "RM") as two prefix tries. */
function tokenPattern(tokens: string[]): string {
  const exact = sensitive(tokens);
  const rest = tokens.filter((token) => !exact.includes(token));
  return `(?:${trieSource(rest, caseless)}|${trieSource(exact, (char) => (char === ' ' ? '\\s+' : char.replace(/[.*+?^${}()|[\]\\/]/, '\\$&')))})`;
}
const ALL_TOKENS = [...TOKENS.map(([token]) => token), ...codes, ...LOWERCASE_CODES];

/** One currency token; letters must not run on into a word ("EURO" is a token, "EUROPE" is not). */
export const CURRENCY_TOKEN = `${tokenPattern(ALL_TOKENS)}(?![${LETTER}])`;
const STANDALONE = new RegExp(
  `(?<![${LETTER}])${tokenPattern(ALL_TOKENS.filter((token) => !ADJACENT_ONLY.has(token)))}(?![${LETTER}])`,
);

/** The ISO 4217 code for a currency token as written, using the provider's country where the token is ambiguous. */
export function resolveCurrency(token: string, country: string | undefined): string | null {
  const trimmed = token.trim().replace(/\s+/g, ' ');
  const value = LOOKUP.get(trimmed) ?? LOOKUP.get(trimmed.toLowerCase()) ?? null;
  if (value === null || /^[A-Z]{3}$/.test(value)) return value;
  const where = country?.toUpperCase();
  const local = where ? COUNTRY_CURRENCY.get(where) : undefined;
  switch (value as Ambiguous) {
    case 'dollar':
      return where && DOLLAR_COUNTRIES.has(where) ? local! : 'USD';
    case 'krona':
      return where && KRONA_COUNTRIES.has(where) ? local! : 'SEK';
    case 'yen-yuan':
      return where === 'CN' ? 'CNY' : 'JPY';
    case 'rupee':
      return where === 'PK' ? 'PKR' : 'INR';
    case 'peso':
      return where === 'CL' || where === 'CO' ? local! : 'MXN';
  }
  return null;
}

/** A currency named anywhere in the text, e.g. "Prices in AUD" or the trailing priceCurrency. */
export function findCurrency(text: string, country: string | undefined): string | null {
  const match = STANDALONE.exec(text);
  return match ? resolveCurrency(match[0], country) : null;
}
