/**
 * Arrays and objects nested deeper than this are refused: course data needs a few levels, and a document nested
 * 100,000 deep would overflow the stack of whatever walks it after JSON.parse.
 */
export const MAX_JSON_DEPTH = 100;

export interface TextPosition {
  line: number;
  column: number;
}

export const tooDeepMessage = ({ line, column }: TextPosition) =>
  `nests arrays and objects more than ${MAX_JSON_DEPTH} levels deep (line ${line}, column ${column})`;

export const TOO_DEEP_FIX =
  'Course data needs a few levels at most: look for a bracket opened again and again there, or flatten the structure.';

/** Where `text` first nests arrays and objects more than MAX_JSON_DEPTH deep, or null; one pass, strings skipped. */
export function tooDeepAt(text: string): TextPosition | null {
  let depth = 0;
  let line = 1;
  let lineStart = 0;
  let inString = false;
  let escaped = false;
  for (let position = 0; position < text.length; position++) {
    const char = text.charCodeAt(position);
    if (char === 0x0a) {
      line++;
      lineStart = position + 1;
    } else if (inString) {
      if (escaped) escaped = false;
      else if (char === 0x5c) escaped = true;
      else if (char === 0x22) inString = false;
    } else if (char === 0x22) inString = true;
    else if (char === 0x7b || char === 0x5b) {
      if (++depth > MAX_JSON_DEPTH) return { line, column: position - lineStart + 1 };
    } else if (char === 0x7d || char === 0x5d) depth--;
  }
  return null;
}

/** JSON.parse for text from outside, refusing nesting deeper than MAX_JSON_DEPTH before anything walks it. */
export function parseUntrustedJson(text: string): unknown {
  const at = tooDeepAt(text);
  if (at) throw new SyntaxError(`The JSON ${tooDeepMessage(at)}`);
  return JSON.parse(text);
}
