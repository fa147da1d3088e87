import { NAMED_ENTITIES, WINDOWS_1252 } from './entities.ts';

// Every repeated part is bounded or stops at the next "<", so hostile markup costs linear time.
const COMMENT = /<!--[\s\S]*?(?:-->|$)|<!\[CDATA\[|\]\]>|<![^<>]{0,2000}>|<\?[^<>]{0,2000}>/g;
// Contents of these elements are code or metadata, never text a learner should see.
const HIDDEN_ELEMENT =
  /<(script|style|noscript|template|iframe|svg|head|object)\b[^<>]{0,2000}>[\s\S]*?(?:<\/\1\s*>|$)/gi;
const HIDDEN_OPENING = /<(?:script|style|noscript|template|iframe|svg|head|object)\b/i;
// Block-level elements: their tags separate words; inline tags (<b>, <span>) do not.
const BLOCK_NAMES = [
  ...'address article aside blockquote br caption dd details dialog div dl dt fieldset figcaption figure footer form',
  ...' header hr li main nav ol option p pre section summary table tbody td tfoot th thead tr ul title button label',
  ...' select textarea img input h1 h2 h3 h4 h5 h6',
]
  .join('')
  .split(' ');
// The rest of a tag after its name, with quoted attribute values that may themselves contain ">".
const TAG_REST = `(?![a-zA-Z0-9:-])(?:[^<>"']|"[^"]{0,1000}"|'[^']{0,1000}')*>`;
const BLOCK_TAG = new RegExp(`</?(?:${BLOCK_NAMES.join('|')})${TAG_REST}`, 'gi');
const TAG = new RegExp(`</?[a-zA-Z][a-zA-Z0-9:-]*${TAG_REST}`, 'g');
const ENTITY = /&(?:#(\d{1,8})|#[xX]([0-9a-fA-F]{1,7})|([A-Za-z][A-Za-z0-9]{1,31}));?/g;
// Without ";" browsers still decode a few legacy names; requiring it elsewhere keeps "&copyright" and URLs intact.
const LEGACY_WITHOUT_SEMICOLON = new Set([
  'amp',
  'lt',
  'gt',
  'quot',
  'nbsp',
  'copy',
  'reg',
  'AMP',
  'LT',
  'GT',
  'QUOT',
]);
const PLACEHOLDER =
  /\{\{[^{}]{0,200}\}\}|\{%[^%]{0,200}%\}|\$\{[^{}]{0,200}\}|#\{[^{}]{0,200}\}|\{[A-Za-z_][\w.-]{0,60}\}|\[\[[^[\]]{0,200}\]\]|%%?[A-Za-z_][A-Za-z0-9_]{0,60}%%?|<<[A-Za-z_][\w.-]{0,60}>>|\[(?:insert|add|enter|your)\b[^\]]{0,200}\]|\[(?:TBC|TBA|TBD|DATE|PRICE|TITLE)\]|__[A-Z][A-Z0-9_]{0,60}__/gi;
const MISSING =
  /^(?:tbc|tba|tbd|tbc\.|n\/?a|na|to be (?:confirmed|announced|determined|advised|decided)|coming soon|null|undefined|nan|nil|\[object object\]|lorem ipsum\b.*|[-–—_.?*\s]+)$/i;
const ASCII_ALPHANUMERIC = /[A-Za-z0-9]/;
const ALPHANUMERIC = /[\p{L}\p{N}]/u;
const PLACEHOLDER_HINT = /[{[%$#]|__|<</;
const ODD_SPACE = /[^\S ]| {2}|[\u00A0\u1680\u2000-\u200A\u2028\u2029\u202F\u205F\u3000]/;
const SPACE = /[\s\u00A0\u1680\u2000-\u200A\u2028\u2029\u202F\u205F\u3000]+/g;
// Zero-width characters, soft hyphens and control characters other than whitespace.
// eslint-disable-next-line no-control-regex
const INVISIBLE = /[\u200B-\u200D\u2060\uFEFF\u00AD\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g;
const INVISIBLE_TEST = new RegExp(INVISIBLE.source);

/**
 * Text a learner can read: tags removed (block tags become a space, script and style contents dropped), then
 * entities decoded exactly once, so "&lt;script&gt;" stays visible as "<script>" and is never parsed as a tag.
 * Template placeholders and "TBC" count as missing; `null` when nothing readable remains.
 */
export function toPlainText(html: string | null | undefined): string | null {
  if (typeof html !== 'string' || !html) return null;
  let text = html.length > 1_000_000 ? html.slice(0, 1_000_000) : html;
  // Each pass runs only when its trigger character is present: most catalogue text has none.
  if (text.includes('<')) {
    if (text.includes('<<')) text = text.replace(/<<[A-Za-z_][\w.-]{0,60}>>/g, ' ');
    if (text.includes('<!') || text.includes('<?') || text.includes(']]>')) text = text.replace(COMMENT, ' ');
    if (HIDDEN_OPENING.test(text)) text = text.replace(HIDDEN_ELEMENT, ' ');
    // block tags first (they separate words), then the inline ones (they do not)
    text = text.replace(BLOCK_TAG, ' ').replace(TAG, '');
  }
  if (text.includes('&')) text = text.replace(ENTITY, decodeEntity);
  if (INVISIBLE_TEST.test(text)) text = text.replace(INVISIBLE, '');
  if (PLACEHOLDER_HINT.test(text)) text = text.replace(PLACEHOLDER, ' ');
  if (ODD_SPACE.test(text)) text = text.replace(SPACE, ' ');
  text = text.trim();
  if (!text || MISSING.test(text) || (!ASCII_ALPHANUMERIC.test(text) && !ALPHANUMERIC.test(text)))
    return null;
  return text;
}

function decodeEntity(match: string, decimal?: string, hex?: string, name?: string): string {
  if (name !== undefined) {
    if (!match.endsWith(';') && !LEGACY_WITHOUT_SEMICOLON.has(name)) return match;
    return NAMED_ENTITIES.get(name) ?? NAMED_ENTITIES.get(name.toLowerCase()) ?? match;
  }
  const code = decimal !== undefined ? Number(decimal) : parseInt(hex!, 16);
  if (code === 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return '\uFFFD';
  return String.fromCodePoint(WINDOWS_1252[code] ?? code);
}
