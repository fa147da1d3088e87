import { NAMED_ENTITIES, WINDOWS_1252 } from './entities.ts';

// Every repeated part is bounded or stops at the next "<", so hostile markup costs linear time.
const COMMENT = /<!--[\s\S]*?(?:-->|$)|<!\[CDATA\[|\]\]>|<![^<>]{0,2000}>|<\?[^<>]{0,2000}>/g;
// Contents of these elements are code or metadata, never text a learner should see.
const HIDDEN_ELEMENT =
  /<(script|style|noscript|template|iframe|svg|head|object)\b[^>]*>[\s\S]*?(?:<\/\1\s*>|$)/gi;
// A tag, with quoted attribute values that may themselves contain ">".
const TAG = /<\/?([a-zA-Z][a-zA-Z0-9:-]*)(?![a-zA-Z0-9:-])(?:[^<>"']|"[^"]{0,1000}"|'[^']{0,1000}')*>/g;
const BLOCK =
  /^(?:address|article|aside|blockquote|br|dd|details|dialog|div|dl|dt|fieldset|figcaption|figure|footer|form|h[1-6]|header|hr|li|main|nav|ol|option|p|pre|section|summary|table|tbody|td|tfoot|th|thead|tr|ul|title|caption|button|label|select|textarea|img|input)$/i;
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
const SPACE = /[\s\u00A0\u1680\u2000-\u200A\u2028\u2029\u202F\u205F\u3000]+/g;
// Zero-width characters, soft hyphens and control characters other than whitespace.
// eslint-disable-next-line no-control-regex
const INVISIBLE = /[\u200B-\u200D\u2060\uFEFF\u00AD\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g;

/**
 * Text a learner can read: tags removed (block tags become a space, script and style contents dropped), then
 * entities decoded exactly once, so "&lt;script&gt;" stays visible as "<script>" and is never parsed as a tag.
 * Template placeholders and "TBC" count as missing; `null` when nothing readable remains.
 */
export function toPlainText(html: string | null | undefined): string | null {
  if (typeof html !== 'string' || !html) return null;
  let text = html.length > 1_000_000 ? html.slice(0, 1_000_000) : html;
  if (text.includes('<')) {
    text = text
      .replace(/<<[A-Za-z_][\w.-]{0,60}>>/g, ' ')
      .replace(COMMENT, ' ')
      .replace(HIDDEN_ELEMENT, ' ')
      .replace(TAG, (_tag: string, name: string) => (BLOCK.test(name) ? ' ' : ''));
  }
  if (text.includes('&')) text = text.replace(ENTITY, decodeEntity);
  text = text.replace(INVISIBLE, '').replace(PLACEHOLDER, ' ').replace(SPACE, ' ').trim();
  if (!text || MISSING.test(text) || !/[\p{L}\p{N}]/u.test(text)) return null;
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
