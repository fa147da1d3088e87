import { describe, expect, it } from 'vitest';
import { normaliseLanguage, normaliseLanguages } from './language.ts';

const rows: [string, string | null][] = [
  // names in English and in the language itself
  ['English', 'en'],
  ['english', 'en'],
  ['ENGLISH', 'en'],
  ['Español', 'es'],
  ['Spanish', 'es'],
  ['Castellano', 'es'],
  ['Français', 'fr'],
  ['French', 'fr'],
  ['Deutsch', 'de'],
  ['German', 'de'],
  ['Português', 'pt'],
  ['Italiano', 'it'],
  ['Nederlands', 'nl'],
  ['中文', 'zh'],
  ['Chinese', 'zh'],
  ['Mandarin', 'zh'],
  ['日本語', 'ja'],
  ['한국어', 'ko'],
  ['العربية', 'ar'],
  ['Русский', 'ru'],
  ['हिन्दी', 'hi'],
  ['Polski', 'pl'],
  ['Türkçe', 'tr'],
  ['Svenska', 'sv'],
  ['Suomi', 'fi'],
  ['Ελληνικά', 'el'],
  ['Gaeilge', 'ga'],
  ['Welsh', 'cy'],
  ['Te reo Māori', 'mi'],
  ['Auslan', 'asf'],
  // regions and scripts
  ['Português (Brasil)', 'pt-BR'],
  ['Portuguese (Brazil)', 'pt-BR'],
  ['Brazilian Portuguese', 'pt-BR'],
  ['European Portuguese', 'pt-PT'],
  ['Español (Latinoamérica)', 'es-419'],
  ['Latin American Spanish', 'es-419'],
  ['English (US)', 'en-US'],
  ['American English', 'en-US'],
  ['English (UK)', 'en-GB'],
  ['British English', 'en-GB'],
  ['Français (Canada)', 'fr-CA'],
  ['Chinese (Simplified)', 'zh-Hans'],
  ['Chinese (Traditional)', 'zh-Hant'],
  ['简体中文', 'zh-Hans'],
  ['繁體中文', 'zh-Hant'],
  // codes
  ['en', 'en'],
  ['EN', 'en'],
  ['en-US', 'en-US'],
  ['en_us', 'en-US'],
  ['EN-GB', 'en-GB'],
  ['es-419', 'es-419'],
  ['zh-hans', 'zh-Hans'],
  ['zh-Hant-TW', 'zh-Hant-TW'],
  ['pt-br', 'pt-BR'],
  ['eng', 'en'],
  ['fre', 'fr'],
  ['deu', 'de'],
  // sentences and lists take the first language named
  ['Taught in English', 'en'],
  ['English with Spanish subtitles', 'en'],
  ['English, French', 'en'],
  // not a language
  ['xx', null],
  ['It', null],
  ['Online', null],
  ['', null],
  ['TBC', null],
  ['12', null],
];

describe('normaliseLanguage', () => {
  it.each(rows)('%j', (text, expected) => {
    expect(normaliseLanguage(text)).toBe(expected);
  });
});

describe('normaliseLanguages', () => {
  it.each([
    ['English, Français y Español', ['en', 'fr', 'es']],
    ['English / Spanish', ['en', 'es']],
    ['Deutsch und Englisch', ['de', 'en']],
    ['en; fr', ['en', 'fr']],
    ['Português (Brasil)', ['pt-BR']],
    ['English and English', ['en']],
    ['', []],
  ])('%j', (text, expected) => {
    expect(normaliseLanguages(text)).toEqual(expected);
  });
});
