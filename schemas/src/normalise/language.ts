import { Memo } from './memo.ts';

// Language names in English and in the language itself, mapped to BCP 47 tags.
const NAMES: [string, string][] = [
  ['english', 'en'],
  ['anglais', 'en'],
  ['inglés', 'en'],
  ['ingles', 'en'],
  ['englisch', 'en'],
  ['inglês', 'en'],
  ['spanish', 'es'],
  ['español', 'es'],
  ['espanol', 'es'],
  ['castellano', 'es'],
  ['castilian', 'es'],
  ['espagnol', 'es'],
  ['spanisch', 'es'],
  ['espanhol', 'es'],
  ['french', 'fr'],
  ['français', 'fr'],
  ['francais', 'fr'],
  ['francés', 'fr'],
  ['französisch', 'fr'],
  ['francês', 'fr'],
  ['german', 'de'],
  ['deutsch', 'de'],
  ['allemand', 'de'],
  ['alemán', 'de'],
  ['alemão', 'de'],
  ['portuguese', 'pt'],
  ['português', 'pt'],
  ['portugues', 'pt'],
  ['portugais', 'pt'],
  ['portugués', 'pt'],
  ['italian', 'it'],
  ['italiano', 'it'],
  ['italien', 'it'],
  ['dutch', 'nl'],
  ['flemish', 'nl'],
  ['nederlands', 'nl'],
  ['chinese', 'zh'],
  ['mandarin', 'zh'],
  ['中文', 'zh'],
  ['汉语', 'zh'],
  ['漢語', 'zh'],
  ['普通话', 'zh'],
  ['简体中文', 'zh-Hans'],
  ['繁體中文', 'zh-Hant'],
  ['cantonese', 'yue'],
  ['粵語', 'yue'],
  ['广东话', 'yue'],
  ['japanese', 'ja'],
  ['日本語', 'ja'],
  ['korean', 'ko'],
  ['한국어', 'ko'],
  ['arabic', 'ar'],
  ['العربية', 'ar'],
  ['russian', 'ru'],
  ['русский', 'ru'],
  ['hindi', 'hi'],
  ['हिन्दी', 'hi'],
  ['हिंदी', 'hi'],
  ['polish', 'pl'],
  ['polski', 'pl'],
  ['turkish', 'tr'],
  ['türkçe', 'tr'],
  ['swedish', 'sv'],
  ['svenska', 'sv'],
  ['danish', 'da'],
  ['dansk', 'da'],
  ['norwegian', 'no'],
  ['norsk', 'no'],
  ['bokmål', 'nb'],
  ['nynorsk', 'nn'],
  ['finnish', 'fi'],
  ['suomi', 'fi'],
  ['greek', 'el'],
  ['ελληνικά', 'el'],
  ['czech', 'cs'],
  ['čeština', 'cs'],
  ['slovak', 'sk'],
  ['slovenčina', 'sk'],
  ['slovenian', 'sl'],
  ['slovene', 'sl'],
  ['slovenščina', 'sl'],
  ['hungarian', 'hu'],
  ['magyar', 'hu'],
  ['romanian', 'ro'],
  ['română', 'ro'],
  ['bulgarian', 'bg'],
  ['български', 'bg'],
  ['croatian', 'hr'],
  ['hrvatski', 'hr'],
  ['serbian', 'sr'],
  ['srpski', 'sr'],
  ['ukrainian', 'uk'],
  ['українська', 'uk'],
  ['hebrew', 'he'],
  ['עברית', 'he'],
  ['indonesian', 'id'],
  ['bahasa indonesia', 'id'],
  ['malay', 'ms'],
  ['bahasa melayu', 'ms'],
  ['vietnamese', 'vi'],
  ['tiếng việt', 'vi'],
  ['thai', 'th'],
  ['ไทย', 'th'],
  ['irish', 'ga'],
  ['gaeilge', 'ga'],
  ['welsh', 'cy'],
  ['cymraeg', 'cy'],
  ['scottish gaelic', 'gd'],
  ['gàidhlig', 'gd'],
  ['catalan', 'ca'],
  ['català', 'ca'],
  ['basque', 'eu'],
  ['euskara', 'eu'],
  ['galician', 'gl'],
  ['galego', 'gl'],
  ['estonian', 'et'],
  ['eesti', 'et'],
  ['latvian', 'lv'],
  ['latviešu', 'lv'],
  ['lithuanian', 'lt'],
  ['lietuvių', 'lt'],
  ['maltese', 'mt'],
  ['malti', 'mt'],
  ['icelandic', 'is'],
  ['íslenska', 'is'],
  ['persian', 'fa'],
  ['farsi', 'fa'],
  ['فارسی', 'fa'],
  ['urdu', 'ur'],
  ['اردو', 'ur'],
  ['bengali', 'bn'],
  ['bangla', 'bn'],
  ['বাংলা', 'bn'],
  ['tamil', 'ta'],
  ['தமிழ்', 'ta'],
  ['swahili', 'sw'],
  ['kiswahili', 'sw'],
  ['filipino', 'fil'],
  ['tagalog', 'tl'],
  ['afrikaans', 'af'],
  ['māori', 'mi'],
  ['maori', 'mi'],
  ['te reo māori', 'mi'],
  ['te reo maori', 'mi'],
  ['auslan', 'asf'],
  ['british sign language', 'bfi'],
  ['american sign language', 'ase'],
];

// Names that carry a region or script.
const VARIANTS: [RegExp, string][] = [
  [
    /\b(?:brazilian portuguese|portugu[eê]s (?:do )?brasil(?:eiro)?)\b|^portugu[eê]se? \((?:brasil|brazil)\)$/i,
    'pt-BR',
  ],
  [/\beuropean portuguese\b|^portugu[eê]se? \((?:portugal|europe|europeu)\)$/i, 'pt-PT'],
  [
    /\b(?:latin american spanish|español latino(?:americano)?)\b|^espa[nñ]ol \((?:latinoam[eé]rica|am[eé]rica latina|latam)\)$|^spanish \((?:latin america|latam)\)$/i,
    'es-419',
  ],
  [/\b(?:castilian spanish|spanish \(spain\)|español \(españa\))$/i, 'es-ES'],
  [/^español \(méxico\)$|^spanish \(mexico\)$|\bmexican spanish\b/i, 'es-MX'],
  [
    /\b(?:american english|english \((?:us|usa|united states|american)\)|us english)\b|^english \((?:us|usa|united states)\)$/i,
    'en-US',
  ],
  [
    /\b(?:british english|english \((?:uk|gb|united kingdom|british)\)|uk english)\b|^english \((?:uk|gb|united kingdom)\)$/i,
    'en-GB',
  ],
  [/\b(?:australian english)\b|^english \((?:australia|au)\)$/i, 'en-AU'],
  [
    /\b(?:canadian french|français canadien|québécois)\b|^fran[cç]ais \((?:canada|québec)\)$|^french \(canada\)$/i,
    'fr-CA',
  ],
  [/\bswiss german\b|^deutsch \(schweiz\)$/i, 'de-CH'],
  [/\b(?:simplified chinese|chinese \(simplified\)|中文\s*[(（]简体[)）])|^简体/i, 'zh-Hans'],
  [/\b(?:traditional chinese|chinese \(traditional\)|中文\s*[(（]繁體[)）])|^繁體/i, 'zh-Hant'],
];

// ISO 639-1 codes, so "xx" or "zz" is not taken for a language.
const ISO_639_1 = new Set(
  'aa ab ae af ak am an ar as av ay az ba be bg bi bm bn bo br bs ca ce ch co cr cs cu cv cy da de dv dz ee el en eo es et eu fa ff fi fj fo fr fy ga gd gl gn gu gv ha he hi ho hr ht hu hy hz ia id ie ig ii ik io is it iu ja jv ka kg ki kj kk kl km kn ko kr ks ku kv kw ky la lb lg li ln lo lt lu lv mg mh mi mk ml mn mr ms mt my na nb nd ne ng nl nn no nr nv ny oc oj om or os pa pi pl ps pt qu rm rn ro ru rw sa sc sd se sg si sk sl sm sn so sq sr ss st su sv sw ta te tg th ti tk tl tn to tr ts tt tw ty ug uk ur uz ve vi vo wa wo xh yi yo za zh zu'.split(
    ' ',
  ),
);
// Three-letter ISO 639-2/3 codes seen in feeds (bibliographic and terminology forms).
const ISO_639_3: Record<string, string> = {
  eng: 'en',
  spa: 'es',
  fra: 'fr',
  fre: 'fr',
  deu: 'de',
  ger: 'de',
  por: 'pt',
  ita: 'it',
  nld: 'nl',
  dut: 'nl',
  zho: 'zh',
  chi: 'zh',
  cmn: 'zh',
  yue: 'yue',
  jpn: 'ja',
  kor: 'ko',
  ara: 'ar',
  rus: 'ru',
  hin: 'hi',
  pol: 'pl',
  tur: 'tr',
  swe: 'sv',
  dan: 'da',
  nor: 'no',
  fin: 'fi',
  ell: 'el',
  gre: 'el',
  ces: 'cs',
  cze: 'cs',
  hun: 'hu',
  ron: 'ro',
  rum: 'ro',
  ukr: 'uk',
  heb: 'he',
  ind: 'id',
  msa: 'ms',
  vie: 'vi',
  tha: 'th',
  gle: 'ga',
  cym: 'cy',
  wel: 'cy',
  cat: 'ca',
  fil: 'fil',
  mri: 'mi',
  asf: 'asf',
  bfi: 'bfi',
  ase: 'ase',
};

const BY_NAME = new Map(NAMES);
const NAME_PATTERN = new RegExp(
  `(?<![\\p{L}])(?:${[...BY_NAME.keys()].sort((a, b) => b.length - a.length).join('|')})(?![\\p{L}])`,
  'iu',
);
const TAG = /^([a-z]{2,3})(?:[-_]([a-z]{4}))?(?:[-_]([a-z]{2}|\d{3}))?$/i;
const SPLIT = /\s*(?:[,;/|&+·•]|\band\b|\bet\b|\by\b|\bund\b|\be\b)\s*/i;

/** One BCP 47 tag for the first language the text names: "Español" → "es", "Português (Brasil)" → "pt-BR". */
export function normaliseLanguage(text: string | null | undefined): string | null {
  return typeof text === 'string' ? LANGUAGES.get(text, () => languageOf(text)) : null;
}

const LANGUAGES = new Memo<string | null>();

function languageOf(text: string): string | null {
  const trimmed = text.slice(0, 200).trim();
  if (!trimmed) return null;
  const tag = fromTag(trimmed);
  if (tag) return tag;
  for (const [pattern, code] of VARIANTS) if (pattern.test(trimmed)) return code;
  const named = NAME_PATTERN.exec(trimmed);
  return named ? BY_NAME.get(named[0].toLowerCase())! : null;
}

/** Every language a text lists: "English, Français y Español" → ["en", "fr", "es"]. */
export function normaliseLanguages(text: string | null | undefined): string[] {
  if (typeof text !== 'string') return [];
  // a copy, so a caller changing the result cannot change what the next caller gets
  return [...LANGUAGE_LISTS.get(text, () => languagesOf(text))];
}

const LANGUAGE_LISTS = new Memo<string[]>();

function languagesOf(text: string): string[] {
  const whole = normaliseLanguage(text);
  const parts = text.slice(0, 500).split(SPLIT);
  const codes = parts.length > 1 ? parts.map((part) => normaliseLanguage(part)) : [whole];
  return [...new Set(codes.filter((code): code is string => code !== null))];
}

function fromTag(text: string): string | null {
  const match = TAG.exec(text);
  if (!match) return null;
  const [, language, script, region] = match;
  const lower = language!.toLowerCase();
  const base = lower.length === 2 ? (ISO_639_1.has(lower) ? lower : null) : (ISO_639_3[lower] ?? null);
  if (!base) return null;
  // A bare two-letter word must be written as a code: "EN" or "en", not the English word "it".
  if (!script && !region && lower.length === 2 && text !== lower && text !== lower.toUpperCase()) return null;
  return [
    base,
    script ? script[0]!.toUpperCase() + script.slice(1).toLowerCase() : null,
    region?.toUpperCase() ?? null,
  ]
    .filter(Boolean)
    .join('-');
}
