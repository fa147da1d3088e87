import { trieSource } from './trie.ts';

/**
 * Letters (Latin, Greek, Cyrillic) as a character-class body. Patterns use it instead of \p{L} because the
 * `u` flag that \p{L} needs makes these large patterns about three times slower.
 */
export const LETTER = 'A-Za-zªµºÀ-ÖØ-öø-ɏͰ-ϿЀ-ӿ';

// Numbers as providers write them in durations and workloads: "6", "2,5", "1½", "six", "twenty-four".

const UNITS = [
  'zero',
  'one',
  'two',
  'three',
  'four',
  'five',
  'six',
  'seven',
  'eight',
  'nine',
  'ten',
  'eleven',
  'twelve',
  'thirteen',
  'fourteen',
  'fifteen',
  'sixteen',
  'seventeen',
  'eighteen',
  'nineteen',
];
const TENS: Record<string, number> = { twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60 };

const WORD_VALUES = new Map<string, number>([
  ['a', 1],
  ['an', 1],
  ['half', 0.5],
  ['half a', 0.5],
  ['half an', 0.5],
  ['a half', 0.5],
  ['one and a half', 1.5],
  ['a couple of', 2],
  ['a dozen', 12],
  ['½', 0.5],
]);
UNITS.forEach((word, value) => WORD_VALUES.set(word, value));
for (const [tens, value] of Object.entries(TENS)) {
  WORD_VALUES.set(tens, value);
  for (let unit = 1; unit <= 9; unit++) {
    WORD_VALUES.set(`${tens}-${UNITS[unit]}`, value + unit);
    WORD_VALUES.set(`${tens} ${UNITS[unit]}`, value + unit);
  }
}

const WORDS = trieSource(
  [...WORD_VALUES.keys()].filter((word) => word !== '½'),
  (char) => (char === ' ' ? '\\s+' : char),
);

/** A regex source matching one quantity: digits with an optional decimal part and "½", or a number word. */
export const QUANTITY = `(?:(?<![\\d.,])\\d+(?:[.,]\\d{1,2}(?!\\d))?(?:\\s?½)?|½|\\b${WORDS}(?![${LETTER}\\d]))`;

/** The value of a quantity matched by QUANTITY, or NaN. */
export function parseQuantity(text: string): number {
  const word = text.toLowerCase().replace(/\s+/g, ' ');
  const named = WORD_VALUES.get(word);
  if (named !== undefined) return named;
  const half = word.endsWith('½');
  const digits = half ? word.slice(0, -1).trim() : word;
  const value = Number(digits.replace(',', '.'));
  return half ? value + 0.5 : value;
}

export const round2 = (value: number): number => Math.round(value * 100) / 100;

/** Collapses the many dashes and spaces found in catalogues to "-" and " ". */
const DASHES = /[\u2010-\u2015\u2212\uFE58\uFE63\uFF0D]/g;
const DASH = /[\u2010-\u2015\u2212\uFE58\uFE63\uFF0D]/;
// Anything but single ordinary spaces: tabs, line breaks, no-break and wide spaces, or runs of spaces.
const ODD_SPACE = /[^\S ]| {2}|[\u00A0\u2000-\u200A\u202F\u205F\u3000]/;
const SPACES = /[\s\u00A0\u2000-\u200A\u202F\u205F\u3000]+/g;

export function tidy(text: string, limit: number): string {
  const cut = text.length > limit ? text.slice(0, limit) : text;
  const dashed = DASH.test(cut) ? cut.replace(DASHES, '-') : cut;
  return ODD_SPACE.test(dashed) ? dashed.replace(SPACES, ' ') : dashed;
}

/**
 * Every match of a global regex, without `matchAll`: that clones the regex on each call, which costs
 * microseconds for the large patterns here.
 */
export function matchesOf(pattern: RegExp, text: string): RegExpExecArray[] {
  const found: RegExpExecArray[] = [];
  pattern.lastIndex = 0;
  for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
    found.push(match);
    if (match[0].length === 0) pattern.lastIndex++;
  }
  pattern.lastIndex = 0;
  return found;
}
