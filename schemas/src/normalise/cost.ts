import type { CostBasis, FreeClass } from '../course.ts';
import { COUNTRY_CURRENCY, CURRENCY_TOKEN, findCurrency, resolveCurrency } from './currency.ts';
import { Memo } from './memo.ts';
import { LETTER, matchesOf, round2, tidy } from './quantity.ts';
import { classifyAmount, mayQualifyAmounts, type AmountKind } from './cost-context.ts';

export interface NormalisedCost {
  amount: number | null;
  currency: string | null;
  freeClass: FreeClass;
  basis: CostBasis;
  /** the amount is the lowest of several prices, of a range, or a "from" price */
  lowestOfRange?: true;
  /** what the text says about sales tax (VAT, GST, MwSt, TVA, IVA) */
  tax?: 'included' | 'excluded';
  /** no currency was written: the provider's country's currency was assumed */
  currencyInferred?: true;
}

export interface CostOptions {
  /** the provider's ISO 3166-1 country, used to resolve "$", "kr", "¥" and amounts with no currency */
  country?: string;
}

// One number as written in either thousands style: "1,250.00", "1.250,00", "1 250", "1'250", "1,25,000", "49,-".
const NUMBER = `(?:\\d{1,2}(?:,\\d{2})+,\\d{3}|\\d{1,3}(?<sep>[,.' ’])\\d{3}(?:\\k<sep>\\d{3})*|\\d+)(?:[.,]\\d{1,2}(?!\\d))?(?:[.,]-)?(?!\\d)`;
// Numbers are found first (cheap: they start with a digit), then a currency is looked for right before and after.
const AMOUNT_NUMBER = new RegExp(`(?<![\\d.,])${NUMBER}`, 'g');
const PREFIX = new RegExp(`(?<![${LETTER}])(${CURRENCY_TOKEN})\\s?$`);
const SUFFIX = new RegExp(`^(\\s?[kK](?![${LETTER}]))?(?:\\s?(${CURRENCY_TOKEN})(?!\\s?\\d))?`);
const BARE_PRICE = new RegExp(
  `^\\s*(?:(?<pre>${CURRENCY_TOKEN})\\s?)?(?<num>${NUMBER})(?:\\s?(?<suf>${CURRENCY_TOKEN}))?\\s*$`,
);
const LETTER_BEFORE = new RegExp(String.raw`[${LETTER}]$`);
const RANGE_GAP = /^\s*(?:-|to|and|à|a|bis|até|hasta)\s*$/i;
const PERCENT_AFTER = /^\s*(?:%|percent|per ?cent)/i;
const UNIT_AFTER = new RegExp(
  String.raw`^\s*-?\s*(?:weeks?|wks?|hours?|hrs?|h|days?|months?|years?|yrs?|credits?|ects|cats|points?|modules?|units?|lessons?|sessions?|students?|learners?|places?|seats?|people|participants?|instal?lments?|payments?|minutes?|mins?|pages?|videos?|courses?|times|st|nd|rd|th|am|pm|x|×|:\d|\/\d|\.\d)(?![${LETTER}])`,
  'i',
);
const LABEL_BEFORE =
  /(?:level|module|unit|week|day|no\.?|#|number|step|phase|lesson|chapter|part|version|cohort|group|room|code|ref|page|iso|aqf|eqf|nqf|rqf|ects|top|rated|\d\s*[x×])\s*$/i;
const DATE_WORDS =
  /\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b|\bintake|\bstart|\bsemester|\bterm\b|\bacademic|\bcohort|\bclass of|\d{4}\s*[/-]\s*\d{2}/i;

const FREE = new RegExp(
  String.raw`(?<![${LETTER}-])(?:free(?: of charge)?|no (?:cost|charge|fees?|tuition(?: fees?)?)|gratuit(?:e|s|es)?|gratis|gratuit[oa]s?|kostenlos|kostenfrei|gebührenfrei|sans frais|sin cost[oe]|sem custo|fee[- ]free|fully funded|100% funded|zero cost|complimentary)(?![${LETTER}])`,
  'gi',
);
const NOT_FREE_AFTER =
  /^[\s-]*(?:trials?|delivery|shipping|parking|wi-?fi|lunch|coffee|refreshments|e-?books?|guides?|webinars?|consultations?|tasters?|info(?:rmation)? (?:sessions?|evenings?)|preview|resources?|lessons?|samples?|demo|intro(?:ductory)? (?:sessions?|lessons?|calls?)|chapters?|for (?:\d+|one|two|three|seven|fourteen|thirty) (?:days?|weeks?|months?)|for (?:the )?first|(?:certificate|cert)\b)/i;
const NOT_FREE_BEFORE =
  /(?:\d+|one|two|seven|fourteen|thirty)[- ]?(?:days?|weeks?|months?)[- ]$|\bfirst (?:week|month|lesson|session|module) $|\btry (?:it )?$/i;
const AUDIT =
  /\baudit(?:ing|ed)?\b|\bfree to (?:audit|access|enrol|enroll|learn|join|start|take|study)\b|\b(?:enrol|enroll|learn|join|start|study|access|take (?:the|this) course) for free\b/i;
const PAID_CERTIFICATE =
  /\b(?:paid|optional|verified|upgrade[ds]?|purchase|buy)\b[^.;|]{0,25}\b(?:certificates?|certification|credential|badge|track)\b|\b(?:certificates?|certification|credential)\b[^.;|]{0,25}(?:for a fee|available for purchase|(?:at )?(?:an )?(?:extra|additional) (?:cost|fee|charge)|costs? extra|\bpaid\b)/i;
const PAID_WORDS =
  /^\s*(?:paid|fee[- ]paying|de pago|payant|kostenpflichtig)(?:\s+(?:course|program(?:me)?|class|training|curso|cours|kurs))?\s*$/i;
const TAX_HINT = /vat|gst|tax|mwst|iva|tva|ttc|HT/i;
const TAX_INCLUDED = new RegExp(
  String.raw`\b(?:inc(?:l|luding|ludes|lusive of)?\.?\s*(?:of\s*)?(?:vat|gst|tax(?:es)?|mwst\.?|iva|tva|sales tax)|(?:vat|gst|tax(?:es)?|mwst|iva|tva) (?:incl(?:uded|usive)?\.?|inc\.?)|inkl\.?\s*(?:\d+\s*%\s*)?mwst|ttc|iva incluido|tva comprise)(?![${LETTER}])`,
  'i',
);
const TAX_EXCLUDED = new RegExp(
  String.raw`\b(?:ex(?:cl(?:uding)?)?\.?\s*(?:vat|gst|tax(?:es)?|mwst|iva|tva)|plus (?:vat|gst|tax(?:es)?|mwst)|(?:vat|gst|tax(?:es)?) (?:not included|excluded|extra|applies)|zzgl\.?\s*(?:\d+\s*%\s*)?mwst|hors taxes|más iva|mais iva)(?![${LETTER}])|\+\s*(?:vat|gst|tax(?:es)?|mwst|iva|tva)(?![${LETTER}])|\bHT\b`,
  'i',
);

const BASIS_AFTER = new RegExp(
  '^\\s*(?:[A-Z]{3}\\b\\s*)?(?:\\(?\\s*(?:inc|incl|including|ex|excl|excluding|plus|\\+)\\.?\\s*(?:vat|gst|tax(?:es)?|mwst)\\s*\\)?\\s*)?' +
    // "per 6-month term", "each 16-week semester": a term's length may come between
    '(?:(?:(?:\\/|per|a|an|each|every|por|par|pro|le|la)\\s*)(?:\\d{1,2}[- ]?(?:months?|weeks?)\\s+(?=term|semester|trimester|quarter))?(month|mo|mth|week|wk|year|yr|annum|credit(?:\\s*(?:hour|point|unit))?s?|ects|unit|module|subject|course|session|class|lesson|term|semester|trimester|quarter|semestre|trimestre|cuatrimestre|person|participant|delegate|learner|student|head|seat|user|mes|mois|monat|semana|semaine|woche|año|an|jahr|crédito|crédit|cr)' +
    '|(monthly|weekly|annually|yearly|per annum|p\\.?\\s?a\\.?|pcm|p\\/m|p\\.m\\.|pw|p\\/w|mensuel(?:le)?|mensual(?:es)?|monatlich|jährlich|anual(?:es)?))(?![' +
    LETTER +
    '])',
  'i',
);
const BASIS_BEFORE =
  /\b(monthly|per month|weekly|per week|annual(?:ly)?|yearly|per year|per annum|per credit(?: hour| point)?|per unit|per module|per (?:term|semester|trimester|quarter))\b[^\d]{0,20}$/i;
const BASIS_WORDS: [RegExp, CostBasis][] = [
  [
    /^(?:month|mo|mth|mes|mois|monat|monthly|per month|pcm|p\/m|p\.m\.|mensuel(?:le)?|mensual(?:es)?|monatlich)$/,
    'per-month',
  ],
  [/^(?:week|wk|semana|semaine|woche|weekly|per week|pw|p\/w)$/, 'per-week'],
  [
    /^(?:year|yr|annum|año|an|jahr|annually|annual|yearly|per year|per annum|p\.?\s?a\.?|jährlich|anual(?:es)?)$/,
    'per-year',
  ],
  [/^(?:(?:per )?credit(?:\s*(?:hour|point|unit))?s?|ects|crédito|crédit|cr)$/, 'per-credit'],
  [/^(?:(?:per )?(?:unit|module)|subject|session|class|lesson)$/, 'per-unit'],
  [/^(?:per )?(?:term|semester|trimester|quarter|semestre|trimestre|cuatrimestre)$/, 'per-term'],
  [/^(?:course|person|participant|delegate|learner|student|head|seat|user)$/, 'total'],
];

interface Amount {
  amount: number;
  currency: string | null;
  token: boolean;
  start: number;
  end: number;
  kind: AmountKind;
  basis: CostBasis;
  from: boolean;
  range: boolean;
  count: number;
}

/** What a course costs, from the provider's own words; `null` when the text states no price and no "free". */
export function normaliseCost(
  text: string | null | undefined,
  options: CostOptions = {},
): NormalisedCost | null {
  if (typeof text !== 'string' || !text.trim()) return null;
  const country = typeof options.country === 'string' ? options.country : undefined;
  const cost = COSTS.get(`${country ?? ''} ${text}`, () => costOf(text, country));
  // a copy, so a caller changing the result cannot change what the next caller gets
  return cost && { ...cost };
}

const COSTS = new Memo<NormalisedCost | null>();

function costOf(text: string, country: string | undefined): NormalisedCost | null {
  const source = tidy(text, 1000);
  const bare = BARE_PRICE.exec(source);
  if (bare) return barePrice(bare, country);
  const amounts = readAmounts(source, country);

  const prices = amounts.filter((item) => item.kind === 'price' && item.amount > 0);
  const certificates = amounts.filter((item) => item.kind === 'certificate' && item.amount > 0);
  const zeros = amounts.filter(
    (item) => (item.kind === 'price' || item.kind === 'certificate') && item.amount === 0,
  );
  const freeWord = hasFreeWord(source);
  const freeLike = freeWord || zeros.length > 0 || AUDIT.test(source);

  let chosen: { item: Amount; lowest: boolean; amount: number; basis: CostBasis } | null = null;
  let freeClass: FreeClass;
  if (freeLike && certificates.length) {
    chosen = pick(certificates);
    freeClass = 'free-audit-paid-certificate';
  } else if (prices.length) {
    chosen = pick(
      prices.some((item) => item.basis === 'total')
        ? prices.filter((item) => item.basis === 'total')
        : prices,
    );
    freeClass = 'paid';
  } else if (certificates.length) {
    chosen = pick(certificates);
    freeClass = 'paid';
  } else {
    const instalments = amounts.filter((item) => item.kind === 'instalment' && item.amount > 0);
    if (instalments.length) {
      const item = instalments[0]!;
      const amount = item.count > 1 ? item.amount * item.count : item.amount;
      chosen = { item, lowest: false, amount, basis: item.count > 1 ? 'total' : item.basis };
      freeClass = 'paid';
    } else if (freeLike) {
      // free to take, a certificate's price not given: the course itself costs nothing
      if (freeWord && (AUDIT.test(source) || PAID_CERTIFICATE.test(source))) {
        return { amount: 0, currency: null, freeClass: 'free-audit-paid-certificate', basis: 'total' };
      }
      // A currency with no amount ("Free EUR" from a feed's priceCurrency) belongs to the free price; one next to a salary does not.
      const currency = zeros[0]?.currency ?? (amounts.length ? null : findCurrency(source, country));
      return { amount: 0, currency, freeClass: 'free', basis: 'total' };
    } else if (PAID_WORDS.test(source)) {
      // "Paid Course": not free, the amount not given
      return { amount: null, currency: null, freeClass: 'paid', basis: 'unknown' };
    } else {
      return null;
    }
  }

  const result: NormalisedCost = {
    amount: round2(chosen.amount),
    currency: null,
    freeClass,
    basis: chosen.basis,
  };
  const currency = chosen.item.currency ?? findCurrency(source, country);
  if (currency) result.currency = currency;
  else if (country && COUNTRY_CURRENCY.has(country.toUpperCase())) {
    result.currency = COUNTRY_CURRENCY.get(country.toUpperCase())!;
    result.currencyInferred = true;
  }
  if (chosen.lowest) result.lowestOfRange = true;
  if (TAX_HINT.test(source)) {
    if (TAX_INCLUDED.test(source)) result.tax = 'included';
    else if (TAX_EXCLUDED.test(source)) result.tax = 'excluded';
  }
  return result;
}

/** "£1,250", "1250 GBP", "1.250,00 €", "495": the commonest shape, read without the context rules. */
function barePrice(match: RegExpExecArray, country: string | undefined): NormalisedCost | null {
  const { pre, num, suf } = match.groups!;
  const amount = parseAmount(num!);
  if (!Number.isFinite(amount) || amount > 1e8) return null;
  const token = chooseToken(pre, suf, country);
  const result: NormalisedCost = {
    amount: round2(amount),
    currency: token,
    freeClass: amount === 0 ? 'free' : 'paid',
    basis: 'total',
  };
  if (!token && amount > 0 && country && COUNTRY_CURRENCY.has(country.toUpperCase())) {
    result.currency = COUNTRY_CURRENCY.get(country.toUpperCase())!;
    result.currencyInferred = true;
  }
  return result;
}

/** The lowest of the candidates that share the first one's currency and basis ("early bird £899, standard £999"). */
function pick(candidates: Amount[]) {
  const first = candidates[0]!;
  const pool = candidates.filter((item) => item.currency === first.currency && item.basis === first.basis);
  let best = first;
  for (const item of pool) if (item.amount < best.amount) best = item;
  const distinct = new Set(pool.map((item) => item.amount)).size > 1;
  return { item: best, lowest: distinct || best.from || best.range, amount: best.amount, basis: best.basis };
}

function hasFreeWord(source: string): boolean {
  for (const match of matchesOf(FREE, source)) {
    const after = source.slice(match.index + match[0].length, match.index + match[0].length + 40);
    const before = source.slice(Math.max(0, match.index - 20), match.index);
    if (!NOT_FREE_AFTER.test(after) && !NOT_FREE_BEFORE.test(before)) return true;
  }
  return false;
}

function readAmounts(source: string, country: string | undefined): Amount[] {
  const found: Amount[] = [];
  for (const match of matchesOf(AMOUNT_NUMBER, source)) {
    const before = source.slice(Math.max(0, match.index - 14), match.index);
    const pre = PREFIX.exec(before);
    // "COMP101", "PT40H": a number run on from a word is not an amount.
    if (!pre && LETTER_BEFORE.test(before)) continue;
    const suffix = SUFFIX.exec(
      source.slice(match.index + match[0].length, match.index + match[0].length + 30),
    )!;
    const start = match.index - (pre ? pre[0].length : 0);
    const end = match.index + match[0].length + suffix[0].length;
    if (PERCENT_AFTER.test(source.slice(end, end + 12))) continue;
    const value = parseAmount(match[0]) * (suffix[1] ? 1000 : 1);
    if (!Number.isFinite(value) || value > 1e8) continue;
    const token = chooseToken(pre?.[1], suffix[2], country);
    found.push({
      amount: value,
      currency: token,
      token: Boolean(pre ?? suffix[2]),
      start,
      end,
      kind: 'price',
      basis: 'total',
      from: false,
      range: false,
      count: 1,
    });
  }
  linkRanges(found, source);
  const anyCurrency = found.some((item) => item.token);
  const kept = found.filter((item) => (anyCurrency ? item.token : plausibleBareAmount(item, source)));
  const qualified = kept.length > 0 && mayQualifyAmounts(source);
  for (const item of kept) {
    const context = classifyAmount(source, item.start, item.end, qualified);
    item.kind = context.kind;
    item.from = context.from;
    item.count = context.count;
    item.basis = basisOf(source, item.end, context.before);
  }
  return kept;
}

function chooseToken(
  pre: string | undefined,
  suf: string | undefined,
  country: string | undefined,
): string | null {
  const before = pre ? resolveCurrency(pre, country) : null;
  const after = suf ? resolveCurrency(suf, country) : null;
  // "$49 USD", "$495 AUD": the written code is more specific than the symbol.
  if (before && after && /^[A-Za-z]{3}$/.test(suf!.trim())) return after;
  return before ?? after;
}

/** "$500–1,200", "1,000 - 1,500 GBP", "between $500 and $800": both ends share one currency. */
function linkRanges(found: Amount[], source: string): void {
  for (let index = 1; index < found.length; index++) {
    const left = found[index - 1]!;
    const right = found[index]!;
    if (!RANGE_GAP.test(source.slice(left.end, right.start))) continue;
    if (left.token === right.token) {
      if (!left.token) continue;
    } else if (
      UNIT_AFTER.test(source.slice((left.token ? right : left).end, (left.token ? right : left).end + 20))
    )
      continue;
    left.range = right.range = true;
    if (!left.token) Object.assign(left, { currency: right.currency, token: true });
    if (!right.token) Object.assign(right, { currency: left.currency, token: true });
  }
}

/** A number with no currency is a price only when nothing marks it as a count, a percentage or a date. */
function plausibleBareAmount(item: Amount, source: string): boolean {
  const after = source.slice(item.end, item.end + 20);
  const before = source.slice(Math.max(0, item.start - 20), item.start);
  if (UNIT_AFTER.test(after) || LABEL_BEFORE.test(before)) return false;
  if (Number.isInteger(item.amount) && item.amount >= 1900 && item.amount <= 2100 && DATE_WORDS.test(source))
    return false;
  return true;
}

function basisOf(source: string, end: number, before: string): CostBasis {
  const after = BASIS_AFTER.exec(source.slice(end, end + 60));
  const word = after ? (after[1] ?? after[2])! : BASIS_BEFORE.exec(before)?.[1];
  if (!word) return 'total';
  const lower = word.toLowerCase().replace(/\s+/g, ' ');
  for (const [pattern, basis] of BASIS_WORDS) if (pattern.test(lower)) return basis;
  return 'unknown';
}

/** "1,250.00", "1.250,00", "1 250", "1'250", "1,25,000" and "49,-" as numbers. */
export function parseAmount(raw: string): number {
  let digits = raw.replace(/[.,]-$/, '').replace(/['’ ]/g, '');
  const dot = digits.lastIndexOf('.');
  const comma = digits.lastIndexOf(',');
  if (dot >= 0 && comma >= 0) {
    const decimal = dot > comma ? '.' : ',';
    digits = digits
      .split(decimal === '.' ? ',' : '.')
      .join('')
      .replace(decimal, '.');
  } else if (dot >= 0 || comma >= 0) {
    const parts = digits.split(dot >= 0 ? '.' : ',');
    // One separator followed by exactly three digits groups thousands ("1,250", "€1.250"); otherwise it is decimal.
    digits =
      parts.length > 2 || (parts[1]!.length === 3 && parts[0] !== '0') ? parts.join('') : parts.join('.');
  }
  return Number(digits);
}
