import { LETTER } from './quantity.ts';
// What an amount in a cost text is: the course price, a certificate price, or something that is not a
// price for this course (a salary, a loan, a saving, an instalment, another programme's fee).

export type AmountKind =
  | 'price'
  | 'certificate'
  | 'instalment'
  | 'deposit'
  | 'salary'
  | 'funding'
  | 'saving'
  | 'was'
  | 'ancillary'
  | 'other-programme'
  | 'conversion';

export interface AmountContext {
  kind: AmountKind;
  /** "from $99", "starting at", "as low as" */
  from: boolean;
  /** number of instalments when the amount is one of them */
  count: number;
  /** the words before the amount within its clause */
  before: string;
}

const CLAUSE_END_BEFORE = /[;|\n•]|[.!?](?=\s+[A-Z])|,\s|\s(?:or|but|and|plus|while|whereas)\s|[()[\]]/g;
const CLAUSE_END_AFTER = /[;|\n•]|[.!?](?=\s+[A-Z])|,\s|\s(?:or|but)\s/;
// Words that show the amount is this course's price again, cancelling a keyword further back.
const PRICE_WORDS =
  /\b(?:course|programme|program|fee|fees|price|prices|cost|costs|tuition|only|just|now|pay|enrol|enroll|book|starting)\b/i;
const NUMBER_WORDS: Record<string, number> = {
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
};

interface Rule {
  kind: AmountKind;
  /** words between keyword and amount that show the amount is this course's price after all */
  cancel?: RegExp;
  /** a keyword in the clause before the amount, with no price word between it and the amount */
  before?: RegExp;
  /** words right after the amount */
  after?: RegExp;
}

const RULES: Rule[] = [
  {
    kind: 'saving',
    before: /\b(?:save|saving|savings|discount|reduction|off|rebate|cashback)\b/gi,
    after: /^\s*(?:[A-Z]{3}\s*)?(?:off|discount|saving|savings|rebate|cashback|reduction)\b/i,
  },
  {
    kind: 'salary',
    before:
      /\b(?:earn|earns|earned|earning|earnings|salary|salaries|income|wages?|remuneration|pay packet|paid up to|median pay|gehalt|salaire|salario)\b/gi,
    after:
      /^\s*(?:[A-Z]{3}\s*)?(?:(?:a|per) (?:year|annum)\s*)?(?:\+\s*)?(?:(?:average|median|starting|annual|mean|entry-level|graduate|typical)\s+)*(?:salary|salaries|income|wage|wages|earnings|pay)\b/i,
  },
  {
    kind: 'funding',
    before:
      /\b(?:loans?|scholarships?|bursar(?:y|ies)|grants?|stipends?|fee-help|help debt|financial aid|funding|subsid(?:y|ies)|sponsorship|allowance|reimburse\w*|tuition assistance|employer contribution|voucher|refund|prize|award of)\b/gi,
    after:
      /^\s*(?:[A-Z]{3}\s*)?(?:(?!(?:and|or|with|plus|but|including|inc|in|for|per|a|the)\b)[A-Za-z-]+\s+){0,2}(?:loans?|scholarships?|bursar(?:y|ies)|grants?|stipends?|funding|subsid(?:y|ies)|voucher|refund|allowance|prize|reimbursement)\b/i,
  },
  {
    kind: 'was',
    cancel: /\b(?:now|only|just|today|sale|offer|this|our)\b/i,
    before:
      /\b(?:was|rrp|r\.r\.p\.?|originally|normally|usually|regular(?:ly)?(?: price)?|list price|valued at|worth|retail(?: price)?|compare at|instead of|statt|au lieu de|antes)\b/gi,
    after: /^\s*(?:[A-Z]{3}\s*)?\(?\s*(?:rrp|value|list price)\b/i,
  },
  {
    kind: 'ancillary',
    before:
      /\b(?:application|exam(?:ination)?|resit|re-sit|materials?|textbooks?|books?|late|admin(?:istration)?|booking|cancellation|transfer|parking|membership|assessment|uniform|kit|equipment|travel|accommodation|insurance|postage|shipping)\s*(?:fees?|charges?|costs?|levy)\b/gi,
    after:
      /^\s*(?:[A-Z]{3}\s*)?(?:non-refundable\s+)?(?:application|exam(?:ination)?|resit|materials?|textbook|late|admin(?:istration)?|booking|cancellation|membership|assessment|postage|shipping)\s+(?:fees?|charges?|costs?|levy)\b/i,
  },
  {
    kind: 'other-programme',
    cancel: /\b(?:this|only|just|now|per course|each course)\b/i,
    before:
      /\b(?:(?:full|entire|whole|complete)\s+(?:program(?:me)?|micromasters|specialization|specialisation|degree|series|pathway|bundle|professional certificate|track|qualification)|towards?\s+(?:the|a|an|your)|the (?:mba|msc|ma|master'?s|bachelor'?s|degree|diploma) (?:costs?|fee|is|at))\b/gi,
    after:
      /^\s*(?:[A-Z]{3}\s*)?(?:\(\s*)?(?:for|to complete|in total for)\s+(?:the\s+|all\s+)?(?:\d+\s+courses|(?:full|entire|whole|complete)\s+(?:program(?:me)?|micromasters|specialization|specialisation|series|degree|pathway|bundle|professional certificate|track))/i,
  },
  {
    kind: 'deposit',
    before: /\b(?:deposit|down payment|balance|booking fee)\b/gi,
    after: /^\s*(?:[A-Z]{3}\s*)?(?:non-refundable\s+)?(?:deposit|down payment|balance)\b/i,
  },
  {
    kind: 'instalment',
    before:
      /\b(?:instal?lments?|payments?|payment plan|pay monthly|monthly plan|repayments?|then|thereafter)\b|\b\d+\s*[x×]\s*$/gi,
    after:
      /^\s*(?:[A-Z]{3}\s*)?(?:[x×]\s*\d+|per instal?lment|(?:per|a|\/)\s*(?:month|week)\s*(?:for|over)\s*\d+\s*(?:months?|weeks?)|(?:monthly|weekly)\s*(?:for|over)\s*\d+)/i,
  },
  {
    kind: 'certificate',
    before:
      /\b(?:certificates?|certification|certified|verified|upgrade|credential|badge|cert|certificat|zertifikat|certificado)\b/gi,
    after:
      /^\s*(?:[A-Z]{3}\s*)?(?:for|to|with|per)?\s*(?:a|an|the|your)?\s*(?:optional|verified|official|shareable|digital|printed|graded|professional)?\s*(?:certificates?|certification|cert|credential|badge|upgrade)\b|^\s*(?:[A-Z]{3}\s*)?to upgrade/i,
  },
];
const ANY_BEFORE = new RegExp(
  RULES.flatMap((rule) => (rule.before ? [rule.before.source] : [])).join('|'),
  'i',
);
// Every rule's keywords in one pattern with one capture group per rule (rule patterns use no groups of their own).
const BEFORE_KEYWORDS = new RegExp(RULES.map((rule) => `(${rule.before?.source ?? '(?!)'})`).join('|'), 'gi');
const ANY_AFTER = new RegExp(RULES.flatMap((rule) => (rule.after ? [rule.after.source] : [])).join('|'), 'i');
// The same words anywhere in the text: when none occurs, every amount in it is a plain price.
const ANY_KEYWORD = new RegExp(`${ANY_BEFORE.source}|${ANY_AFTER.source.replace(/\^\\s\*/g, '')}`, 'i');

/** False when no amount in the text can be anything but a price, so `classifyAmount` may skip its rules. */
export const mayQualifyAmounts = (source: string): boolean => ANY_KEYWORD.test(source);
const FROM = new RegExp(
  String.raw`(?<![${LETTER}])(?:from|starting (?:at|from)|as low as|prices? from|ab|dès|à partir de|desde|a partir de)\s*(?:only|just)?\s*$`,
  'i',
);
const CONVERSION = /(?:approx(?:imately|\.)?|about|around|≈|~|equivalent to|equiv\.?|ca\.)\s*$/i;
const COUNT_BEFORE =
  /\b(\d+|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\s*(?:(?:equal|monthly|weekly|interest[- ]free|easy|fortnightly|quarterly)\s+){0,2}(?:instal?lments?|payments?|repayments?)\s*(?:of)?\s*(?:just|only)?\s*$|\b(\d+)\s*[x×]\s*$/i;
const COUNT_AFTER =
  /^\s*(?:[A-Z]{3}\s*)?(?:[x×]\s*(\d+)|(?:per|a|\/)\s*(?:month|week)\s*(?:for|over)\s*(\d+)|(?:monthly|weekly)\s*(?:for|over)\s*(\d+))/i;

/** Classifies the amount at [start, end) of `source` by the words around it. */
export function classifyAmount(source: string, start: number, end: number, qualified = true): AmountContext {
  const window = source.slice(Math.max(0, start - 80), start);
  const before = clauseBefore(window);
  const afterText = source.slice(end, end + 60);
  const cut = CLAUSE_END_AFTER.exec(afterText);
  const after = cut ? afterText.slice(0, cut.index) : afterText;
  const from = FROM.test(before);
  let kind: AmountKind = 'price';
  if (qualified) {
    const afterHit = ANY_AFTER.test(after);
    const ends = keywordEnds(before);
    for (let index = 0; index < RULES.length && (afterHit || ends); index++) {
      const rule = RULES[index]!;
      const end = ends?.[index] ?? -1;
      if ((afterHit && rule.after?.test(after)) || (end >= 0 && governs(before, end, rule.cancel))) {
        kind = rule.kind;
        break;
      }
    }
  }
  if (kind === 'price' && window.includes('(') && CONVERSION.test(window) && /\([^)]*$/.test(window)) {
    kind = 'conversion';
  }
  let count = 1;
  if (kind === 'instalment') {
    const counted = COUNT_BEFORE.exec(before) ?? COUNT_AFTER.exec(after);
    const value = counted ? (counted[1] ?? counted[2] ?? counted[3])! : '1';
    count = NUMBER_WORDS[value.toLowerCase()] ?? Number(value);
  }
  return { kind, from, count, before };
}

function clauseBefore(window: string): string {
  let start = 0;
  CLAUSE_END_BEFORE.lastIndex = 0;
  for (let match = CLAUSE_END_BEFORE.exec(window); match; match = CLAUSE_END_BEFORE.exec(window)) {
    start = match.index + match[0].length;
  }
  return start ? window.slice(start) : window;
}

/** True when the last keyword in `before` is close to the amount and no price word comes between them. */
/** Where each rule's last keyword in the clause ends (-1: none), from one scan; null when no keyword occurs. */
function keywordEnds(before: string): number[] | null {
  let ends: number[] | null = null;
  BEFORE_KEYWORDS.lastIndex = 0;
  for (let match = BEFORE_KEYWORDS.exec(before); match; match = BEFORE_KEYWORDS.exec(before)) {
    if (match[0].length === 0) {
      BEFORE_KEYWORDS.lastIndex++;
      continue;
    }
    ends ??= RULES.map(() => -1);
    for (let group = 1; group <= RULES.length; group++) {
      if (match[group] !== undefined) ends[group - 1] = match.index + match[0].length;
    }
  }
  return ends;
}

/** True when a keyword ending at `end` is close to the amount and no price word comes between them. */
function governs(before: string, end: number, cancel: RegExp = PRICE_WORDS): boolean {
  const between = before.slice(end);
  return between.length <= 40 && !cancel.test(between);
}
