import { isElement } from './dom.ts';
import type { DomNode } from './dom.ts';

const HIDDEN = new Set(['script', 'style', 'noscript', 'template', 'head', 'svg', 'iframe', 'object']);
const BLOCK = new Set([
  'address',
  'article',
  'aside',
  'blockquote',
  'br',
  'caption',
  'dd',
  'details',
  'div',
  'dl',
  'dt',
  'fieldset',
  'figcaption',
  'figure',
  'footer',
  'form',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'hr',
  'li',
  'main',
  'nav',
  'ol',
  'option',
  'p',
  'pre',
  'section',
  'summary',
  'table',
  'tbody',
  'td',
  'tfoot',
  'th',
  'thead',
  'tr',
  'ul',
]);
const LINE_BREAK = Symbol('line break');

/**
 * The text a reader sees, with a line break wherever a block starts or ends. Text nodes come from the parser
 * with entities decoded, so `&lt;script&gt;` reads as the literal characters `<script>`; markup never leaks in.
 */
export function visibleLines(node: DomNode): string[] {
  const lines = new LineCollector();
  // an explicit stack, so a page with thousands of unclosed tags cannot overflow the call stack
  const stack: (DomNode | typeof LINE_BREAK)[] = [node];
  while (stack.length > 0) {
    const current = stack.pop()!;
    if (current === LINE_BREAK) {
      lines.end();
      continue;
    }
    if (current.nodeType === 3 && 'data' in current) {
      lines.add(current.data);
      continue;
    }
    if (isElement(current)) {
      const name = current.tagName.toLowerCase();
      if (HIDDEN.has(name) || current.attribs.hidden !== undefined) continue;
      if (BLOCK.has(name)) {
        lines.end();
        stack.push(LINE_BREAK);
      }
    }
    if ('children' in current)
      for (let index = current.children.length - 1; index >= 0; index--) stack.push(current.children[index]!);
  }
  lines.end();
  return lines.lines;
}

/** What `\s` matches, minus the newline that ends a line. */
function isSpace(code: number): boolean {
  return code === 32 || (code >= 9 && code <= 13) || code === 0xa0 || (code >= 0x1680 && isWideSpace(code));
}

function isWideSpace(code: number): boolean {
  return (
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000 ||
    code === 0xfeff
  );
}

/**
 * Text in, trimmed lines out, each run of whitespace one space — one pass over the characters, as a whole page of
 * text through split and regular expressions was the slowest step of reading a page.
 */
class LineCollector {
  readonly lines: string[] = [];
  private line = '';
  private gap = false;

  add(text: string): void {
    for (let index = 0; index < text.length;) {
      const code = text.charCodeAt(index);
      if (code === 10) {
        this.end();
        index++;
      } else if (isSpace(code)) {
        this.gap = true;
        index++;
      } else {
        let stop = index + 1;
        while (stop < text.length && text.charCodeAt(stop) !== 10 && !isSpace(text.charCodeAt(stop))) stop++;
        if (this.gap && this.line) this.line += ' ';
        this.line += text.slice(index, stop);
        this.gap = false;
        index = stop;
      }
    }
  }

  end(): void {
    if (this.line) this.lines.push(this.line);
    this.line = '';
    this.gap = false;
  }
}

/** An element's visible text on one line. */
export function visibleText(node: DomNode): string {
  return visibleLines(node).join(' ');
}
