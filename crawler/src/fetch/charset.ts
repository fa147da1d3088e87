export interface DecodedText {
  text: string;
  /** the encoding used, as TextDecoder names it */
  charset: string;
  /** where the encoding came from */
  from: 'bom' | 'header' | 'meta' | 'default' | 'fallback';
  warning?: string;
}

const BOMS: [number[], string][] = [
  [[0xef, 0xbb, 0xbf], 'utf-8'],
  [[0xfe, 0xff], 'utf-16be'],
  [[0xff, 0xfe], 'utf-16le'],
];

function bomEncoding(bytes: Uint8Array): string | undefined {
  return BOMS.find(([bom]) => bom.every((byte, index) => bytes[index] === byte))?.[1];
}

export function charsetFromContentType(contentType: string | null | undefined): string | undefined {
  return /charset\s*=\s*["']?([\w.:-]+)/i.exec(contentType ?? '')?.[1];
}

/**
 * `<meta charset>` or `<meta http-equiv="content-type" content="…; charset=…">` in the page's head. Browsers
 * prescan 1024 bytes and decode again when a later `<meta>` names another encoding; saved pages often carry
 * long heads, so the whole head is read (up to `<body>`, at most 64 KB).
 */
function metaCharset(bytes: Uint8Array): string | undefined {
  const prefix = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, HEAD_LIMIT)).toString(
    'latin1',
  );
  const body = prefix.search(/<body[\s>]/i);
  const head = body >= 0 ? prefix.slice(0, body) : prefix;
  for (const [tag] of head.matchAll(/<meta\b[^>]*>/gi)) {
    const found = /charset\s*=\s*["']?\s*([\w.:-]+)/i.exec(tag)?.[1];
    if (found) return found;
  }
  return undefined;
}

const HEAD_LIMIT = 64 * 1024;

/** windows-1252's 0x80–0x9F; the rest of the byte range is ISO-8859-1. */
const WINDOWS_1252_HIGH =
  '\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f' +
  '\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178';

/** Node 20's TextDecoder reads windows-1252 (and so ISO-8859-1, which means it on the web) as plain Latin-1. */
function decodeWindows1252(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)
    .toString('latin1')
    .replace(/[\u0080-\u009f]/g, (char) => WINDOWS_1252_HIGH[char.charCodeAt(0) - 0x80]!);
}

interface Decoder {
  encoding: string;
  decode(bytes: Uint8Array): string;
}

function decoderFor(label: string): Decoder | undefined {
  try {
    // a page that says UTF-16 in a <meta> cannot be UTF-16 (the meta was readable as ASCII): browsers use UTF-8
    const decoder = new TextDecoder(/^utf-?16/i.test(label) ? 'utf-8' : label);
    return decoder.encoding === 'windows-1252'
      ? { encoding: 'windows-1252', decode: decodeWindows1252 }
      : decoder;
  } catch {
    return undefined;
  }
}

/**
 * Decodes an HTML response as a browser would: byte-order mark, then the Content-Type charset, then `<meta>`;
 * undeclared bytes that are not valid UTF-8 are read as windows-1252.
 */
export function decodeHtml(bytes: Uint8Array, contentType?: string | null): DecodedText {
  const bom = bomEncoding(bytes);
  if (bom) return { text: new TextDecoder(bom).decode(bytes), charset: bom, from: 'bom' };
  let warning: string | undefined;
  for (const [label, from] of [
    [charsetFromContentType(contentType), 'header'],
    [metaCharset(bytes), 'meta'],
  ] as const) {
    if (!label) continue;
    const decoder = decoderFor(label);
    if (decoder) return { text: decoder.decode(bytes), charset: decoder.encoding, from };
    warning ??= `unknown charset "${label}" in the ${from === 'header' ? 'Content-Type header' : '<meta> tag'}; read as UTF-8`;
  }
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return { text, charset: 'utf-8', from: 'default', ...(warning ? { warning } : {}) };
  } catch {
    const text = decodeWindows1252(bytes);
    return {
      text,
      charset: 'windows-1252',
      from: 'fallback',
      warning: warning ?? 'no charset declared and the bytes are not UTF-8; read as windows-1252',
    };
  }
}
