import { FIELD_KEYWORDS } from './field-keywords.ts';

export { expandFieldCodes, fieldName, isFieldCode, ISCED_F, narrowerFields } from './isced-f.ts';
export type { FieldLevel, FieldOfEducation } from './isced-f.ts';

const MAX_PHRASE_WORDS = 4;
const MAX_CODES = 4;
const TOKEN = /[\p{L}\p{N}+#]+/gu;
// "IT" in capitals is information technology; lower-case "it" is a pronoun.
const IT_ACRONYM = /(?<![\p{L}])IT(?![\p{L}])/u;

/** phrase (words joined by one space) → codes, with plural forms of the last word */
const PHRASES = new Map<string, string[]>();
/** first word of a phrase → the most words a phrase starting with it has, so most words need one lookup */
const LONGEST_FROM = new Map<string, number>();
for (const [code, phrases] of Object.entries(FIELD_KEYWORDS)) {
  for (const phrase of phrases) {
    const words = phrase.match(TOKEN) ?? [];
    const key = words.join(' ');
    LONGEST_FROM.set(words[0]!, Math.max(LONGEST_FROM.get(words[0]!) ?? 1, words.length));
    const forms = [key, `${key}s`, `${key}es`];
    if (key.endsWith('y')) forms.push(`${key.slice(0, -1)}ies`);
    for (const form of forms) {
      const codes = PHRASES.get(form) ?? [];
      if (!codes.includes(code)) codes.push(code);
      PHRASES.set(form, codes);
    }
  }
}

interface Hit {
  count: number;
  first: number;
}

function count(hits: Map<string, Hit>, code: string, position: number): void {
  const hit = hits.get(code);
  if (hit) hit.count++;
  else hits.set(code, { count: 1, first: position });
}

/**
 * ISCED-F 2013 codes for a course, from its title, keywords and the provider's subject labels (joined in one
 * text). The longest phrase wins at each position; a broader code is dropped when a narrower one below it is
 * found; the most-mentioned fields come first.
 */
export function classifyField(text: string | null | undefined): string[] {
  if (typeof text !== 'string' || !text) return [];
  const source = text.slice(0, 4000);
  const words = source.toLowerCase().match(TOKEN);
  if (!words) return [];
  const hits = new Map<string, Hit>();
  for (let index = 0; index < words.length;) {
    let matched = 0;
    const longest = Math.min(LONGEST_FROM.get(words[index]!) ?? 1, MAX_PHRASE_WORDS, words.length - index);
    for (let length = longest; length > 0 && !matched; length--) {
      const codes = PHRASES.get(length === 1 ? words[index]! : words.slice(index, index + length).join(' '));
      if (!codes) continue;
      for (const code of codes) count(hits, code, index);
      matched = length;
    }
    index += matched || 1;
  }
  if (IT_ACRONYM.test(source)) count(hits, '061', words.length);
  if (hits.size <= 1) return [...hits.keys()];
  const codes = [...hits.keys()];
  return codes
    .filter((code) => !codes.some((other) => other !== code && other.startsWith(code)))
    .sort((a, b) => hits.get(b)!.count - hits.get(a)!.count || hits.get(a)!.first - hits.get(b)!.first)
    .slice(0, MAX_CODES);
}
